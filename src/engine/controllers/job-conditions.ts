/**
 * Job conditions and the pod predicates the Job controller counts with, after
 * pkg/controller/job/job_controller.go and job/util/utils.go. Pure helpers, shared
 * with the TTL-after-finished controller.
 */
import type { Condition, Pod } from '../api/types';
import type { Job } from '../api/workload-types';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export type JobConditionType = 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';

export const REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const MSG_BACKOFF_LIMIT_EXCEEDED = 'Job has reached the specified backoff limit';
export const MSG_DEADLINE_EXCEEDED = 'Job was active longer than specified deadline';
export const MSG_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';

export interface JobCondition extends Condition {
  type: JobConditionType;
}

export function newCondition(
  type: JobConditionType,
  status: Condition['status'],
  reason: string,
  message: string,
  now: string,
): JobCondition {
  const c: JobCondition = { type, status, lastProbeTime: now, lastTransitionTime: now };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

export function findCondition(job: Job, type: JobConditionType): Condition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

function isTrue(job: Job, type: JobConditionType): boolean {
  return findCondition(job, type)?.status === 'True';
}

/** IsJobFinished: Complete=True or Failed=True. */
export function isJobFinished(job: Job): boolean {
  return isTrue(job, 'Complete') || isTrue(job, 'Failed');
}

/** The condition that finished the Job, if any (its lastTransitionTime is the finish time). */
export function finishedCondition(job: Job): Condition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/**
 * ensureJobConditionStatus: updates a condition of that type when anything differs,
 * appends it otherwise — except that a False condition is never appended.
 */
export function ensureCondition(
  list: Condition[],
  type: JobConditionType,
  status: Condition['status'],
  reason: string,
  message: string,
  now: string,
): { list: Condition[]; changed: boolean } {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) {
      return { list, changed: false };
    }
    const next = [...list];
    next[i] = newCondition(type, status, reason, message, now);
    return { list: next, changed: true };
  }
  if (status === 'False') return { list, changed: false };
  return { list: [...list, newCondition(type, status, reason, message, now)], changed: true };
}

export function jobSuspended(job: Job): boolean {
  return job.spec.suspend === true;
}

export function hasTrackingFinalizer(p: Pod): boolean {
  return (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/**
 * onlyReplaceFailedPods: with podReplacementPolicy Failed (the default when a pod
 * failure policy is set) a terminating pod is replaced only once it has failed.
 */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy !== undefined;
}

/**
 * isPodFailed: phase Failed — or, unless only failed pods are replaced, being deleted
 * without having succeeded (an orphan may never reach a terminal phase).
 */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return Boolean(p.metadata.deletionTimestamp) && p.status?.phase !== 'Succeeded';
}
