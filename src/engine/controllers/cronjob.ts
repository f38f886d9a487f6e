/**
 * The CronJob controller, after pkg/controller/cronjob/cronjob_controllerv2.go. Each
 * sync of a CronJob: delete the oldest finished Jobs beyond the history limits, bring
 * status.active in line with the Jobs that exist, then, when a scheduled time is due
 * (and not too late for startingDeadlineSeconds), apply the concurrency policy and
 * create the Job for it. It asks to run again just after the next scheduled time, on
 * the virtual clock.
 *
 * syncCronJob takes its Job and CronJob access as interfaces, as upstream does, so the
 * upstream test table runs against it with fakes (cronjob-vectors.test.ts).
 */
import { ApiError } from '../api/errors';
import type { CronJob, Job } from '../api/workload-types';
import { EPOCH_MS } from '../sim/clock';
import type { ControllerContext } from './context';
import { getControllerOf, isControlledBy } from './controllerref';
import { loadLocation, parseStandard } from './cronjob-schedule';
import {
  deleteFromActiveList,
  finishedStatus,
  formatRFC1123Z,
  formatSchedule,
  getJobFromTemplate2,
  getJobName,
  getRef,
  inActiveList,
  inActiveListByName,
  jobsToCleanUp,
  nextScheduleTime,
  nextScheduleTimeDuration,
  stamp,
  timeOf,
} from './cronjob-utils';
import type { Controller } from './manager';

export const CRONJOB = 'cronjob';
export const CRONJOB_SOURCE = { component: 'cronjob-controller' };

/** jobControlInterface: what the controller does to Jobs. Errors are thrown ApiErrors. */
export interface JobControl {
  /** undefined when the Job does not exist (NotFound) */
  getJob(namespace: string, name: string): Job | undefined;
  createJob(namespace: string, job: Job): Job;
  /** deletes with Background propagation */
  deleteJob(namespace: string, name: string): void;
}

/** cjControlInterface's read: the CronJob as the API server has it now. */
export interface CronJobControl {
  getCronJob(namespace: string, name: string): CronJob | undefined;
}

