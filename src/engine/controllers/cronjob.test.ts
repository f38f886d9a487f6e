// The CronJob controller in a running cluster, with the Job controller and kubelets
// running the Jobs it creates. Mirrors the behaviour pkg/controller/cronjob describes
// (and test/e2e/apps/cronjob.go exercises): one Job per scheduled time, history limits,
// Forbid / Replace, suspend, startingDeadlineSeconds.
import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '../api/workload-types';
import { type Cluster, createCluster, restoreCluster } from '../index';

const MIN = 60_000;

/** The kubernetes.io hello CronJob (application/job/cronjob.yaml), in batch/v1. */
function hello(
  opts: { name?: string; schedule?: string; command?: string; spec?: Record<string, unknown> } = {},
): string {
  return JSON.stringify({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: opts.name ?? 'hello' },
    spec: {
      schedule: opts.schedule ?? '* * * * *',
      ...opts.spec,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'hello',
                  image: 'busybox:1.28',
                  imagePullPolicy: 'IfNotPresent',
                  command: ['/bin/sh', '-c', opts.command ?? 'date; echo Hello from the Kubernetes cluster'],
                },
              ],
              restartPolicy: 'OnFailure',
            },
          },
        },
      },
    },
  });
}

function start(manifest: string): Cluster {
  const c = createCluster({ nodes: 2 });
  const r = c.apply(manifest);
  expect(r.errors).toEqual([]);
  return c;
}

const jobs = (c: Cluster) => (c.list('Job') as Job[]).filter((j) => !j.metadata.deletionTimestamp);
const jobNames = (c: Cluster) => jobs(c).map((j) => j.metadata.name);
const cronJob = (c: Cluster, name = 'hello') => c.get('CronJob', name) as CronJob;
const events = (c: Cluster, reason: string) =>
  c.events().filter((e) => e.involvedObject.kind === 'CronJob' && e.reason === reason);
/** The Job name for a sim time: <cronjob>-<minutes since the Unix epoch>. */
const jobName = (c: Cluster, simMs: number, name = 'hello') =>
  `${name}-${Math.floor((Date.parse(c.get('Namespace', 'default')?.metadata.creationTimestamp ?? '') + simMs) / MIN)}`;

