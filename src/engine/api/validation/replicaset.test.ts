/**
 * mirrors pkg/apis/apps/validation/validation_test.go (TestValidateReplicaSet,
 * TestValidateReplicaSetUpdate), pkg/registry/apps/replicaset/strategy_test.go
 * (selector immutability in apps/v1) and pkg/apis/core/validation
 * TestValidateReplicationController, through the API server's create and update.
 */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';
import type { KubeObject } from '../types';

function rs(spec: Record<string, unknown> = {}, name = 'web') {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
  };
}

function rc(spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'nginx' },
    spec: {
      replicas: 1,
      selector: { app: 'nginx' },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
  };
}

function errorOf(manifest: object): string | undefined {
  const r = testCluster({ nodes: 1 }).tryApply(manifest);
  return r.errors[0]?.message;
}

describe('ValidateReplicaSet', () => {
  it('accepts a valid ReplicaSet', () => {
    expect(errorOf(rs())).toBeUndefined();
  });

  it.each([
    [
      'negative replicas',
      rs({ replicas: -1 }),
      'The ReplicaSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'negative minReadySeconds',
      rs({ minReadySeconds: -5 }),
      'The ReplicaSet "web" is invalid: spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
    ],
    [
      'selector not matching the template',
      rs({ selector: { matchLabels: { app: 'other' } } }),
      'The ReplicaSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ],
    [
      'restartPolicy other than Always',
      rs({
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] },
        },
      }),
      'The ReplicaSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'an In expression without values',
      rs({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] } }),
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ],
  ])('refuses %s', (_n, manifest, want) => {
    expect(errorOf(manifest)).toContain(want);
  });

  it('requires a selector', () => {
    const m = rs();
    delete (m.spec as Record<string, unknown>).selector;
    expect(errorOf(m)).toBe('The ReplicaSet "web" is invalid: spec.selector: Required value');
  });

  it('refuses an empty selector, in upstream words', () => {
    expect(errorOf(rs({ selector: {} }))).toBe(
      'The ReplicaSet "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    );
  });

  it('keeps the selector immutable on update (apps/v1), but lets replicas and the template change', () => {
    const t = testCluster({ nodes: 1 }).apply(rs());
    const cur = t.get('ReplicaSet', 'web') as KubeObject;
    const labels = { app: 'web', tier: 'fe' };
    const changed = {
      ...cur,
      spec: {
        ...cur.spec,
        selector: { matchLabels: labels },
        template: { ...cur.spec.template, metadata: { labels } },
      },
    };
    expect(() => t.core.api.update(changed)).toThrow(
      'The ReplicaSet "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"fe"}}: field is immutable',
    );
    expect(() => t.core.api.update({ ...cur, spec: { ...cur.spec, replicas: 5 } })).not.toThrow();
  });
});

describe('ValidateReplicationController', () => {
  it('accepts a valid RC', () => {
    expect(errorOf(rc())).toBeUndefined();
  });

  it('refuses negative replicas', () => {
    expect(errorOf(rc({ replicas: -2 }))).toBe(
      'The ReplicationController "nginx" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0',
    );
  });

  it('refuses a selector that does not match the template', () => {
    expect(errorOf(rc({ selector: { app: 'x' } }))).toContain(
      'spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    );
  });

  it('requires a selector when the template has no labels to default it from', () => {
    const m = rc({ selector: undefined, template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    expect(errorOf(m)).toBe('The ReplicationController "nginx" is invalid: spec.selector: Required value');
  });

  it('names the RC in the activeDeadlineSeconds message', () => {
    const m = rc({
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { activeDeadlineSeconds: 5, containers: [{ name: 'c', image: 'nginx' }] },
      },
    });
    expect(errorOf(m)).toContain(
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
    );
  });

  it('lets the selector change on update', () => {
    const t = testCluster({ nodes: 1 }).apply(rc());
    const cur = t.get('ReplicationController', 'nginx') as KubeObject;
    const labels = { app: 'nginx', v: '2' };
    const changed = {
      ...cur,
      spec: { ...cur.spec, selector: labels, template: { ...cur.spec.template, metadata: { labels } } },
    };
    expect(() => t.core.api.update(changed)).not.toThrow();
  });
});

describe('strict decoding (the Go types)', () => {
  it('refuses an unknown field', () => {
    const m = rs({ replica: 3 });
    expect(errorOf(m)).toBe(
      'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "spec.replica"',
    );
  });

  it('refuses a selector list on a ReplicationController', () => {
    expect(errorOf(rc({ selector: ['app'] }))).toBe(
      'ReplicationController in version "v1" cannot be handled as a ReplicationController: json: cannot unmarshal array into Go struct field ReplicationControllerSpec.spec.selector of type map[string]string',
    );
  });
});

describe('warnings (GetWarningsForPodTemplate at spec.template)', () => {
  it.each([
    ['ReplicaSet', rs()],
    ['ReplicationController', rc()],
  ])('%s: the template pod spec warnings carry the template path', (_kind, manifest) => {
    const m = structuredClone(manifest) as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
    m.spec.template.spec.containers[0].resources = { requests: { memory: 0.5 } };
    const r = testCluster({ nodes: 1 }).tryApply(m);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'spec.template.spec.containers[0].resources.requests[memory]: fractional byte value "500m" is invalid, must be an integer',
    ]);
  });
});
