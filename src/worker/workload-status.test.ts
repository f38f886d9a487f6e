// The tone and plain-English summary of each workload, on objects the real controllers
// wrote. The order of the checks mirrors kubectl's rollout status viewers
// (kubectl pkg/polymorphichelpers/rollout_status.go): an unobserved spec first, then a
// Deployment's ProgressDeadlineExceeded, updated < desired, old replicas pending
// termination, available < updated; a DaemonSet's updated and available counts; a
// StatefulSet's ready count and partition.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../engine/api/types';
import { testCluster } from '../engine/testing';
import { workloadStatus } from './workload-status';

type T = ReturnType<typeof testCluster>;

function deployment(image: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
      ...extra,
    },
  };
}

function job(name: string, command: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: {
      ...extra,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', command] }],
        },
      },
    },
  };
}

const statusOf = (t: T, kind: string, name: string) =>
  workloadStatus(t.cluster.get(kind, name, 'default') as KubeObject);

describe('Deployment', () => {
  it('reads "3 of 3 pods ready" once rolled out, and progresses while pods start', () => {
    const t = testCluster().apply(deployment('nginx:1.27'));
    t.advance('1s');
    expect(statusOf(t, 'Deployment', 'web')).toEqual({ tone: 'progress', summary: 'starting pods: 0 of 3 available' });
    t.advance('60s');
    expect(statusOf(t, 'Deployment', 'web')).toEqual({ tone: 'ok', summary: '3 of 3 pods ready' });
  });

  it('says how far a rolling update is, then that it is stuck after the progress deadline', () => {
    // mirrors pkg/controller/deployment/progress.go: Progressing=False ProgressDeadlineExceeded
    // once no progress was made for progressDeadlineSeconds
    const t = testCluster()
      .apply(deployment('nginx:1.27', { progressDeadlineSeconds: 60 }))
      .advance('60s');
    t.apply(deployment('nginx:1.26', { progressDeadlineSeconds: 60 })).advance('10s');
    // 25% surge of 3 rounds up to 1: one new pod is tried while the three old ones serve
    expect(statusOf(t, 'Deployment', 'web')).toEqual({ tone: 'progress', summary: 'rolling out: 1 of 3 updated' });
    t.advance('2m');
    expect(statusOf(t, 'Deployment', 'web')).toEqual({
      tone: 'error',
      summary: 'rollout stuck: 3 of 3 pods available, no progress within 60s',
    });
  });

  it('is paused when spec.paused is set', () => {
    const t = testCluster().apply(deployment('nginx:1.27')).advance('60s').kubectl('rollout pause deployment/web');
    t.advance('1s');
    expect(statusOf(t, 'Deployment', 'web')).toEqual({ tone: 'warning', summary: 'rollout paused: 3 of 3 pods ready' });
  });

  it('waits for the controller while metadata.generation is ahead of status.observedGeneration', () => {
    const t = testCluster().apply(deployment('nginx:1.27')).advance('60s');
    const d = t.cluster.get('Deployment', 'web', 'default') as KubeObject;
    const ahead = { ...d, metadata: { ...d.metadata, generation: (d.metadata.generation ?? 1) + 1 } };
    expect(workloadStatus(ahead)).toEqual({
      tone: 'progress',
      summary: 'waiting for its controller to pick up the change',
    });
  });
});

describe('ReplicaSet', () => {
  it('counts its ready pods, and calls an old revision kept by its Deployment just that', () => {
    const t = testCluster().apply(deployment('nginx:1.27')).advance('60s');
    t.apply(deployment('nginx:1.28')).advance('2m');
    const rss = t.cluster.list('ReplicaSet', 'default');
    const byImage = (image: string) =>
      rss.find(
        (rs) =>
          (rs.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image ===
          image,
      ) as KubeObject;
    expect(workloadStatus(byImage('nginx:1.28'))).toEqual({ tone: 'ok', summary: '3 of 3 pods ready' });
    expect(workloadStatus(byImage('nginx:1.27'))).toEqual({ tone: 'done', summary: 'scaled to 0, kept for rollback' });
  });

  it('says it is creating pods while fewer exist than desired', () => {
    const t = testCluster().apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'frontend', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { tier: 'frontend' } },
        template: {
          metadata: { labels: { tier: 'frontend' } },
          spec: { containers: [{ name: 'php', image: 'nginx:1.27' }] },
        },
      },
    });
    const rs = t.cluster.get('ReplicaSet', 'frontend', 'default') as KubeObject;
    // before the controller's first sync: generation 1, nothing observed
    expect(workloadStatus(rs).tone).toBe('progress');
    t.advance('60s');
    expect(statusOf(t, 'ReplicaSet', 'frontend')).toEqual({ tone: 'ok', summary: '3 of 3 pods ready' });
    t.kubectl('scale replicaset frontend --replicas=1');
    expect(statusOf(t, 'ReplicaSet', 'frontend')).toEqual({
      tone: 'progress',
      summary: 'waiting for its controller to pick up the change',
    });
    t.advance('1s');
    expect(statusOf(t, 'ReplicaSet', 'frontend')).toEqual({ tone: 'ok', summary: '1 of 1 pod ready' });
  });
});