describe('CronJob controller', () => {
  it('*/1 * * * *: a Job every minute, the 3 newest successful ones kept', () => {
    const c = start(hello({ schedule: '*/1 * * * *' }));
    c.advance(30_000);
    expect(jobs(c)).toHaveLength(0);
    c.advance(MIN);
    // The first run, named after its scheduled minute, owned by the CronJob.
    const [first] = jobs(c);
    expect(first.metadata.name).toBe(jobName(c, MIN));
    expect(first.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'CronJob', name: 'hello', controller: true, blockOwnerDeletion: true }),
    ]);
    expect(first.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(
      '2026-01-01T09:01:00Z',
    );
    c.advance(4 * MIN);
    // Five runs (09:01 … 09:05) so far; the two oldest went with the history limit.
    expect(jobNames(c)).toEqual([2, 3, 4, 5].slice(1).map((m) => jobName(c, m * MIN)));
    expect(events(c, 'SuccessfulCreate').map((e) => e.message)).toHaveLength(5);
    expect(events(c, 'SuccessfulDelete').map((e) => e.message)).toEqual([
      `Deleted job ${jobName(c, MIN)}`,
      `Deleted job ${jobName(c, 2 * MIN)}`,
    ]);
    expect(events(c, 'SawCompletedJob')[0].message).toBe(`Saw completed job: ${jobName(c, MIN)}, condition: Complete`);
    const status = cronJob(c).status ?? {};
    expect(status.lastScheduleTime).toBe('2026-01-01T09:05:00Z');
    expect(status.active ?? []).toEqual([]);
    expect(status.lastSuccessfulTime).toBeDefined();
    // The pods of deleted Jobs went with them (background propagation).
    const pods = c
      .list('Pod')
      .map((p) => p.metadata.name)
      .filter((p) => p.startsWith('hello-'));
    expect(pods.every((p) => jobNames(c).some((j) => p.startsWith(`${j}-`)))).toBe(true);
    const newest = pods.find((p) => p.startsWith(`${jobName(c, 5 * MIN)}-`));
    expect(c.kubectl(`logs ${newest}`).stdout).toMatch(
      /^Thu Jan {2}1 09:05:0\d UTC 2026\nHello from the Kubernetes cluster\n$/,
    );
  });

  it('Forbid: no new run while one is active (JobAlreadyActive)', () => {
    const c = start(hello({ command: 'sleep 150', spec: { concurrencyPolicy: 'Forbid' } }));
    c.advance(MIN + 5_000);
    expect(jobNames(c)).toEqual([jobName(c, MIN)]);
    c.advance(2 * MIN);
    // 09:02 and 09:03 found the 09:01 run still going.
    expect(jobNames(c)).toEqual([jobName(c, MIN)]);
    expect(events(c, 'JobAlreadyActive')[0]).toMatchObject({
      type: 'Normal',
      message: 'Not starting job because prior execution is running and concurrency policy is Forbid',
    });
    c.advance(30_000);
    // It finished at about 09:03:32: the 09:03 run, skipped then, starts late at once
    // (it is still the most recent scheduled time and there is no deadline).
    expect(jobNames(c)).toEqual([jobName(c, MIN), jobName(c, 3 * MIN)]);
    expect(cronJob(c).status?.lastScheduleTime).toBe('2026-01-01T09:03:00Z');
  });

  it('Allow: runs overlap', () => {
    const c = start(hello({ command: 'sleep 150' }));
    c.advance(3 * MIN + 5_000);
    expect(jobNames(c)).toHaveLength(3);
    expect(cronJob(c).status?.active).toHaveLength(3);
    expect(c.kubectl('get cronjob hello --no-headers').stdout).toMatch(
      /^hello\s+\* \* \* \* \*\s+<none>\s+False\s+3\s+5s\s+3m5s\n$/,
    );
  });

  it('Replace: the running Job is deleted and the new one created', () => {
    const c = start(hello({ command: 'sleep 600', spec: { concurrencyPolicy: 'Replace' } }));
    c.advance(MIN + 5_000);
    const first = jobName(c, MIN);
    expect(jobNames(c)).toEqual([first]);
    c.advance(MIN);
    expect(events(c, 'SuccessfulDelete').map((e) => e.message)).toEqual([`Deleted job ${first}`]);
    expect(jobNames(c)).toEqual([jobName(c, 2 * MIN)]);
    expect(cronJob(c).status?.active?.map((r) => r.name)).toEqual([jobName(c, 2 * MIN)]);
  });

  it('suspend stops new runs; resuming starts the most recent missed one at once', () => {
    const c = start(hello());
    c.advance(MIN + 30_000);
    expect(jobs(c)).toHaveLength(1);
    expect(c.apply(hello({ spec: { suspend: true } })).errors).toEqual([]);
    expect(cronJob(c).spec.suspend).toBe(true);
    c.advance(4 * MIN);
    expect(jobs(c)).toHaveLength(1);
    expect(c.kubectl('get cronjob hello --no-headers').stdout).toMatch(
      /^hello\s+\* \* \* \* \*\s+<none>\s+True\s+0\s+4m30s/,
    );
    expect(c.apply(hello({ spec: { suspend: false } })).errors).toEqual([]);
    c.advance(1_000);
    // 09:05 was the latest missed time: it runs now, the older ones are not caught up.
    expect(jobNames(c)).toContain(jobName(c, 5 * MIN));
    expect(jobs(c)).toHaveLength(2);
  });

  it('startingDeadlineSeconds: a missed time still starts within the deadline, not after it', () => {
    const c = start(hello({ spec: { startingDeadlineSeconds: 30, suspend: true } }));
    // Resumed 20 s after 09:01: within 30 s, so the 09:01 run starts late.
    c.advance(MIN + 20_000);
    expect(c.apply(hello({ spec: { startingDeadlineSeconds: 30, suspend: false } })).errors).toEqual([]);
    c.advance(1_000);
    expect(jobNames(c)).toEqual([jobName(c, MIN)]);

    const d = start(hello({ spec: { startingDeadlineSeconds: 30, suspend: true } }));
    // Resumed 40 s after 09:01: too late for it; the next run is 09:02.
    d.advance(MIN + 40_000);
    expect(d.apply(hello({ spec: { startingDeadlineSeconds: 30, suspend: false } })).errors).toEqual([]);
    d.advance(1_000);
    expect(jobs(d)).toHaveLength(0);
    d.advance(20_000);
    expect(jobNames(d)).toEqual([jobName(d, 2 * MIN)]);
  });

  it('a new schedule waits for its next time (updateCronJob), it does not catch up', () => {
    const c = start(hello({ schedule: '0 * * * *' }));
    c.advance(7 * MIN + 30_000);
    expect(c.apply(hello({ schedule: '*/5 * * * *' })).errors).toEqual([]);
    c.advance(1_000);
    // 09:05 passed under the old schedule: no run for it.
    expect(jobs(c)).toHaveLength(0);
    c.advance(2 * MIN);
    expect(jobs(c)).toHaveLength(0);
    c.advance(MIN);
    expect(jobNames(c)).toEqual([jobName(c, 10 * MIN)]);
  });

  it('a schedule the parser refuses is refused by the API on update too', () => {
    const c = start(hello({ schedule: '0 * * * *' }));
    const r = c.apply(hello({ schedule: 'every minute' }));
    expect(r.ok).toBe(false);
    expect(r.errors[0].message).toContain('expected exactly 5 fields, found 2: [every minute]');
  });

  it('@hourly runs on the hour', () => {
    const c = start(hello({ schedule: '@hourly' }));
    c.advance(59 * MIN);
    expect(jobs(c)).toHaveLength(0);
    c.advance(2 * MIN);
    expect(jobNames(c)).toEqual([jobName(c, 60 * MIN)]);
    c.advance(60 * MIN);
    expect(jobNames(c)).toEqual([jobName(c, 60 * MIN), jobName(c, 120 * MIN)]);
    expect(cronJob(c).status?.lastScheduleTime).toBe('2026-01-01T11:00:00Z');
  });

  it('timeZone: the schedule is read in that zone, and the annotation carries its offset', () => {
    // 04:00 in New York is 09:00 UTC; the cluster starts at 09:00 UTC.
    const c = start(hello({ schedule: '5 4 * * *', spec: { timeZone: 'America/New_York' } }));
    c.advance(5 * MIN + 1_000);
    const [job] = jobs(c);
    expect(job.metadata.name).toBe(jobName(c, 5 * MIN));
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(
      '2026-01-01T04:05:00-05:00',
    );
  });

  it('a snapshot taken between runs restores to the same schedule', () => {
    const c = start(hello());
    c.advance(MIN + 30_000);
    const r = restoreCluster(c.snapshot());
    c.advance(2 * MIN);
    r.advance(2 * MIN);
    expect(jobNames(r)).toEqual(jobNames(c));
    expect(jobNames(r)).toHaveLength(3);
    expect(cronJob(r).status).toEqual(cronJob(c).status);
  });

  it('deleting the CronJob deletes its Jobs (garbage collection of the owned Jobs)', () => {
    const c = start(hello({ command: 'sleep 600' }));
    c.advance(2 * MIN + 5_000);
    expect(jobs(c)).toHaveLength(2);
    c.delete('CronJob', 'hello');
    c.advance(60_000);
    expect(c.list('Job')).toHaveLength(0);
  });
});
