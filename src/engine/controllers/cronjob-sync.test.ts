// syncCronJob and cleanupFinishedJobs branches the upstream table does not reach
// (pkg/controller/cronjob/cronjob_controllerv2.go: UnexpectedJob, MissingJob,
// SuccessfulDelete, FailedCreate, a CronJob being deleted), with fake controls.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { CronJob, Job } from '../api/workload-types';
import { type CronJobControl, cleanupFinishedJobs, type JobControl, type SyncDeps, syncCronJob } from './cronjob';

const NOW = Date.parse('2016-05-19T10:00:30Z');

function cronJob(extra: Partial<CronJob['spec']> = {}, status: CronJob['status'] = {}): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: 'mycronjob',
      namespace: 'ns',
      uid: 'cj-uid',
      resourceVersion: '1',
      creationTimestamp: '2016-05-19T09:30:00Z',
    },
    spec: {
      schedule: '0 * * * *',
      concurrencyPolicy: 'Allow',
      jobTemplate: { spec: { template: { spec: {} } } },
      ...extra,
    },
    status,
  } as unknown as CronJob;
}

function job(name: string, opts: { finished?: 'Complete' | 'Failed'; start?: string } = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: 'ns',
      uid: `${name}-uid`,
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: 'mycronjob', uid: 'cj-uid', controller: true },
      ],
    },
    spec: {},
    status: {
      ...(opts.start ? { startTime: opts.start } : {}),
      ...(opts.finished ? { conditions: [{ type: opts.finished, status: 'True' }], completionTime: opts.start } : {}),
    },
  } as unknown as Job;
}

function fakes(jobs: Partial<JobControl> = {}, cj?: CronJob) {
  const events: string[] = [];
  const deleted: string[] = [];
  const created: Job[] = [];
  const cronJobs: CronJobControl = { getCronJob: () => cj };
  const deps: SyncDeps = {
    jobs: {
      getJob: () => undefined,
      createJob: (_ns, j) => {
        created.push(j);
        return { ...j, metadata: { ...j.metadata, uid: 'new-uid' } };
      },
      deleteJob: (_ns, name) => {
        deleted.push(name);
      },
      ...jobs,
    },
    cronJobs,
    recorder: { event: (type, reason, message) => events.push(`${type} ${reason} ${message}`) },
  };
  return { deps, events, deleted, created };
}

const ref = (name: string) => ({ kind: 'Job', apiVersion: 'batch/v1', namespace: 'ns', name, uid: `${name}-uid` });

describe('syncCronJob', () => {
  it('UnexpectedJob: a running Job it controls but does not list as active', () => {
    const f = fakes({}, cronJob());
    const cj = cronJob({}, { lastScheduleTime: '2016-05-19T10:00:00Z' });
    syncCronJob(cj, [job('stray')], NOW, f.deps);
    expect(f.events).toEqual(['Warning UnexpectedJob Saw a job that the controller did not create or forgot: stray']);
  });

  it('MissingJob: an active reference to a Job that is gone is dropped', () => {
    const f = fakes();
    const cj = cronJob({}, { lastScheduleTime: '2016-05-19T10:00:00Z', active: [ref('gone')] });
    const r = syncCronJob(cj, [], NOW, f.deps);
    expect(f.events).toEqual(['Normal MissingJob Active job went missing: gone']);
    expect(cj.status?.active).toEqual([]);
    expect(r.updateStatus).toBe(true);
  });

  it('SawCompletedJob and lastSuccessfulTime; a Failed Job leaves lastSuccessfulTime alone', () => {
    const f = fakes();
    const done = job('done', { finished: 'Complete', start: '2016-05-19T10:00:05Z' });
    const failed = job('failed', { finished: 'Failed', start: '2016-05-19T10:00:09Z' });
    const cj = cronJob({}, { lastScheduleTime: '2016-05-19T10:00:00Z', active: [ref('done'), ref('failed')] });
    syncCronJob(cj, [done, failed], NOW, f.deps);
    expect(f.events).toEqual([
      'Normal SawCompletedJob Saw completed job: done, condition: Complete',
      'Normal SawCompletedJob Saw completed job: failed, condition: Failed',
    ]);
    expect(cj.status?.lastSuccessfulTime).toBe('2016-05-19T10:00:05Z');
    expect(cj.status?.active).toEqual([]);
  });

  it('a CronJob being deleted only has its status brought up to date', () => {
    const f = fakes();
    const cj = cronJob();
    cj.metadata.deletionTimestamp = '2016-05-19T10:00:20Z';
    const r = syncCronJob(cj, [], NOW, f.deps);
    expect(f.created).toEqual([]);
    expect(r.requeueAfterMs).toBeUndefined();
  });

  it('FailedCreate: any other create error is reported and returned', () => {
    const f = fakes({
      createJob: () => {
        throw new ApiError('jobs.batch "x" is invalid', 'Invalid');
      },
    });
    const r = syncCronJob(cronJob(), [], NOW, f.deps);
    expect(f.events).toEqual(['Warning FailedCreate Error creating job: jobs.batch "x" is invalid']);
    expect(r.error).toBeDefined();
  });

  it('the Job it creates: name, labels and annotations from the template, the scheduled-time annotation', () => {
    const f = fakes();
    const cj = cronJob();
    cj.spec.jobTemplate.metadata = { labels: { app: 'x' }, annotations: { note: 'y' } };
    syncCronJob(cj, [], NOW, f.deps);
    expect(f.created[0].metadata).toMatchObject({
      name: 'mycronjob-24394200',
      labels: { app: 'x' },
      annotations: { note: 'y', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2016-05-19T10:00:00Z' },
    });
    expect(f.events).toEqual(['Normal SuccessfulCreate Created job mycronjob-24394200']);
    expect(cj.status?.active?.map((r) => r.name)).toEqual(['mycronjob-24394200']);
    expect(cj.status?.lastScheduleTime).toBe('2016-05-19T10:00:00Z');
  });
});

describe('cleanupFinishedJobs', () => {
  const finished = [1, 2, 3, 4].map((i) => job(`ok-${i}`, { finished: 'Complete', start: `2016-05-19T0${i}:00:00Z` }));

  it('deletes the oldest beyond the limit, with SuccessfulDelete', () => {
    const f = fakes();
    const cj = cronJob({ successfulJobsHistoryLimit: 2, failedJobsHistoryLimit: 1 });
    expect(cleanupFinishedJobs(cj, finished, f.deps)).toBe(true);
    expect(f.deleted).toEqual(['ok-1', 'ok-2']);
    expect(f.events).toEqual(['Normal SuccessfulDelete Deleted job ok-1', 'Normal SuccessfulDelete Deleted job ok-2']);
  });

  it('a limit of 0 keeps none; no limits keep everything', () => {
    const f = fakes();
    expect(cleanupFinishedJobs(cronJob({ successfulJobsHistoryLimit: 0 }), finished, f.deps)).toBe(true);
    expect(f.deleted).toHaveLength(4);
    const g = fakes();
    expect(cleanupFinishedJobs(cronJob(), finished, g.deps)).toBe(false);
    expect(g.deleted).toEqual([]);
  });

  it('FailedDelete when the delete fails', () => {
    const f = fakes({
      deleteJob: () => {
        throw new ApiError('jobs.batch "ok-1" not found', 'NotFound');
      },
    });
    expect(cleanupFinishedJobs(cronJob({ successfulJobsHistoryLimit: 3 }), finished, f.deps)).toBe(false);
    expect(f.events).toEqual(['Warning FailedDelete Deleted job: jobs.batch "ok-1" not found']);
  });
});
