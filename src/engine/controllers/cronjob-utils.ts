/**
 * The pure parts of the CronJob controller, after pkg/controller/cronjob/utils.go:
 * which scheduled time is due, when to look again, the Job made from the template, and
 * the active-list bookkeeping. Times are absolute Unix milliseconds (the controller
 * adds the virtual clock's epoch), so upstream's test dates can be used as they are.
 */
import type { CronJob, Job } from '../api/workload-types';
import { newControllerRef } from './controllerref';
import { formatRFC3339, loadLocation, type Schedule } from './cronjob-schedule';

/** nextScheduleDelta: 100ms of padding on every requeue, against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** batchv1.CronJobScheduledTimestampAnnotation */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** More missed start times than this and the controller warns (TooManyMissedTimes). */
export const MANY_MISSED = 100;

export type MissedSchedules = 'none' | 'few' | 'many';

export type ActiveRef = NonNullable<NonNullable<CronJob['status']>['active']>[number];

/** A metav1.Time as absolute ms (second precision, as the API stores it). */
export function timeOf(ts: string | undefined): number | undefined {
  return ts ? Date.parse(ts) : undefined;
}

/** Absolute ms as a metav1.Time string. */
export function stamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function inActiveList(cj: CronJob, uid: string): boolean {
  return (cj.status?.active ?? []).some((r) => r.uid === uid);
}

export function inActiveListByName(cj: CronJob, name: string, namespace: string): boolean {
  return (cj.status?.active ?? []).some((r) => r.name === name && r.namespace === namespace);
}

export function deleteFromActiveList(cj: CronJob, uid: string): void {
  cj.status = { ...cj.status, active: (cj.status?.active ?? []).filter((r) => r.uid !== uid) };
}

export interface MostRecent {
  /** the last schedule time, or the CronJob's creation time */
  earliest: number;
  /** the most recent time a Job should have been created, unless that is after now */
  mostRecent?: number;
  missed: MissedSchedules;
  /** a schedule that parses but makes no sense (Feb 31) */
  error?: string;
}

/**
 * mostRecentScheduleTime. Counting the missed times is an estimate (the gap between
 * the first two activations fitted into the time elapsed), which keeps a CronJob that
 * was stopped for years from walking every missed minute.
 */
export function mostRecentScheduleTime(
  cj: CronJob,
  now: number,
  schedule: Schedule,
  includeStartingDeadlineSeconds: boolean,
): MostRecent {
  let earliest = timeOf(cj.status?.lastScheduleTime) ?? (timeOf(cj.metadata.creationTimestamp) as number);
  const deadline = cj.spec.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && deadline != null) {
    // The controller is not going to schedule anything before this point.
    const schedulingDeadline = now - deadline * 1000;
    if (schedulingDeadline > earliest) earliest = schedulingDeadline;
  }
  const t1 = schedule.next(earliest);
  const t2 = t1 === null ? null : schedule.next(t1);
  if (t1 !== null && now < t1) return { earliest, missed: 'none' };
  if (t1 !== null && t2 !== null && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === null || t2 === null ? 0 : Math.round((t2 - t1) / 1000);
  if (t1 === null || t2 === null || between < 1) {
    return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  }
  const elapsed = Math.trunc((now - t1) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  // Start one interval early and let the schedule find the real times: irregular
  // schedules (30 6-16/4 * * 1-5) and @every both land right this way.
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  let mostRecent: number | undefined;
  for (let t = schedule.next(potentialEarliest); t !== null && t <= now; t = schedule.next(t)) mostRecent = t;
  const missed: MissedSchedules = missedCount > MANY_MISSED ? 'many' : missedCount > 0 ? 'few' : 'none';
  return mostRecent === undefined ? { earliest, missed } : { earliest, mostRecent, missed };
}

/**
 * nextScheduleTimeDuration: how long until the next activation after the most recent
 * one, plus the delta. Undefined when the schedule never fires again.
 */
export function nextScheduleTimeDuration(cj: CronJob, now: number, schedule: Schedule): number | undefined {
  const r = mostRecentScheduleTime(cj, now, schedule, false);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent !== undefined) from = r.mostRecent;
  // With missed schedules since earliest but none found, aim from now.
  else from = r.missed === 'none' ? r.earliest : now;
  const next = schedule.next(from);
  return next === null ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}

