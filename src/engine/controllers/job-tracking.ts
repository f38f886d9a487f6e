/**
 * Counting finished pods with the `batch.kubernetes.io/job-tracking` finalizer, after
 * trackJobStatusAndRemoveFinalizers in pkg/controller/job/job_controller.go:
 *
 * 1. a pod that finished is first written into status.uncountedTerminatedPods;
 * 2. its finalizer is removed (so the kubelet or GC can make it go away);
 * 3. only then does it move from the uncounted list into succeeded / failed.
 *
 * So no pod is ever counted twice nor lost, whatever order things happen in. The
 * terminal condition (Complete / Failed) is added once no uncounted and no
 * terminating pod is left; until then the interim SuccessCriteriaMet / FailureTarget
 * condition stands.
 */
import type { Pod } from '../api/types';
import type { Job, JobStatus } from '../api/workload-types';
import type { ControllerContext } from './context';
import type { BackoffRecord } from './job-backoff';
import {
  ensureCondition,
  hasTrackingFinalizer,
  isPodFailed,
  JOB_TRACKING_FINALIZER,
  type JobCondition,
  newCondition,
} from './job-conditions';
import {
  completionIndex,
  formatIntervals,
  hasIndex,
  type Intervals,
  isIndexedJob,
  totalIndexes,
  UNKNOWN_INDEX,
  withIndexes,
} from './job-indexed';
import { matchPodFailurePolicy } from './job-podfailurepolicy';

export const JOB_SOURCE = { component: 'job-controller' };
/** MaxUncountedPods: at most this many pods are counted per sync. */
export const MAX_UNCOUNTED_PODS = 500;

/** syncJobCtx: what one sync of a Job has worked out so far. */
export interface JobSyncCtx {
  ctx: ControllerContext;
  key: string;
  /** the working copy; status is rewritten as the sync goes */
  job: Job;
  pods: Pod[];
  activePods: Pod[];
  finished?: JobCondition;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: Intervals;
  succeededIndexes: Intervals;
  newBackoff: BackoffRecord;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  terminating: number;
  ready: number;
  /** writes the backoff record (only once the status that explains it is written) */
  saveBackoff(rec: BackoffRecord): void;
}

function uncountedOf(status: JobStatus): { succeeded: string[]; failed: string[] } {
  return {
    succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])],
    failed: [...(status.uncountedTerminatedPods?.failed ?? [])],
  };
}

function setUncounted(status: JobStatus, u: { succeeded: string[]; failed: string[] }): void {
  status.uncountedTerminatedPods = {
    ...(u.succeeded.length > 0 ? { succeeded: u.succeeded } : {}),
    ...(u.failed.length > 0 ? { failed: u.failed } : {}),
  };
}

/** cleanUncountedPodsWithoutFinalizers: uncounted pods whose finalizer is gone now count. */
function cleanUncounted(status: JobStatus, withFinalizer: Set<string>): boolean {
  const u = uncountedOf(status);
  const s = u.succeeded.filter((uid) => withFinalizer.has(uid));
  const f = u.failed.filter((uid) => withFinalizer.has(uid));
  if (s.length === u.succeeded.length && f.length === u.failed.length) return false;
  // Zero counters stay unset, as the API's omitempty leaves them.
  if (u.succeeded.length > s.length) status.succeeded = (status.succeeded ?? 0) + u.succeeded.length - s.length;
  if (u.failed.length > f.length) status.failed = (status.failed ?? 0) + u.failed.length - f.length;
  setUncounted(status, { succeeded: s, failed: f });
  return true;
}

/** canRemoveFinalizer (without backoffLimitPerIndex, which this engine does not run). */
function canRemoveFinalizer(s: JobSyncCtx, pod: Pod, consideredFailed: boolean): boolean {
  return (
    Boolean(s.job.metadata.deletionTimestamp) || !!s.finished || pod.status?.phase === 'Succeeded' || consideredFailed
  );
}