describe('Job', () => {
  it('is done with "completed 1/1" when its pod succeeded', () => {
    const t = testCluster().apply(job('pi', 'echo done; sleep 5'));
    t.advance('3s');
    expect(statusOf(t, 'Job', 'pi')).toMatchObject({ tone: 'progress' });
    expect(statusOf(t, 'Job', 'pi').summary).toMatch(/^running: \d pods? active, 0\/1 completed$/);
    t.advance('2m');
    expect(statusOf(t, 'Job', 'pi')).toEqual({ tone: 'done', summary: 'completed 1/1' });
  });

  it("fails with the controller's message once the backoff limit is reached", () => {
    // mirrors pkg/controller/job: Failed condition, reason BackoffLimitExceeded
    const t = testCluster()
      .apply(job('bad', 'exit 1', { backoffLimit: 0 }))
      .advance('2m');
    const s = statusOf(t, 'Job', 'bad');
    expect(s.tone).toBe('error');
    expect(s.summary).toBe('failed: Job has reached the specified backoff limit');
  });

  it('warns while it retries failed pods', () => {
    const t = testCluster()
      .apply(job('flaky', 'exit 1', { backoffLimit: 6 }))
      .advance('40s');
    const s = statusOf(t, 'Job', 'flaky');
    expect(s.tone).toBe('warning');
    expect(s.summary).toMatch(/failed so far \(retried up to backoffLimit\)$/);
  });

  it('is suspended while spec.suspend is true', () => {
    const t = testCluster()
      .apply(job('later', 'echo hi', { suspend: true }))
      .advance('5s');
    expect(statusOf(t, 'Job', 'later')).toEqual({
      tone: 'warning',
      summary: 'suspended: no pods run until spec.suspend is false',
    });
  });
});

describe('CronJob', () => {
  const cronJob = (suspend: boolean) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      suspend,
      jobTemplate: { spec: job('x', 'echo hello').spec },
    },
  });

  it('waits for its first run, then runs on schedule', () => {
    const t = testCluster().apply(cronJob(false)).advance('1s');
    expect(statusOf(t, 'CronJob', 'hello')).toEqual({
      tone: 'ok',
      summary: 'waiting for its first run ("*/1 * * * *")',
    });
    t.advance('3m');
    expect(statusOf(t, 'CronJob', 'hello').summary).toMatch(
      /^(runs on schedule "\*\/1 \* \* \* \*", idle now|1 job running now)$/,
    );
  });

  it('is suspended while spec.suspend is true', () => {
    const t = testCluster().apply(cronJob(true)).advance('3m');
    expect(statusOf(t, 'CronJob', 'hello')).toEqual({
      tone: 'warning',
      summary: 'suspended: no new jobs for "*/1 * * * *"',
    });
  });
});

describe('DaemonSet', () => {
  const ds = (nodeSelector?: Record<string, string>) => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { ...(nodeSelector ? { nodeSelector } : {}), containers: [{ name: 'a', image: 'nginx:1.27' }] },
      },
    },
  });

  it('has one available pod on each worker (the control plane is tainted)', () => {
    const t = testCluster().apply(ds()).advance('60s');
    expect(statusOf(t, 'DaemonSet', 'agent')).toEqual({
      tone: 'ok',
      summary: 'one pod on each of 3 nodes, all available',
    });
  });

  it('warns when no node matches its nodeSelector', () => {
    const t = testCluster()
      .apply(ds({ disk: 'ssd' }))
      .advance('10s');
    expect(statusOf(t, 'DaemonSet', 'agent').tone).toBe('warning');
    expect(statusOf(t, 'DaemonSet', 'agent').summary).toMatch(/^no node is eligible/);
  });
});

describe('StatefulSet', () => {
  it('starts its pods one at a time in order, then has them all ready', () => {
    const t = testCluster().apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        serviceName: 'db',
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
      },
    });
    t.advance('2s');
    expect(statusOf(t, 'StatefulSet', 'db')).toEqual({
      tone: 'progress',
      summary: '0 of 2 pods ready, started one at a time in order',
    });
    t.advance('2m');
    expect(statusOf(t, 'StatefulSet', 'db')).toEqual({ tone: 'ok', summary: '2 of 2 pods ready' });
  });
});

describe('any workload', () => {
  it('says it is being deleted once it has a deletionTimestamp', () => {
    const t = testCluster().apply(job('pi', 'sleep 60')).advance('5s');
    const j = t.cluster.get('Job', 'pi', 'default') as KubeObject;
    const deleting = { ...j, metadata: { ...j.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } };
    expect(workloadStatus(deleting)).toEqual({ tone: 'warning', summary: 'being deleted' });
  });
});