export interface NextSchedule {
  scheduledTime?: number;
  error?: string;
  tooManyMissed: boolean;
}

/** nextScheduleTime: the unmet time to start a Job for, if any (the caller records the warning). */
export function nextScheduleTime(cj: CronJob, now: number, schedule: Schedule): NextSchedule {
  const r = mostRecentScheduleTime(cj, now, schedule, true);
  if (r.mostRecent === undefined || r.mostRecent > now) return { error: r.error, tooManyMissed: false };
  return { scheduledTime: r.mostRecent, error: r.error, tooManyMissed: r.missed === 'many' };
}

/** getTimeHashInMinutes: the scheduled time in minutes since the Unix epoch. */
export function getTimeHashInMinutes(scheduledTime: number): number {
  return Math.floor(Math.floor(scheduledTime / 1000) / 60);
}

/** getJobName: deterministic per scheduled time, so the same run is never created twice. */
export function getJobName(cj: CronJob, scheduledTime: number): string {
  return `${cj.metadata.name}-${getTimeHashInMinutes(scheduledTime)}`;
}

/**
 * getJobFromTemplate2: the template's labels, annotations (plus the scheduled time in
 * the CronJob's zone) and spec, owned by the CronJob.
 */
export function getJobFromTemplate2(cj: CronJob, scheduledTime: number): Job {
  const template = cj.spec.jobTemplate ?? {};
  const zone = loadLocation(cj.spec.timeZone ?? '');
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = formatRFC3339(scheduledTime, zone.ok ? zone.zone : 'UTC');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: getJobName(cj, scheduledTime),
      namespace: cj.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations,
      creationTimestamp: stamp(scheduledTime),
      ownerReferences: [newControllerRef(cj)],
    },
    spec: JSON.parse(JSON.stringify(template.spec ?? {})),
  } as Job;
}

/** getRef: the object reference kept in status.active. */
export function getRef(job: Job): ActiveRef {
  return {
    kind: 'Job',
    namespace: job.metadata.namespace as string,
    name: job.metadata.name,
    uid: job.metadata.uid,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata.resourceVersion,
  };
}

/** byJobStartTime: oldest status.startTime first, jobs without one last, names break ties. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = timeOf(a.status?.startTime);
  const sb = timeOf(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return (sa as number) - (sb as number);
}

/** getFinishedStatus: finished when Complete or Failed is True, and which one. */
export function finishedStatus(job: Job): 'Complete' | 'Failed' | undefined {
  const c = job.status?.conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}

/**
 * The oldest finished jobs beyond each history limit (removeOldestJobs over the
 * successful and the failed ones). A limit that is not set keeps everything.
 */
export function jobsToCleanUp(cj: CronJob, jobs: Job[]): Job[] {
  const out: Job[] = [];
  const pick = (list: Job[], limit: number | undefined) => {
    if (limit == null) return;
    const excess = list.length - limit;
    if (excess > 0) out.push(...[...list].sort(byJobStartTime).slice(0, excess));
  };
  pick(
    jobs.filter((j) => finishedStatus(j) === 'Complete'),
    cj.spec.successfulJobsHistoryLimit,
  );
  pick(
    jobs.filter((j) => finishedStatus(j) === 'Failed'),
    cj.spec.failedJobsHistoryLimit,
  );
  return out;
}

/**
 * formatSchedule: the schedule croner should read. A TZ in the schedule wins (with a
 * warning, returned here for the caller to record); a valid timeZone becomes a prefix.
 */
export function formatSchedule(cj: CronJob): { spec: string; warning?: string } {
  const schedule = cj.spec.schedule;
  if (schedule.includes('TZ')) {
    return {
      spec: schedule,
      warning: `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    };
  }
  if (cj.spec.timeZone != null) {
    if (!loadLocation(cj.spec.timeZone).ok) return { spec: schedule };
    return { spec: `TZ=${cj.spec.timeZone} ${schedule}` };
  }
  return { spec: schedule };
}

/** RFC 1123 with a numeric zone, in UTC, as the MissSchedule event prints the time. */
export function formatRFC1123Z(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