export function trackJobStatusAndRemoveFinalizers(s: JobSyncCtx, needsFlushIn: boolean): void {
  let needsFlush = needsFlushIn;
  const job = s.job;
  const status = job.status as JobStatus;
  const indexed = isIndexedJob(job);
  const completions = job.spec.completions ?? 0;
  const pods = indexed ? [...s.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : s.pods;
  const withFinalizer = new Set(pods.filter(hasTrackingFinalizer).map((p) => p.metadata.uid));
  if (cleanUncounted(status, withFinalizer)) needsFlush = true;

  const toRemove: Pod[] = [];
  const newSucceededIndexes: number[] = [];
  let reachedMaxUncounted = false;
  const u = uncountedOf(status);
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const failed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(s, pod, failed)) continue;
    toRemove.push(pod);
    const uid = pod.metadata.uid;
    const ix = completionIndex(pod);
    if (pod.status?.phase === 'Succeeded' && !s.uncounted.failed.has(uid)) {
      if (indexed) {
        if (ix !== UNKNOWN_INDEX && ix < completions && !hasIndex(s.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!s.uncounted.succeeded.has(uid)) {
        needsFlush = true;
        u.succeeded.push(uid);
      }
    } else if (failed || (s.finished && s.finished.type !== 'SuccessCriteriaMet')) {
      // Once the Job is finishing, every pod that did not succeed counts as failed.
      if (!s.uncounted.failed.has(uid) && (!indexed || (ix !== UNKNOWN_INDEX && ix < completions))) {
        if (matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) {
          needsFlush = true;
          u.failed.push(uid);
        }
      }
    }
    // Keep status small and the sync short; the status and pod updates bring the Job back.
    if (newSucceededIndexes.length + u.succeeded.length + u.failed.length >= MAX_UNCOUNTED_PODS) {
      reachedMaxUncounted = true;
      break;
    }
  }
  setUncounted(status, u);
  if (indexed) {
    s.succeededIndexes = withIndexes(
      s.succeededIndexes,
      newSucceededIndexes.sort((a, b) => a - b),
    );
    const str = formatIntervals(s.succeededIndexes);
    if (str !== (status.completedIndexes ?? '')) needsFlush = true;
    const succeeded = totalIndexes(s.succeededIndexes);
    if (succeeded > 0) status.succeeded = succeeded;
    else delete status.succeeded;
    if (str) status.completedIndexes = str;
    else delete status.completedIndexes;
  }
  const now = s.ctx.clock.timestamp();
  if (s.finished?.type === 'FailureTarget') {
    // The interim condition is written before any finalizer goes; Failed follows later.
    status.conditions = [...(status.conditions ?? []), s.finished];
    needsFlush = true;
    s.finished = newCondition('Failed', 'True', s.finished.reason ?? '', s.finished.message ?? '', now);
  }
  if (s.finished?.type === 'SuccessCriteriaMet') {
    if (!(status.conditions ?? []).some((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True')) {
      status.conditions = [...(status.conditions ?? []), s.finished];
      needsFlush = true;
    }
    s.finished = newCondition('Complete', 'True', s.finished.reason ?? '', s.finished.message ?? '', now);
  }
  needsFlush = flushAndRemoveFinalizers(s, toRemove, withFinalizer, needsFlush);
  const finished = !reachedMaxUncounted && enactJobFinished(s);
  if (finished) needsFlush = true;
  if (needsFlush) {
    writeStatus(s);
    if (finished && s.finished) recordJobFinished(s, s.finished);
  }
}

function writeStatus(s: JobSyncCtx): void {
  const fresh = s.ctx.store.get('Job', s.job.metadata.namespace, s.job.metadata.name);
  if (!fresh || fresh.metadata.uid !== s.job.metadata.uid) return;
  s.job = s.ctx.api.updateStatus({ ...fresh, status: s.job.status }) as Job;
}

/** flushUncountedAndRemoveFinalizers; returns whether status changes are still unwritten. */
function flushAndRemoveFinalizers(
  s: JobSyncCtx,
  toRemove: Pod[],
  withFinalizer: Set<string>,
  needsFlush: boolean,
): boolean {
  let pending = needsFlush;
  if (pending) {
    writeStatus(s);
    s.saveBackoff(s.newBackoff);
    pending = false;
  }
  for (const p of toRemove) {
    removeTrackingFinalizer(s.ctx, p);
    withFinalizer.delete(p.metadata.uid);
  }
  if (cleanUncounted(s.job.status as JobStatus, withFinalizer)) pending = true;
  return pending;
}

/** removeTrackingFinalizerPatch + PatchPod; a pod already gone counts as done. */
export function removeTrackingFinalizer(ctx: ControllerContext, listed: Pod): void {
  const pod = ctx.store.get('Pod', listed.metadata.namespace, listed.metadata.name) as Pod | undefined;
  if (!pod || pod.metadata.uid !== listed.metadata.uid || !hasTrackingFinalizer(pod)) return;
  const finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  const metadata = { ...pod.metadata, finalizers };
  if (finalizers.length === 0) delete (metadata as { finalizers?: string[] }).finalizers;
  ctx.api.replace({ ...pod, metadata });
}

/** enactJobFinished: the terminal condition, once nothing is uncounted or terminating. */
function enactJobFinished(s: JobSyncCtx): boolean {
  if (!s.finished) return false;
  const status = s.job.status as JobStatus;
  const u = status.uncountedTerminatedPods;
  if ((u?.succeeded?.length ?? 0) + (u?.failed?.length ?? 0) > 0) return false;
  if (s.terminating > 0) return false;
  const now = s.ctx.clock.timestamp();
  const f = s.finished;
  status.conditions = ensureCondition(
    status.conditions ?? [],
    f.type,
    f.status,
    f.reason ?? '',
    f.message ?? '',
    now,
  ).list;
  if (f.type === 'Complete') status.completionTime = f.lastTransitionTime;
  return true;
}

/** recordJobFinished: Completed "Job completed", or a Warning with the failure reason. */
function recordJobFinished(s: JobSyncCtx, cond: JobCondition): void {
  const job = s.job;
  if (cond.type === 'Complete') {
    if (job.spec.completions != null && (job.status?.succeeded ?? 0) > job.spec.completions) {
      s.ctx.events.warning(
        JOB_SOURCE,
        job,
        'TooManySucceededPods',
        'Too many succeeded pods running after completion count reached',
      );
    }
    s.ctx.events.normal(JOB_SOURCE, job, 'Completed', 'Job completed');
  } else {
    s.ctx.events.warning(JOB_SOURCE, job, cond.reason ?? '', cond.message ?? '');
  }
}
