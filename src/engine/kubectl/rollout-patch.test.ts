/**
 * kubectl rollout pause | resume | restart, mirroring staging/src/k8s.io/kubectl/pkg/
 * cmd/rollout/rollout_pause.go, rollout_resume.go, rollout_restart.go and the object
 * pauser, resumer and restarter of pkg/polymorphichelpers.
 */
import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../sim/clock';
import { testCluster } from '../testing';
import { daemonSetYaml, deploymentYaml, statefulSetYaml } from './workload-testing';

function cluster() {
  const t = testCluster({ nodes: 2 }).apply(deploymentYaml('web', 'nginx:1.25', 2));
  t.kubectl('rollout status deployment/web');
  return t;
}

describe('kubectl rollout pause and resume', () => {
  it('pause sets spec.paused; a paused Deployment does not roll out a new template', () => {
    const t = cluster();
    expect(t.run('rollout pause deployment/web')).toEqual({
      stdout: 'deployment.apps/web paused\n',
      stderr: '',
      exitCode: 0,
    });
    expect(t.get('Deployment', 'web')?.spec?.paused).toBe(true);
    t.kubectl('set image deployment/web app=nginx:1.27').advance('30s');
    expect(t.list('ReplicaSet', 'default')).toHaveLength(1);
    expect(t.run('rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(t.get('Deployment', 'web')?.spec?.paused).toBeUndefined();
    t.advance('30s');
    expect(t.list('ReplicaSet', 'default')).toHaveLength(2);
  });

  it('says when there is nothing to do, as "<resource>.<group> \\"name\\" ..."', () => {
    const t = cluster().apply(daemonSetYaml('logs'));
    expect(t.run('rollout resume deployment/web').stderr).toBe('error: deployments.apps "web" is not paused\n');
    t.kubectl('rollout pause deployment/web');
    expect(t.run('rollout pause deployment/web')).toEqual({
      stdout: '',
      stderr: 'error: deployments.apps "web" is already paused\n',
      exitCode: 1,
    });
    expect(t.run('rollout pause ds/logs').stderr).toBe('error: daemonsets.apps "logs" pausing is not supported\n');
    expect(t.run('rollout resume ds/logs').stderr).toBe('error: daemonsets.apps "logs" resuming is not supported\n');
  });

  it('one refusal does not stop the others', () => {
    const t = cluster().apply(deploymentYaml('api', 'nginx:1.25', 1));
    t.kubectl('rollout pause deployment/web');
    expect(t.run('rollout pause deployment/web deployment/api')).toEqual({
      stdout: 'deployment.apps/api paused\n',
      stderr: 'error: deployments.apps "web" is already paused\n',
      exitCode: 1,
    });
  });
});

describe('kubectl rollout restart', () => {
  it('stamps the template with restartedAt (the virtual clock, RFC3339), which rolls every pod', () => {
    const t = cluster();
    const before = t.list('Pod', 'default').map((p) => p.metadata.name);
    const at = t.now();
    expect(t.run('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
    expect(t.get('Deployment', 'web')?.spec?.template.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': toTimestamp(at),
    });
    // the same second again: the stamp does not change, and kubectl says so
    expect(t.run('rollout restart deployment/web')).toEqual({
      stdout: 'deployment.apps/web restarted\n',
      stderr: 'error: failed to create patch for web: empty patch\n',
      exitCode: 1,
    });
    t.kubectl('rollout status deployment/web');
    const after = t.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(after).toHaveLength(2);
    for (const p of after) expect(before).not.toContain(p.metadata.name);
  });

  it('works on DaemonSets and StatefulSets, not on a paused Deployment or other kinds', () => {
    const t = cluster().apply(daemonSetYaml('logs'), statefulSetYaml('db'));
    expect(t.run('rollout restart ds/logs sts/db').stdout).toBe(
      'daemonset.apps/logs restarted\nstatefulset.apps/db restarted\n',
    );
    t.kubectl('rollout pause deployment/web');
    expect(t.run('rollout restart deployment/web').stderr).toBe(
      'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
    );
    t.kubectl('create job once --image=busybox -- true');
    expect(t.run('rollout restart job/once').stderr).toBe('error: jobs.batch "once" restarting is not supported\n');
    expect(t.run('rollout restart').stderr).toBe('error: required resource not specified\n');
  });
});

describe('kubectl rollout', () => {
  it('names its subcommands', () => {
    const t = testCluster({ nodes: 1 });
    expect(t.run('rollout').stderr).toMatch(/^error: a subcommand is required/);
    expect(t.run('rollout rewind deploy/x').stderr).toBe('error: unknown command "rewind" for "kubectl rollout"\n');
  });
});
