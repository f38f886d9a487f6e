/**
 * kubectl rollout undo, mirroring staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
 * rollback.go: deploymentRevision and findHistory (which revision 0 means), the
 * annotations a Deployment keeps and takes (annotationsToSkip), and the DaemonSet and
 * StatefulSet rollbackers over ControllerRevision data. The vector texts are in
 * rollout-vectors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, ReplicaSet } from '../api/workload-types';
import { testCluster } from '../testing';
import { deploymentRevision, findHistory } from './rollout-undo';
import { daemonSetYaml, deploymentYaml, statefulSetYaml } from './workload-testing';

const rs = (name: string, revision?: string) =>
  ({
    kind: 'ReplicaSet',
    metadata: { name, annotations: revision === undefined ? {} : { 'deployment.kubernetes.io/revision': revision } },
    spec: {},
  }) as unknown as ReplicaSet;
const cr = (name: string, revision: number) => ({ metadata: { name }, revision }) as unknown as ControllerRevision;

describe('deploymentRevision', () => {
  const rss = [rs('a', '1'), rs('c', '3'), rs('b', '2'), rs('x', 'nope')];
  it('0 picks the second newest revision, whatever the list order', () => {
    expect(deploymentRevision(rss, 0, 'web').metadata.name).toBe('b');
  });
  it('N picks revision N; a missing one is an error', () => {
    expect(deploymentRevision(rss, 1, 'web').metadata.name).toBe('a');
    expect(() => deploymentRevision(rss, 7, 'web')).toThrow('error: unable to find specified revision 7 in history');
  });
  it('a ReplicaSet without the annotation counts as revision 0 (deploymentutil.Revision)', () => {
    expect(deploymentRevision([rs('new', '1'), rs('legacy')], 0, 'web').metadata.name).toBe('legacy');
    expect(() => deploymentRevision([rs('only', '1')], 0, 'web')).toThrow(
      'error: no rollout history found for deployment "web"',
    );
  });
});

describe('findHistory', () => {
  it('0 is the second highest revision, N is revision N, one revision has no previous', () => {
    const history = [cr('c', 3), cr('a', 1), cr('b', 2)];
    expect(findHistory(history, 0)?.metadata.name).toBe('b');
    expect(findHistory(history, 1)?.metadata.name).toBe('a');
    expect(findHistory(history, 9)).toBeUndefined();
    expect(findHistory([cr('a', 1)], 0)).toBeUndefined();
  });
});

describe('kubectl rollout undo', () => {
  it("restores the old template and takes the old ReplicaSet's annotations, minus the skipped keys", () => {
    const t = testCluster({ nodes: 2 }).apply(deploymentYaml('web', 'nginx:1.25', 2));
    t.kubectl('rollout status deployment/web');
    t.kubectl('annotate deployment/web team=blue');
    t.kubectl('set image deployment/web app=nginx:1.27 --record');
    t.kubectl('rollout status deployment/web');
    expect(t.run('rollout undo deployment/web --to-revision=1')).toEqual({
      stdout: 'deployment.apps/web rolled back\n',
      stderr: '',
      exitCode: 0,
    });
    const d = t.get('Deployment', 'web');
    const annotations = d?.metadata.annotations ?? {};
    // revision 1's ReplicaSet was made before --record and the team annotation: both go
    expect(annotations['kubernetes.io/change-cause']).toBeUndefined();
    expect(annotations.team).toBeUndefined();
    expect(annotations['kubectl.kubernetes.io/last-applied-configuration']).toBeDefined();
    expect(annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(d?.spec?.template.spec.containers[0].image).toBe('nginx:1.25');
  });

  it('--dry-run=client prints the template it would restore and changes nothing', () => {
    const t = testCluster({ nodes: 2 }).apply(deploymentYaml('web', 'nginx:1.25', 1));
    t.kubectl('rollout status deployment/web');
    t.kubectl('set image deployment/web app=nginx:1.27').advance('5s');
    const out = t.run('rollout undo deployment/web --dry-run=client').stdout;
    expect(out).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:/);
    expect(out).toContain('    Image:         nginx:1.25\n');
    expect(out.endsWith(' (dry run)\n')).toBe(true);
    expect(t.get('Deployment', 'web')?.spec?.template.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('rolls a DaemonSet back from its ControllerRevisions', () => {
    const t = testCluster({ nodes: 2 }).apply(daemonSetYaml('logs'));
    t.kubectl('rollout status ds/logs');
    expect(t.run('rollout undo ds/logs').stderr).toBe('error: no last revision to roll back to\n');
    t.kubectl('set image ds/logs app=nginx:1.27');
    t.kubectl('rollout status ds/logs');
    expect(t.run('rollout undo ds/logs').stdout).toBe('daemonset.apps/logs rolled back\n');
    expect(t.get('DaemonSet', 'logs')?.spec?.template.spec.containers[0].image).toBe('nginx:1.25');
    t.kubectl('rollout status ds/logs');
    // the old revision is reused and renumbered, so 1 is gone and 3 is the current one
    expect(t.run('rollout undo ds/logs --to-revision=3').stdout).toBe(
      'daemonset.apps/logs skipped rollback (current template already matches revision 3)\n',
    );
    expect(t.run('rollout undo ds/logs --to-revision=1').stderr).toBe(
      'error: unable to find specified revision 1 in history\n',
    );
  });

  it('rolls a StatefulSet back to a chosen revision; dry run says what it will roll back to', () => {
    const t = testCluster({ nodes: 2 }).apply(statefulSetYaml('db'));
    t.kubectl('rollout status sts/db');
    t.kubectl('set image sts/db app=nginx:1.27');
    t.kubectl('rollout status sts/db');
    expect(t.run('rollout undo sts/db --to-revision=1 --dry-run=client').stdout).toMatch(
      /^statefulset\.apps\/db will roll back to Pod Template:\n/,
    );
    expect(t.run('rollout undo sts/db --to-revision=1').stdout).toBe('statefulset.apps/db rolled back\n');
    expect(t.get('StatefulSet', 'db')?.spec?.template.spec.containers[0].image).toBe('nginx:1.25');
  });

  it('only Deployments, DaemonSets and StatefulSets have a rollbacker', () => {
    const t = testCluster({ nodes: 1 });
    t.kubectl('create job once --image=busybox -- true');
    expect(t.run('rollout undo job/once').stderr).toBe('error: no rollbacker has been implemented for "Job.batch"\n');
    expect(t.run('rollout undo').stderr).toBe('error: required resource not specified\n');
  });
});
