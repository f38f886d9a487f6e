// The Job controller end to end, with the real scheduler, kubelet and container
// runtime: mirrors pkg/controller/job/job_controller.go (syncJob, manageJob,
// pastBackoffLimitOnFailure, pastActiveDeadline, suspend) and backoff_utils.go.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { Job } from '../api/workload-types';
import { fromTimestamp } from '../sim/clock';
import { testCluster } from '../testing';
import { JOB_TRACKING_FINALIZER } from './job-conditions';

function jobYaml(name: string, spec: string, command: string, restartPolicy = 'Never'): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec
  .split('\n')
  .filter(Boolean)
  .map((l) => `  ${l}`)
  .join('\n')}
  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", ${JSON.stringify(command)}]
`;
}

function jobPods(t: ReturnType<typeof testCluster>, job: string): Pod[] {
  return t.list<Pod>('Pod').filter((p) => p.metadata.labels?.['job-name'] === job);
}

function condition(job: Job, type: string) {
  return job.status?.conditions?.find((c) => c.type === type);
}

describe('Job controller', () => {
  it('runs 5 completions 2 at a time: exactly 5 succeeded pods, never more than 2 active', () => {
    const t = testCluster();
    let maxActive = 0;
    const active = new Set<string>();
    t.core.store.watch((ev) => {
      const p = ev.object as Pod;
      if (p.kind !== 'Pod' || p.metadata.labels?.['job-name'] !== 'work') return;
      const isActive =
        ev.type !== 'DELETED' && !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase);
      if (isActive) active.add(p.metadata.name);
      else active.delete(p.metadata.name);
      maxActive = Math.max(maxActive, active.size);
    });
    t.apply(jobYaml('work', 'completions: 5\nparallelism: 2', 'echo done; sleep 5')).advance('2m');
    const job = t.get<Job>('Job', 'work') as Job;
    expect(condition(job, 'Complete')).toMatchObject({ status: 'True', reason: 'CompletionsReached' });
    expect(condition(job, 'SuccessCriteriaMet')).toMatchObject({ status: 'True' });
    expect(job.status?.succeeded).toBe(5);
    expect(job.status?.active).toBeUndefined();
    const pods = jobPods(t, 'work');
    expect(pods).toHaveLength(5);
    expect(pods.every((p) => p.status.phase === 'Succeeded')).toBe(true);
    // Counted pods lose the tracking finalizer.
    expect(pods.every((p) => !(p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER))).toBe(true);
    expect(maxActive).toBe(2);
    expect(t.events('Completed').map((e) => e.message)).toEqual(['Job completed']);
    expect(t.events('SuccessfulCreate')).toHaveLength(5);
    expect(job.status?.completionTime).toBeDefined();
  });

  it('pods are named <job>-<5 random>, owned by the Job, with the job-tracking finalizer while running', () => {
    const t = testCluster()
      .apply(jobYaml('pi', '', 'sleep 30'))
      .advance('5s');
    const [p] = jobPods(t, 'pi');
    expect(p.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.generateName).toBe('pi-');
    expect(p.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(p.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true }),
    ]);
    expect(t.events('SuccessfulCreate')[0].message).toBe(`Created pod: ${p.metadata.name}`);
  });

  it('restartPolicy Never: 7 pods with 10s, 20s, 40s… between a failure and the next pod, then BackoffLimitExceeded', () => {
    const t = testCluster()
      .apply(jobYaml('fail', '', 'exit 1'))
      .advance('20m');
    const pods = jobPods(t, 'fail').sort((a, b) =>
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
    );
    expect(pods).toHaveLength(7);
    const gaps = pods.slice(1).map((p, i) => {
      const finished = pods[i].status.containerStatuses?.[0].state.terminated?.finishedAt as string;
      return (fromTimestamp(p.metadata.creationTimestamp) - fromTimestamp(finished)) / 1000;
    });
    expect(gaps).toEqual([10, 20, 40, 80, 160, 320]);
    const job = t.get<Job>('Job', 'fail') as Job;
    expect(condition(job, 'Failed')).toMatchObject({
      status: 'True',
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(condition(job, 'FailureTarget')).toMatchObject({ reason: 'BackoffLimitExceeded' });
    expect(job.status?.failed).toBe(7);
    expect(t.events('BackoffLimitExceeded')[0]).toMatchObject({
      type: 'Warning',
      message: 'Job has reached the specified backoff limit',
    });
    expect(t.run('get job fail --no-headers').stdout).toMatch(/^fail\s+Failed\s+0\/1\s/);
  });

  it('restartPolicy OnFailure: the kubelet restarts the container in place; restarts count toward backoffLimit', () => {
    const t = testCluster();
    let maxRestarts = 0;
    t.core.store.watch((ev) => {
      if (ev.object.kind !== 'Pod' || ev.object.metadata.labels?.['job-name'] !== 'flaky') return;
      maxRestarts = Math.max(maxRestarts, ev.object.status?.containerStatuses?.[0]?.restartCount ?? 0);
    });
    t.apply(jobYaml('flaky', 'backoffLimit: 2', 'exit 3', 'OnFailure')).advance('5m');
    expect(t.events('SuccessfulCreate')).toHaveLength(1);
    // Two restarts reach backoffLimit 2 (pastBackoffLimitOnFailure: restarts >= limit).
    expect(maxRestarts).toBe(2);
    const job = t.get<Job>('Job', 'flaky') as Job;
    expect(condition(job, 'Failed')).toMatchObject({ reason: 'BackoffLimitExceeded' });
    // The failing pod is terminated once the Job has failed, and counted as failed.
    expect(t.events('SuccessfulDelete')).toHaveLength(1);
    expect(jobPods(t, 'flaky')).toEqual([]);
    expect(job.status?.failed).toBe(1);
  });

  it('activeDeadlineSeconds: Failed with DeadlineExceeded and the running pods terminated', () => {
    const t = testCluster()
      .apply(jobYaml('slow', 'activeDeadlineSeconds: 10', 'sleep 600'))
      .advance('9s');
    expect(condition(t.get<Job>('Job', 'slow') as Job, 'Failed')).toBeUndefined();
    t.advance('50s');
    const job = t.get<Job>('Job', 'slow') as Job;
    expect(condition(job, 'Failed')).toMatchObject({
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
    });
    expect(fromTimestamp(condition(job, 'FailureTarget')?.lastTransitionTime as string)).toBe(10_000);
    expect(t.events('DeadlineExceeded')).toHaveLength(1);
    expect(t.events('SuccessfulDelete')).toHaveLength(1);
    expect(jobPods(t, 'slow').every((p) => p.status.phase === 'Failed')).toBe(true);
  });

  it('Indexed: one pod per index with annotation, label, hostname and JOB_COMPLETION_INDEX; completedIndexes "0-2"', () => {
    const t = testCluster()
      .apply(
        jobYaml('idx', 'completions: 3\nparallelism: 3\ncompletionMode: Indexed', 'echo index=$JOB_COMPLETION_INDEX'),
      )
      .advance('1m');
    const job = t.get<Job>('Job', 'idx') as Job;
    expect(job.status?.completedIndexes).toBe('0-2');
    expect(job.status?.succeeded).toBe(3);
    expect(condition(job, 'Complete')?.status).toBe('True');
    const pods = jobPods(t, 'idx').sort((a, b) => (a.spec.hostname ?? '').localeCompare(b.spec.hostname ?? ''));
    pods.forEach((p, i) => {
      expect(p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe(String(i));
      expect(p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe(String(i));
      expect(p.spec.hostname).toBe(`idx-${i}`);
      expect(p.metadata.name).toMatch(new RegExp(`^idx-${i}-[a-z0-9]{5}$`));
      expect(t.cluster.logs('default', p.metadata.name).text).toBe(`index=${i}\n`);
    });
    expect(t.run('describe job idx').stdout).toMatch(/Completed Indexes:\s+0-2\n/);
  });

  it('suspend: no pods and Suspended=True; resuming starts them and resets startTime', () => {
    const t = testCluster()
      .apply(jobYaml('later', 'suspend: true', 'sleep 5'))
      .advance('30s');
    let job = t.get<Job>('Job', 'later') as Job;
    expect(jobPods(t, 'later')).toHaveLength(0);
    expect(condition(job, 'Suspended')).toMatchObject({
      status: 'True',
      reason: 'JobSuspended',
      message: 'Job suspended',
    });
    expect(job.status?.startTime).toBeUndefined();
    expect(t.run('get job later --no-headers').stdout).toMatch(/^later\s+Suspended\s+0\/1\s/);
    t.core.api.update({ ...job, spec: { ...job.spec, suspend: false } });
    t.advance('1m');
    job = t.get<Job>('Job', 'later') as Job;
    expect(condition(job, 'Suspended')).toMatchObject({ status: 'False', reason: 'JobResumed' });
    expect(fromTimestamp(job.status?.startTime as string)).toBe(30_000);
    expect(condition(job, 'Complete')?.status).toBe('True');
    expect(t.events('Resumed')).toHaveLength(1);
  });

  it('suspending a running Job deletes its active pods', () => {
    const t = testCluster()
      .apply(jobYaml('stop', 'parallelism: 2\ncompletions: 4', 'sleep 600'))
      .advance('10s');
    const job = t.get<Job>('Job', 'stop') as Job;
    t.core.api.update({ ...job, spec: { ...job.spec, suspend: true } });
    t.advance('1m');
    expect(t.events('SuccessfulDelete')).toHaveLength(2);
    expect(jobPods(t, 'stop').filter((p) => !p.metadata.deletionTimestamp && p.status.phase === 'Running')).toEqual([]);
    expect(condition(t.get<Job>('Job', 'stop') as Job, 'Suspended')?.status).toBe('True');
  });

  it('a work-queue Job (no completions) completes once one pod succeeded and the rest finished', () => {
    const t = testCluster()
      .apply(jobYaml('queue', 'parallelism: 3', 'sleep 5'))
      .advance('1m');
    const job = t.get<Job>('Job', 'queue') as Job;
    expect(job.spec.completions).toBeUndefined();
    expect(job.status?.succeeded).toBe(3);
    expect(condition(job, 'Complete')?.status).toBe('True');
    expect(t.run('get job queue --no-headers').stdout).toMatch(/^queue\s+Complete\s+3\/1 of 3\s/);
  });

  it('a pod deleted while running is counted as failed and replaced', () => {
    const t = testCluster()
      .apply(jobYaml('gone', '', 'sleep 20'))
      .advance('5s');
    const [p] = jobPods(t, 'gone');
    t.delete('Pod', p.metadata.name).advance('2m');
    const job = t.get<Job>('Job', 'gone') as Job;
    expect(job.status?.failed).toBe(1);
    expect(job.status?.succeeded).toBe(1);
    expect(t.get('Pod', p.metadata.name)).toBeUndefined();
  });

  it('deleting a Job (background) removes its pods, finalizers and all', () => {
    const t = testCluster()
      .apply(jobYaml('bye', 'parallelism: 2\ncompletions: 2', 'sleep 600'))
      .advance('10s');
    expect(jobPods(t, 'bye')).toHaveLength(2);
    t.delete('Job', 'bye', { propagationPolicy: 'Background' }).advance('1m');
    expect(jobPods(t, 'bye')).toEqual([]);
  });

  it('a snapshot taken during the backoff carries it: the restored cluster retries at the same instants', () => {
    const t = testCluster()
      .apply(jobYaml('fail', '', 'exit 1'))
      .advance('1m');
    const copy = t.fork();
    t.advance('15m');
    copy.advance('15m');
    const times = (c: ReturnType<typeof testCluster>) =>
      jobPods(c, 'fail')
        .map((p) => p.metadata.creationTimestamp)
        .sort();
    expect(times(copy)).toEqual(times(t));
    expect(times(t)).toHaveLength(7);
  });
});
