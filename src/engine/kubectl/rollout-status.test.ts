/**
 * kubectl rollout status, mirroring staging/src/k8s.io/kubectl/pkg/polymorphichelpers/
 * rollout_status.go and the tables of rollout_status_test.go
 * (TestDeploymentStatusViewerStatus, TestDaemonSetStatusViewerStatus,
 * TestStatefulSetStatusViewerStatus), then the watch loop of cmd/rollout/rollout_status.go
 * over the virtual clock.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { testCluster } from '../testing';
import { daemonSetStatus, deploymentStatus, statefulSetStatus, WATCH_LIMIT_MS } from './rollout-status';
import { daemonSetYaml, deploymentYaml, replicaSetYaml, statefulSetYaml } from './workload-testing';

const obj = (kind: string, generation: number, spec: object, status: object, annotations = {}): KubeObject =>
  ({ kind, metadata: { name: 'foo', generation, annotations }, spec, status }) as unknown as KubeObject;

describe('DeploymentStatusViewer', () => {
  const cases: [string, number, object, string, boolean][] = [
    [
      'spec not observed yet',
      2,
      { observedGeneration: 1 },
      'Waiting for deployment spec update to be observed...\n',
      false,
    ],
    [
      'new replicas still being created',
      1,
      { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1 },
      'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n',
      false,
    ],
    [
      'old replicas pending termination',
      1,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2 },
      'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n',
      false,
    ],
    [
      'updated replicas not yet available',
      1,
      { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 0 },
      'Waiting for deployment "foo" rollout to finish: 0 of 1 updated replicas are available...\n',
      false,
    ],
    [
      'done',
      1,
      { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
      'deployment "foo" successfully rolled out\n',
      true,
    ],
  ];
  it.each(cases)('%s', (_name, generation, status, line, done) => {
    expect(deploymentStatus(obj('Deployment', generation, { replicas: 1 }, status), 0)).toEqual({
      status: line,
      done,
    });
  });

  it('a timed-out Progressing condition is an error', () => {
    const d = obj(
      'Deployment',
      1,
      { replicas: 1 },
      {
        observedGeneration: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      },
    );
    expect(() => deploymentStatus(d, 0)).toThrow('error: deployment "foo" exceeded its progress deadline');
  });

  it('--revision pins the rollout to that revision', () => {
    const d = obj(
      'Deployment',
      1,
      { replicas: 1 },
      { observedGeneration: 1 },
      { 'deployment.kubernetes.io/revision': '2' },
    );
    expect(() => deploymentStatus(d, 1)).toThrow(
      'error: desired revision (1) is different from the running revision (2)',
    );
    expect(deploymentStatus(d, 2).done).toBe(false);
  });
});

describe('DaemonSetStatusViewer', () => {
  const spec = { updateStrategy: { type: 'RollingUpdate' } };
  it.each([
    [{ observedGeneration: 0 }, 'Waiting for daemon set spec update to be observed...\n', false],
    [
      { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1, numberAvailable: 1 },
      'Waiting for daemon set "foo" rollout to finish: 1 out of 3 new pods have been updated...\n',
      false,
    ],
    [
      { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 },
      'Waiting for daemon set "foo" rollout to finish: 2 of 3 updated pods are available...\n',
      false,
    ],
    [
      { observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 },
      'daemon set "foo" successfully rolled out\n',
      true,
    ],
  ])('%j', (status, line, done) => {
    expect(daemonSetStatus(obj('DaemonSet', 1, spec, status), 0)).toEqual({ status: line, done });
  });

  it('OnDelete has no rollout to watch', () => {
    expect(() => daemonSetStatus(obj('DaemonSet', 1, { updateStrategy: { type: 'OnDelete' } }, {}), 0)).toThrow(
      'error: rollout status is only available for RollingUpdate strategy type',
    );
  });
});

describe('StatefulSetStatusViewer', () => {
  const partitioned = (partition: number) => ({
    replicas: 3,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition } },
  });
  it.each([
    [partitioned(0), { observedGeneration: 0 }, 'Waiting for statefulset spec update to be observed...\n', false],
    [partitioned(0), { observedGeneration: 1, readyReplicas: 1 }, 'Waiting for 2 pods to be ready...\n', false],
    [
      partitioned(1),
      { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 },
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n',
      false,
    ],
    [
      partitioned(1),
      { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 2 },
      'partitioned roll out complete: 2 new pods have been updated...\n',
      true,
    ],
    [
      { replicas: 3, updateStrategy: { type: 'RollingUpdate' } },
      {
        observedGeneration: 1,
        readyReplicas: 3,
        updatedReplicas: 1,
        updateRevision: 'foo-2',
        currentRevision: 'foo-1',
      },
      'waiting for statefulset rolling update to complete 1 pods at revision foo-2...\n',
      false,
    ],
    [
      { replicas: 3, updateStrategy: { type: 'RollingUpdate' } },
      {
        observedGeneration: 1,
        readyReplicas: 3,
        currentReplicas: 3,
        updateRevision: 'foo-2',
        currentRevision: 'foo-2',
      },
      'statefulset rolling update complete 3 pods at revision foo-2...\n',
      true,
    ],
  ])('%j %j', (spec, status, line, done) => {
    expect(statefulSetStatus(obj('StatefulSet', 1, spec, status), 0)).toEqual({ status: line, done });
  });
});

describe('kubectl rollout status', () => {
  it('watches a Deployment to the end, advancing the clock and printing each new line once', () => {
    const t = testCluster({ nodes: 2 }).apply(deploymentYaml('web', 'nginx:1.25', 2));
    const before = t.now();
    const r = t.run('rollout status deployment/web');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Waiting for deployment spec update to be observed...');
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    expect(new Set(lines).size).toBe(lines.length);
    expect(t.now()).toBeGreaterThan(before);
    expect(t.get('Deployment', 'web')?.status?.availableReplicas).toBe(2);
    // done already: one line, no waiting
    const at = t.now();
    expect(t.run('rollout status deploy web').stdout).toBe('deployment "web" successfully rolled out\n');
    expect(t.now()).toBe(at);
  });

  it('--watch=false prints the current line and returns without moving the clock', () => {
    const t = testCluster({ nodes: 2 }).apply(deploymentYaml('web', 'nginx:1.25', 2));
    const at = t.now();
    expect(t.run('rollout status deployment/web --watch=false')).toEqual({
      stdout: 'Waiting for deployment spec update to be observed...\n',
      stderr: '',
      exitCode: 0,
    });
    expect(t.now()).toBe(at);
  });

  it('a bad image ends in the progress-deadline error, before the watch limit', () => {
    const t = testCluster({ nodes: 2 }).apply(
      deploymentYaml('web', 'nginx:1.25', 2, '  progressDeadlineSeconds: 60\n'),
    );
    t.kubectl('rollout status deployment/web');
    t.kubectl('set image deployment/web app=nginx:9.99-missing');
    const r = t.run('rollout status deployment/web');
    expect(r.stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
    expect(r.stdout).toContain(
      'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it("--timeout gives up with kubectl's wait error; with none, the playground stops at its limit", () => {
    const t = testCluster({ nodes: 2 }).apply(
      deploymentYaml('web', 'nginx:1.25', 2, '  progressDeadlineSeconds: 3600\n'),
    );
    t.kubectl('rollout status deployment/web');
    t.kubectl('set image deployment/web app=nginx:9.99-missing');
    const start = t.now();
    expect(t.run('rollout status deployment/web --timeout=20s').stderr).toBe(
      'error: timed out waiting for the condition\n',
    );
    expect(t.now() - start).toBe(20_000);
    const r = t.run('rollout status deployment/web');
    expect(r.stderr).toMatch(
      /^error: the rollout did not finish in 15m0s of simulated time; real kubectl would keep watching/,
    );
    expect(t.now() - start).toBe(20_000 + WATCH_LIMIT_MS);
  });

  it('DaemonSets and StatefulSets have viewers; other kinds do not', () => {
    const t = testCluster({ nodes: 2 }).apply(daemonSetYaml('logs'), statefulSetYaml('db'), replicaSetYaml('front'));
    expect(t.run('rollout status ds/logs').stdout.trimEnd().split('\n').at(-1)).toBe(
      'daemon set "logs" successfully rolled out',
    );
    expect(t.run('rollout status statefulset/db').stdout.trimEnd().split('\n').at(-1)).toBe(
      'partitioned roll out complete: 2 new pods have been updated...',
    );
    expect(t.run('rollout status rs/front').stderr).toBe(
      'error: no status viewer has been implemented for ReplicaSet.apps\n',
    );
    const ds = t.apply(daemonSetYaml('ondelete', 'nginx:1.25', '  updateStrategy: {type: OnDelete}\n'));
    expect(ds.run('rollout status ds/ondelete').stderr).toBe(
      'error: rollout status is only available for RollingUpdate strategy type\n',
    );
  });

  it('needs exactly one existing object of a kind with a viewer', () => {
    const t = testCluster({ nodes: 2 }).apply(deploymentYaml('a'), deploymentYaml('b'));
    expect(t.run('rollout status').stderr).toBe('error: required resource not specified\n');
    expect(t.run('rollout status deployment').stderr).toBe(
      'error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n',
    );
    expect(t.run('rollout status deployment/zzz').stderr).toBe(
      'Error from server (NotFound): deployments.apps "zzz" not found\n',
    );
    expect(t.run('rollout status deployment/a --revision=-1').stderr).toBe(
      'error: revision must be a positive integer: -1\n',
    );
  });
});
