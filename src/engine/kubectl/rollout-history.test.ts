/**
 * kubectl rollout history, mirroring staging/src/k8s.io/kubectl/pkg/cmd/rollout/
 * rollout_history.go (the name printer framing, "with revision #N") and
 * polymorphichelpers/history.go (DeploymentHistoryViewer over ReplicaSets,
 * DaemonSetHistoryViewer and StatefulSetHistoryViewer over ControllerRevisions).
 */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';
import { daemonSetYaml, deploymentYaml, statefulSetYaml } from './workload-testing';

function twoRevisions() {
  const t = testCluster({ nodes: 2 }).apply(deploymentYaml('web', 'nginx:1.25', 2));
  t.kubectl('rollout status deployment/web');
  t.kubectl('set image deployment/web app=nginx:1.27 --record');
  t.kubectl('rollout status deployment/web');
  return t;
}

describe('kubectl rollout history', () => {
  it("lists a Deployment's revisions from its ReplicaSets, with change-cause or <none>", () => {
    const t = twoRevisions();
    expect(t.run('rollout history deployment/web')).toEqual({
      stdout: [
        'deployment.apps/web ',
        'REVISION  CHANGE-CAUSE',
        '1         <none>',
        '2         kubectl set image deployment/web app=nginx:1.27 --record=true',
        '',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it("--revision=N prints that revision's pod template (hash label and change-cause included)", () => {
    const t = twoRevisions();
    const out = t.run('rollout history deployment/web --revision=1').stdout;
    const hash = t
      .list('ReplicaSet', 'default')
      .find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1')?.spec?.template.metadata
      .labels['pod-template-hash'];
    expect(out).toBe(
      [
        'deployment.apps/web with revision #1',
        'Pod Template:',
        '  Labels:  app=web',
        `           pod-template-hash=${hash}`,
        '  Containers:',
        '   app:',
        '    Image:         nginx:1.25',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        '',
        '',
      ].join('\n'),
    );
    expect(t.run('rollout history deployment/web --revision=2').stdout).toContain(
      '  Annotations:  kubernetes.io/change-cause: kubectl set image deployment/web app=nginx:1.27 --record=true\n',
    );
    expect(t.run('rollout history deployment/web --revision=9').stderr).toBe(
      'error: unable to find the specified revision\n',
    );
    expect(t.run('rollout history deployment/web --revision=-1').stderr).toBe(
      'error: revision must be a positive integer: -1\n',
    );
  });

  it('-o prints the revisions themselves: the ReplicaSets, in revision order (GetHistory)', () => {
    const t = twoRevisions();
    const byRevision = (r: string) =>
      t.list('ReplicaSet', 'default').find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === r)
        ?.metadata.name;
    expect(t.run('rollout history deployment/web -o name').stdout).toBe(
      `replicaset.apps/${byRevision('1')}\nreplicaset.apps/${byRevision('2')}\n`,
    );
    expect(t.run('rollout history deployment/web -o jsonpath={.metadata.name} --revision=2').stdout).toBe(
      byRevision('2'),
    );
    const yaml = t.run('rollout history deployment/web -o yaml').stdout;
    expect(yaml.split('\n---\n')).toHaveLength(2);
    expect(yaml.startsWith('apiVersion: apps/v1\nkind: ReplicaSet\n')).toBe(true);
    expect(t.run('rollout history deployment/web -o name --revision=5').stderr).toBe(
      'error: unable to find the specified revision\n',
    );
  });

  it('reads DaemonSet history from ControllerRevisions, StatefulSet history as numbers only', () => {
    const t = testCluster({ nodes: 2 }).apply(daemonSetYaml('logs'), statefulSetYaml('db'));
    t.advance('10s');
    t.kubectl('set image ds/logs app=nginx:1.27');
    t.kubectl('set image sts/db app=nginx:1.27');
    t.advance('30s');
    expect(t.run('rollout history daemonset/logs').stdout).toBe(
      'daemonset.apps/logs \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    expect(t.run('rollout history statefulset/db').stdout).toBe('statefulset.apps/db \nREVISION\n1\n2\n\n');
    expect(t.run('rollout history sts/db --revision=2').stdout).toContain('    Image:         nginx:1.27\n');
    expect(t.run('rollout history ds/logs -o jsonpath={.revision} --revision=2').stdout).toBe('2');
  });

  it('kinds without history, and workloads without revisions, say so', () => {
    const t = testCluster({ nodes: 1 }).apply(deploymentYaml('web', 'nginx:1.25', 0, '  paused: true\n'));
    expect(t.run('rollout history deployment/web').stdout).toBe('deployment.apps/web \nNo rollout history found.\n');
    t.kubectl('create job once --image=busybox -- true');
    expect(t.run('rollout history job/once').stderr).toBe(
      'error: no history viewer has been implemented for "Job.batch"\n',
    );
    expect(t.run('rollout history').stderr).toBe('error: required resource not specified\n');
  });
});
