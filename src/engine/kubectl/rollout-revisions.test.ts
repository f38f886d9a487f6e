/**
 * How kubectl reads rollout history: deploymentutil.Revision (kubectl pkg/util/
 * deployment), equalIgnoreHash and daemonSetMatch / statefulsetMatch
 * (polymorphichelpers/rollback.go), controlledHistory (polymorphichelpers/history.go).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { ControllerRevision, PodTemplateSpec } from '../api/workload-types';
import type { Cluster } from '../index';
import {
  canonicalJson,
  equalIgnoreHash,
  ownedReplicaSets,
  ownedRevisions,
  revisionOf,
  revisionTemplate,
  templateMatches,
} from './rollout-revisions';

const withAnnotations = (annotations?: Record<string, string>) =>
  ({ metadata: { name: 'x', annotations } }) as unknown as KubeObject;

const template = (labels: Record<string, string>, image = 'nginx'): PodTemplateSpec => ({
  metadata: { labels },
  spec: { containers: [{ name: 'app', image }] },
});

describe('revisionOf', () => {
  it('reads the annotation; none is revision 0; garbage is skipped', () => {
    expect(revisionOf(withAnnotations({ 'deployment.kubernetes.io/revision': '12' }))).toBe(12);
    expect(revisionOf(withAnnotations())).toBe(0);
    expect(revisionOf(withAnnotations({ 'deployment.kubernetes.io/revision': 'x' }))).toBeUndefined();
  });
});

describe('equalIgnoreHash', () => {
  it('ignores only the pod-template-hash label', () => {
    expect(equalIgnoreHash(template({ app: 'a', 'pod-template-hash': '123' }), template({ app: 'a' }))).toBe(true);
    expect(equalIgnoreHash(template({ app: 'a' }), template({ app: 'b' }))).toBe(false);
    expect(equalIgnoreHash(template({ app: 'a' }), template({ app: 'a' }, 'nginx:1.27'))).toBe(false);
  });
  it('treats a template whose only label was the hash like one with no labels (Semantic.DeepEqual)', () => {
    const bare: PodTemplateSpec = { spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    expect(equalIgnoreHash(template({ 'pod-template-hash': '1' }), bare)).toBe(true);
  });
});

describe('ControllerRevision data', () => {
  const owner = { kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { template: template({ app: 'a' }) } };
  const rev = (t: PodTemplateSpec) =>
    ({
      revision: 1,
      metadata: { name: 'r' },
      data: { spec: { template: { $patch: 'replace', ...t } } },
    }) as unknown as ControllerRevision;

  it('the revision restores its template without the $patch directive', () => {
    expect(revisionTemplate(rev(template({ app: 'a' })))).toEqual(template({ app: 'a' }));
  });
  it("matches when the owner's template patch has the same bytes, whatever the key order", () => {
    const reordered = { spec: { containers: [{ image: 'nginx', name: 'app' }] }, metadata: { labels: { app: 'a' } } };
    expect(templateMatches(owner as unknown as KubeObject, rev(reordered as PodTemplateSpec))).toBe(true);
    expect(templateMatches(owner as unknown as KubeObject, rev(template({ app: 'b' })))).toBe(false);
  });
  it('canonicalJson sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":2,"f":1}]},"b":1}',
    );
  });
});

describe('owned history', () => {
  const owner = {
    metadata: { name: 'web', namespace: 'default', uid: 'u1' },
    spec: { selector: { matchLabels: { app: 'web' } } },
  };
  const item = (kind: string, name: string, labels: Record<string, string>, uid?: string, extra = {}) => ({
    kind,
    metadata: { name, labels, ...(uid ? { ownerReferences: [{ uid, controller: true }] } : {}) },
    ...extra,
  });
  const cluster = (items: object[]) =>
    ({ list: (kind: string) => items.filter((i) => (i as KubeObject).kind === kind) }) as unknown as Cluster;

  it('keeps what the selector matches and the owner controls (GetAllReplicaSets, controlledHistory)', () => {
    const c = cluster([
      item('ReplicaSet', 'mine', { app: 'web' }, 'u1'),
      item('ReplicaSet', 'orphan', { app: 'web' }),
      item('ReplicaSet', 'theirs', { app: 'web' }, 'u2'),
      item('ReplicaSet', 'unselected', { app: 'api' }, 'u1'),
      item('ControllerRevision', 'r2', { app: 'web' }, 'u1', { revision: 2 }),
      item('ControllerRevision', 'r1', { app: 'web' }, 'u1', { revision: 1 }),
      item('ControllerRevision', 'other', { app: 'web' }, 'u2', { revision: 3 }),
    ]);
    expect(ownedReplicaSets(c, owner as unknown as KubeObject).map((rs) => rs.metadata.name)).toEqual(['mine']);
    expect(ownedRevisions(c, owner as unknown as KubeObject).map((r) => r.metadata.name)).toEqual(['r1', 'r2']);
  });
});