export interface Recorder {
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export interface SyncDeps {
  jobs: JobControl;
  cronJobs: CronJobControl;
  recorder: Recorder;
}

export interface SyncResult {
  /** requeue after this many ms; undefined leaves the key until something changes */
  requeueAfterMs?: number;
  /** status changed and must be written */
  updateStatus: boolean;
  error?: Error;
}

/** The API refuses new objects in a namespace that is being deleted (NamespaceTerminatingCause). */
export function isNamespaceTerminating(e: unknown): boolean {
  return e instanceof ApiError && e.reason === 'Forbidden' && e.message.includes('because it is being terminated');
}

function isAlreadyExists(e: unknown): boolean {
  return e instanceof ApiError && e.reason === 'AlreadyExists';
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * syncCronJob: reconciles `cj` (a copy it may change) with the Jobs it controls, at
 * absolute time `now` (Unix ms).
 */
export function syncCronJob(cj: CronJob, jobs: Job[], now: number, deps: SyncDeps): SyncResult {
  const { recorder } = deps;
  let cronJob = cj;
  let updateStatus = false;
  const children = new Set<string>();
  for (const j of jobs) {
    children.add(j.metadata.uid);
    const found = inActiveList(cronJob, j.metadata.uid);
    const finished = finishedStatus(j);
    if (!found && !finished) {
      const fresh = deps.cronJobs.getCronJob(cronJob.metadata.namespace as string, cronJob.metadata.name);
      if (fresh && inActiveList(fresh, j.metadata.uid)) {
        // Our copy is older than the API's: carry on with the API's (as upstream does).
        cronJob = structuredCopy(fresh);
        continue;
      }
      // Created by someone else, or we crashed between creating it and writing the status.
      recorder.event(
        'Warning',
        'UnexpectedJob',
        `Saw a job that the controller did not create or forgot: ${j.metadata.name}`,
      );
    } else if (finished) {
      if (found) {
        deleteFromActiveList(cronJob, j.metadata.uid);
        recorder.event('Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished}`);
        updateStatus = true;
      }
      if (finished === 'Complete') {
        // Any succeeded Job counts, in the active list or not.
        const completion = timeOf(j.status?.completionTime);
        const last = timeOf(cronJob.status?.lastSuccessfulTime);
        if (last === undefined || (completion !== undefined && completion > last)) {
          cronJob.status = { ...cronJob.status, lastSuccessfulTime: j.status?.completionTime };
          updateStatus = true;
        }
      }
    }
  }

  // A referenced Job that no longer exists leaves the active list, or the CronJob would
  // look busy forever.
  for (const ref of [...(cronJob.status?.active ?? [])]) {
    if (children.has(ref.uid)) continue;
    try {
      if (deps.jobs.getJob(ref.namespace, ref.name)) continue;
    } catch (e) {
      return { updateStatus, error: asError(e) };
    }
    recorder.event('Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    deleteFromActiveList(cronJob, ref.uid);
    updateStatus = true;
  }

  // Being deleted: nothing but the status.
  if (cronJob.metadata.deletionTimestamp) return { updateStatus };

  if (cronJob.spec.timeZone != null) {
    const loc = loadLocation(cronJob.spec.timeZone);
    if (!loc.ok) {
      recorder.event(
        'Warning',
        'UnknownTimeZone',
        `invalid timeZone: ${JSON.stringify(cronJob.spec.timeZone)}: ${loc.error}`,
      );
      return { updateStatus };
    }
  }

  if (cronJob.spec.suspend === true) return { updateStatus };

  const formatted = formatSchedule(cronJob);
  if (formatted.warning) recorder.event('Warning', 'UnsupportedSchedule', formatted.warning);
  const parsed = parseStandard(formatted.spec);
  if (!parsed.ok) {
    recorder.event(
      'Warning',
      'UnparseableSchedule',
      `unparseable schedule: ${JSON.stringify(cronJob.spec.schedule)} : ${parsed.error}`,
    );
    return { updateStatus };
  }
  const sched = parsed.schedule;
  const requeue = () => nextScheduleTimeDuration(cronJob, now, sched);

  const next = nextScheduleTime(cronJob, now, sched);
  if (next.tooManyMissed) {
    recorder.event(
      'Warning',
      'TooManyMissedTimes',
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    );
  }
  if (next.error) {
    recorder.event('Warning', 'InvalidSchedule', `invalid schedule: ${cronJob.spec.schedule} : ${next.error}`);
    return { updateStatus };
  }
  const scheduledTime = next.scheduledTime;
  // Nothing due: only after a restart, as the requeue normally lands on a scheduled time.
  if (scheduledTime === undefined) return { requeueAfterMs: requeue(), updateStatus };

  const deadline = cronJob.spec.startingDeadlineSeconds;
  if (deadline != null && scheduledTime + deadline * 1000 < now) {
    recorder.event('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRFC1123Z(scheduledTime)}`);
    return { requeueAfterMs: requeue(), updateStatus };
  }
  const ns = cronJob.metadata.namespace as string;
  if (
    inActiveListByName(cronJob, getJobName(cronJob, scheduledTime), ns) ||
    timeOf(cronJob.status?.lastScheduleTime) === scheduledTime
  ) {
    // This scheduled time was already handled.
    return { requeueAfterMs: requeue(), updateStatus };
  }
  if (cronJob.spec.concurrencyPolicy === 'Forbid' && (cronJob.status?.active ?? []).length > 0) {
    // Not airtight (a Job we have not seen yet), as upstream says: fine when runs are far apart.
    recorder.event(
      'Normal',
      'JobAlreadyActive',
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    );
    return { requeueAfterMs: requeue(), updateStatus };
  }
  if (cronJob.spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...(cronJob.status?.active ?? [])]) {
      let job: Job | undefined;
      try {
        job = deps.jobs.getJob(ref.namespace, ref.name);
        if (!job) throw new ApiError(`jobs.batch "${ref.name}" not found`, 'NotFound');
      } catch (e) {
        recorder.event('Warning', 'FailedGet', `Get job: ${asError(e).message}`);
        return { updateStatus, error: asError(e) };
      }
      if (!deleteJob(cronJob, job, deps)) {
        return {
          updateStatus,
          error: new Error(`could not replace job ${job.metadata.namespace}/${job.metadata.name}`),
        };
      }
      updateStatus = true;
    }
  }

  const jobReq = getJobFromTemplate2(cronJob, scheduledTime);
  let jobResp: Job;
  try {
    jobResp = deps.jobs.createJob(ns, jobReq);
    recorder.event('Normal', 'SuccessfulCreate', `Created job ${jobResp.metadata.name}`);
  } catch (e) {
    // Every create would fail in a namespace being deleted: nothing to do.
    if (isNamespaceTerminating(e)) return { updateStatus, error: asError(e) };
    if (!isAlreadyExists(e)) {
      recorder.event('Warning', 'FailedCreate', `Error creating job: ${asError(e).message}`);
      return { updateStatus, error: asError(e) };
    }
    // Ours from an earlier sync whose status write was lost: put it back in the active
    // list. Someone else's: leave the status to them.
    let existing: Job | undefined;
    try {
      existing = deps.jobs.getJob(ns, jobReq.metadata.name);
    } catch (err) {
      return { updateStatus, error: asError(err) };
    }
    if (!existing || !isControlledBy(existing, cronJob) || inActiveList(cronJob, existing.metadata.uid)) {
      return { updateStatus };
    }
    jobResp = existing;
  }

  // The Job name is the lock: a second sync for this scheduled time finds it by name.
  cronJob.status = {
    ...cronJob.status,
    active: [...(cronJob.status?.active ?? []), getRef(jobResp)],
    lastScheduleTime: stamp(scheduledTime),
  };
  return { requeueAfterMs: requeue(), updateStatus: true };
}

/** deleteJob: the Job (its pods follow in the background) and its active-list entry. */
function deleteJob(cj: CronJob, job: Job, deps: SyncDeps): boolean {
  try {
    deps.jobs.deleteJob(job.metadata.namespace as string, job.metadata.name);
  } catch (e) {
    deps.recorder.event('Warning', 'FailedDelete', `Deleted job: ${asError(e).message}`);
    return false;
  }
  deleteFromActiveList(cj, job.metadata.uid);
  deps.recorder.event('Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  return true;
}

/** cleanupFinishedJobs: the oldest finished Jobs beyond the history limits go. */
export function cleanupFinishedJobs(cj: CronJob, jobs: Job[], deps: SyncDeps): boolean {
  if (cj.spec.successfulJobsHistoryLimit == null && cj.spec.failedJobsHistoryLimit == null) return false;
  let updateStatus = false;
  for (const job of jobsToCleanUp(cj, jobs)) if (deleteJob(cj, job, deps)) updateStatus = true;
  return updateStatus;
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

interface CronJobState {
  /** key → absolute sim ms of the wake-up already asked for, so requeues do not pile up */
  wakeAt: Record<string, number>;
}

export function createCronJobController(): Controller {
  return {
    name: CRONJOB,
    onEvent(ev, enqueue) {
      const o = ev.object;
      if (o.kind === 'CronJob') {
        const key = `${o.metadata.namespace}/${o.metadata.name}`;
        const old = ev.type === 'MODIFIED' ? (ev.old as CronJob | undefined) : undefined;
        const cur = o as CronJob;
        // updateCronJob: a new schedule or zone waits for its next time; anything else syncs now.
        if (old && (old.spec?.schedule !== cur.spec?.schedule || old.spec?.timeZone !== cur.spec?.timeZone)) {
          enqueue(`${RESCHEDULE}${key}`);
        } else enqueue(key);
        return;
      }
      if (o.kind !== 'Job') return;
      // addJob / updateJob / deleteJob: wake the CronJob that controls it (old and new).
      for (const obj of ev.old ? [ev.old, o] : [o]) {
        const ref = getControllerOf(obj);
        if (ref?.kind === 'CronJob') enqueue(`${obj.metadata.namespace}/${ref.name}`);
      }
    },
    reconcile(key, ctx) {
      if (key.startsWith(RESCHEDULE)) reschedule(ctx, key.slice(RESCHEDULE.length));
      else sync(ctx, key);
    },
  };
}

/** The key prefix for "the schedule changed": requeue at its next time instead of syncing. */
const RESCHEDULE = 'schedule-changed:';

/** updateCronJob's schedule branch: requeue the CronJob for the new schedule's next time. */
function reschedule(ctx: ControllerContext, key: string): void {
  const [ns, name] = key.split('/');
  const cronJob = ctx.store.get('CronJob', ns, name) as CronJob | undefined;
  if (!cronJob) return;
  // No UnsupportedSchedule warning here: the sync records it.
  const parsed = parseStandard(formatSchedule(cronJob).spec);
  if (!parsed.ok) {
    ctx.events.warning(
      CRONJOB_SOURCE,
      cronJob,
      'UnParseableCronJobSchedule',
      `unparseable schedule for cronjob: ${cronJob.spec.schedule}`,
    );
    return;
  }
  const delay = nextScheduleTimeDuration(cronJob, EPOCH_MS + ctx.clock.now(), parsed.schedule);
  if (delay !== undefined) requeueAfter(ctx, key, delay);
}

/** queue.AddAfter: one pending wake-up per key, the earliest asked for. */
function requeueAfter(ctx: ControllerContext, key: string, ms: number): void {
  const state = ctx.state<CronJobState>(() => ({ wakeAt: {} }));
  const delay = Math.max(0, ms);
  const at = ctx.clock.now() + delay;
  const pending = state.wakeAt[key];
  if (pending === undefined || pending < ctx.clock.now() || at < pending) {
    state.wakeAt[key] = at;
    ctx.after(delay, key);
  }
}

/** sync: read, clean up, sync, write the status once, requeue. */
function sync(ctx: ControllerContext, key: string): void {
  const [ns, name] = key.split('/');
  const state = ctx.state<CronJobState>(() => ({ wakeAt: {} }));
  if ((state.wakeAt[key] ?? Number.POSITIVE_INFINITY) <= ctx.clock.now()) delete state.wakeAt[key];
  const cronJob = ctx.store.get('CronJob', ns, name) as CronJob | undefined;
  if (!cronJob) {
    delete state.wakeAt[key];
    return;
  }
  // getJobsToBeReconciled: every Job whose controllerRef names this CronJob.
  const jobs = (ctx.store.list('Job', ns) as Job[]).filter((j) => getControllerOf(j)?.name === name);
  const copy = structuredCopy(cronJob);
  const deps = realDeps(ctx, cronJob);
  const cleaned = cleanupFinishedJobs(copy, jobs, deps);
  const result = syncCronJob(copy, jobs, EPOCH_MS + ctx.clock.now(), deps);
  if (cleaned || result.updateStatus) {
    const current = ctx.store.get('CronJob', ns, name) as CronJob | undefined;
    if (current && current.metadata.uid === cronJob.metadata.uid) {
      ctx.api.updateStatus({ ...current, status: copy.status ?? {} });
    }
  }
  if (result.requeueAfterMs !== undefined) requeueAfter(ctx, key, result.requeueAfterMs);
}

function realDeps(ctx: ControllerContext, cronJob: CronJob): SyncDeps {
  return {
    jobs: {
      getJob: (namespace, name) => ctx.store.get('Job', namespace, name) as Job | undefined,
      createJob: (_namespace, job) => ctx.api.create(job) as Job,
      deleteJob: (namespace, name) => {
        ctx.api.delete('Job', namespace, name, { propagationPolicy: 'Background' });
      },
    },
    cronJobs: {
      getCronJob: (namespace, name) => ctx.store.get('CronJob', namespace, name) as CronJob | undefined,
    },
    recorder: {
      event: (type, reason, message) => ctx.events.record(CRONJOB_SOURCE, cronJob, type, reason, message),
    },
  };
}
