/**
 * The Job controller, after pkg/controller/job/job_controller.go (syncJob). A Job runs
 * pods to completion: `completions` successes (or, for a work-queue Job without
 * completions, one success and the rest finished), at most `parallelism` at a time,
 * retrying failures with an exponential backoff until `backoffLimit` failures, an
 * `activeDeadlineSeconds` or a podFailurePolicy FailJob rule fails it.
 *
 * Every pod carries the `batch.kubernetes.io/job-tracking` finalizer until the
 * controller has counted it (job-tracking.ts), so a pod deleted early is still
 * counted. Pod events reach the Job after syncJobBatchPeriod (1s), as upstream.
 *
 * Keys: `ns/name` syncs a Job; `batch/ns/name` syncs it a second later; `orphan/ns/pod`
 * removes the finalizer of a pod no live Job will count; `adopt/ns/pod` wakes the Jobs
 * whose selector an orphan matches; `owned/ns/uid` checks every pod a deleted or
 * finished Job still holds.
 */
import { fromLabelSelector, matches } from '../api/labels';
import type { WatchEvent } from '../api/store';
import type { KubeObject, Pod } from '../api/types';
import type { Job, JobStatus } from '../api/workload-types';
import { fromTimestamp } from '../sim/clock';
import type { ControllerContext } from './context';
import { claimObjects, getControllerOf } from './controllerref';
import type { BackoffRecord } from './job-backoff';
import { nextBackoffRecord } from './job-backoff';
import {
  ensureCondition,
  findCondition,
  hasTrackingFinalizer,
  isJobFinished,
  isPodFailed,
  JOB_TRACKING_FINALIZER,
  type JobCondition,
  jobSuspended,
  MSG_BACKOFF_LIMIT_EXCEEDED,
  MSG_COMPLETIONS_REACHED,
  MSG_DEADLINE_EXCEEDED,
  newCondition,
  REASON_BACKOFF_LIMIT_EXCEEDED,
  REASON_COMPLETIONS_REACHED,
  REASON_DEADLINE_EXCEEDED,
  REASON_POD_FAILURE_POLICY,
} from './job-conditions';
import { completionIndex, isIndexedJob, succeededIndexes, totalIndexes, UNKNOWN_INDEX } from './job-indexed';
import { deleteActivePods, manageJob, SYNC_JOB_BATCH_PERIOD_MS } from './job-manage';
import { matchPodFailurePolicy } from './job-podfailurepolicy';
import {
  JOB_SOURCE,
  type JobSyncCtx,
  removeTrackingFinalizer,
  trackJobStatusAndRemoveFinalizers,
} from './job-tracking';
import type { Controller } from './manager';
import { filterActivePods, isPodReady, isPodTerminating } from './podutil';

export const JOB_CONTROLLER = 'job';
/** spec.managedBy of the Jobs this controller syncs (unset means the same). */
const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';

export interface JobControllerState {
  /** job key → its pod-failure backoff record (upstream's in-memory backoffStore) */
  backoff: Record<string, BackoffRecord>;
}

function initState(): JobControllerState {
  return { backoff: {} };
}

export function createJobController(): Controller {
  return {
    name: JOB_CONTROLLER,
    onEvent(ev, enqueue) {
      if (ev.object.kind === 'Job') onJobEvent(ev, enqueue);
      else if (ev.object.kind === 'Pod') onPodEvent(ev, enqueue);
    },
    reconcile(key, ctx) {
      const [verb, ns, name] = splitKey(key);
      if (verb === 'batch') ctx.after(SYNC_JOB_BATCH_PERIOD_MS, `${ns}/${name}`);
      else if (verb === 'orphan') syncOrphanPod(ctx, ns, name);
      else if (verb === 'adopt') wakeSelectingJobs(ctx, ns, name);
      else if (verb === 'owned') for (const p of podsOwnedBy(ctx, ns, name)) syncOrphanPod(ctx, ns, p.metadata.name);
      else if (verb === 'deadline') requeueForDeadline(ctx, ns, name);
      else syncJob(ctx, `${ns}/${name}`);
    },
  };
}

function splitKey(key: string): [string, string, string] {
  const parts = key.split('/');
  return parts.length === 2 ? ['sync', parts[0], parts[1]] : [parts[0], parts[1], parts[2]];
}

function onJobEvent(ev: WatchEvent, enqueue: (key: string) => void): void {
  const job = ev.object as Job;
  const key = `${job.metadata.namespace}/${job.metadata.name}`;
  const old = ev.old as Job | undefined;
  if (ev.type === 'DELETED') {
    enqueue(key);
    enqueue(`owned/${job.metadata.namespace}/${job.metadata.uid}`);
    return;
  }
  // A spec change syncs at once; a status write (usually our own) is batched.
  if (ev.type === 'ADDED' || old?.metadata.generation !== job.metadata.generation) enqueue(key);
  else enqueue(`batch/${key}`);
  // The backup cleanup of pod finalizers once the Job has finished.
  if (isJobFinished(job) && !(old && isJobFinished(old)))
    enqueue(`owned/${job.metadata.namespace}/${job.metadata.uid}`);
  if (
    job.status?.startTime &&
    job.spec.activeDeadlineSeconds != null &&
    old?.spec.activeDeadlineSeconds !== job.spec.activeDeadlineSeconds
  ) {
    enqueue(`deadline/${key}`);
  }
}

function onPodEvent(ev: WatchEvent, enqueue: (key: string) => void): void {
  const pod = ev.object as Pod;
  const ns = pod.metadata.namespace as string;
  const ref = getControllerOf(pod);
  const oldRef = ev.old ? getControllerOf(ev.old) : undefined;
  if (oldRef?.kind === 'Job' && oldRef.uid !== ref?.uid) enqueue(`batch/${ns}/${oldRef.name}`);
  if (ref?.kind === 'Job') enqueue(`batch/${ns}/${ref.name}`);
  if (ev.type !== 'DELETED' && hasTrackingFinalizer(pod) && (!ref || pod.metadata.deletionTimestamp)) {
    enqueue(`orphan/${ns}/${pod.metadata.name}`);
  }
  if (!ref && ev.type !== 'DELETED') {
    const labelsChanged =
      ev.type === 'ADDED' || JSON.stringify(ev.old?.metadata.labels) !== JSON.stringify(pod.metadata.labels);
    if (labelsChanged || oldRef) enqueue(`adopt/${ns}/${pod.metadata.name}`);
  }
}

function getJob(ctx: ControllerContext, ns: string, name: string): Job | undefined {
  return ctx.store.get('Job', ns, name) as Job | undefined;
}

function managedByOther(job: Job): boolean {
  const by = (job.spec as { managedBy?: string }).managedBy;
  return by !== undefined && by !== JOB_CONTROLLER_NAME;
}

/** syncOrphanPod: drop the finalizer unless a live, unfinished batch/v1 Job controls the pod. */
function syncOrphanPod(ctx: ControllerContext, ns: string, name: string): void {
  const pod = ctx.store.get('Pod', ns, name) as Pod | undefined;
  if (!pod || !hasTrackingFinalizer(pod)) return;
  const ref = getControllerOf(pod);
  if (ref) {
    if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
    const job = getJob(ctx, ns, ref.name);
    const live = job && job.metadata.uid === ref.uid ? job : undefined;
    if (live && managedByOther(live)) return;
    if (live && !isJobFinished(live)) return;
  }
  removeTrackingFinalizer(ctx, pod);
}

function podsOwnedBy(ctx: ControllerContext, ns: string, uid: string): Pod[] {
  return (ctx.store.list('Pod', ns) as Pod[]).filter((p) => getControllerOf(p)?.uid === uid && hasTrackingFinalizer(p));
}

/** An orphan with new labels: every Job whose selector matches it may adopt it. */
function wakeSelectingJobs(ctx: ControllerContext, ns: string, podName: string): void {
  const pod = ctx.store.get('Pod', ns, podName);
  if (!pod || getControllerOf(pod)) return;
  for (const job of ctx.store.list('Job', ns) as Job[]) {
    if (matches(fromLabelSelector(job.spec.selector), pod.metadata.labels)) {
      ctx.after(SYNC_JOB_BATCH_PERIOD_MS, `${ns}/${job.metadata.name}`);
    }
  }
}

/** updateJob: a changed activeDeadlineSeconds of a started Job re-arms its timer. */
function requeueForDeadline(ctx: ControllerContext, ns: string, name: string): void {
  const job = getJob(ctx, ns, name);
  if (!job?.status?.startTime || job.spec.activeDeadlineSeconds == null) return;
  const left = job.spec.activeDeadlineSeconds * 1000 - (ctx.clock.now() - fromTimestamp(job.status.startTime));
  if (left <= 0) ctx.enqueue(JOB_CONTROLLER, `${ns}/${name}`);
  else ctx.after(left, `${ns}/${name}`);
}

/**
 * getPodsForJob: every pod of the namespace that this Job controls or adopts (adopted
 * pods get the tracking finalizer too), releasing those that stopped matching.
 */
function getPodsForJob(ctx: ControllerContext, job: Job): Pod[] {
  const candidates = ctx.store.list('Pod', job.metadata.namespace) as Pod[];
  const { claimed } = claimObjects(ctx, candidates, { owner: job, selector: fromLabelSelector(job.spec.selector) });
  const before = new Map(candidates.map((p) => [p.metadata.uid, p]));
  return claimed.map((p) => {
    const wasOurs = getControllerOf(before.get(p.metadata.uid) as KubeObject)?.uid === job.metadata.uid;
    if (wasOurs || hasTrackingFinalizer(p)) return p;
    const finalizers = [...(p.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
    return ctx.api.replace({ ...p, metadata: { ...p.metadata, finalizers } }) as Pod;
  });
}

function syncJob(ctx: ControllerContext, key: string): void {
  const state = ctx.state(initState);
  const [ns, name] = key.split('/');
  const shared = getJob(ctx, ns, name);
  if (!shared) {
    delete state.backoff[key];
    return;
  }
  if (managedByOther(shared)) return;
  if (isJobFinished(shared)) {
    delete state.backoff[key];
    return;
  }
  const mode = shared.spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    ctx.events.warning(
      JOB_SOURCE,
      shared,
      'UnknownCompletionMode',
      'Skipped Job sync because completion mode is unknown',
    );
    return;
  }
  const job = structuredClone(shared) as Job;
  job.status ??= {};
  const status: JobStatus = job.status;
  status.uncountedTerminatedPods ??= {};
  const pods = getPodsForJob(ctx, job);
  const activePods = filterActivePods(pods);
  const s: JobSyncCtx = {
    ctx,
    key,
    job,
    pods,
    activePods,
    succeeded: 0,
    failed: 0,
    prevSucceededIndexes: [],
    succeededIndexes: [],
    newBackoff: { failuresAfterLastSuccess: 0 },
    uncounted: {
      succeeded: new Set(status.uncountedTerminatedPods.succeeded ?? []),
      failed: new Set(status.uncountedTerminatedPods.failed ?? []),
    },
    terminating: pods.filter(isPodTerminating).length,
    ready: activePods.filter(isPodReady).length,
    saveBackoff: (rec) => {
      state.backoff[key] = rec;
    },
  };
  let active = activePods.length;
  const { newSucceeded, newFailed } = newFinishedPods(s);
  const nonIgnoredFailed = newFailed.filter((p) => matchPodFailurePolicy(job.spec.podFailurePolicy, p).countFailed);
  s.succeeded = (status.succeeded ?? 0) + newSucceeded.length + s.uncounted.succeeded.size;
  s.failed = (status.failed ?? 0) + nonIgnoredFailed.length + s.uncounted.failed.size;
  // First start; a Job created suspended starts when it is resumed.
  if (!status.startTime && !jobSuspended(job)) status.startTime = ctx.clock.timestamp();
  s.newBackoff = nextBackoffRecord(state.backoff[key], newSucceeded, newFailed);
  s.finished = decideFailure(s);
  if (isIndexedJob(job)) {
    const idx = succeededIndexes(job, pods, hasTrackingFinalizer);
    s.prevSucceededIndexes = idx.prev;
    s.succeededIndexes = idx.next;
    s.succeeded = totalIndexes(idx.next);
  }
  let suspendCondChanged = false;
  if (s.finished) {
    // A failing Job's running pods are terminated; they keep their finalizers to be counted.
    const { deleted, deletedReady } = deleteActivePods(s);
    active -= deleted;
    s.terminating += deleted;
    s.ready -= deletedReady;
  } else {
    let manageJobCalled = false;
    if (!job.metadata.deletionTimestamp) {
      active = manageJob(s);
      manageJobCalled = true;
    }
    const complete =
      job.spec.completions == null
        ? s.succeeded > 0 && active === 0
        : s.succeeded >= job.spec.completions && active === 0;
    if (complete) {
      s.finished = newCondition(
        'SuccessCriteriaMet',
        'True',
        REASON_COMPLETIONS_REACHED,
        MSG_COMPLETIONS_REACHED,
        ctx.clock.timestamp(),
      );
    } else if (manageJobCalled) {
      suspendCondChanged = updateSuspendCondition(ctx, job);
    }
  }
  const needsStatusUpdate =
    suspendCondChanged ||
    active !== (status.active ?? 0) ||
    s.ready !== status.ready ||
    s.terminating !== status.terminating;
  if (active > 0) status.active = active;
  else delete status.active;
  status.ready = s.ready;
  status.terminating = s.terminating;
  trackJobStatusAndRemoveFinalizers(s, needsStatusUpdate);
}

/**
 * The failure checks of syncJob, in upstream's order: an interim FailureTarget
 * already written, a FailJob rule, the backoff limit, the active deadline. Returns
 * the condition to finish with (SuccessCriteriaMet if already reached), or undefined.
 */
function decideFailure(s: JobSyncCtx): JobCondition | undefined {
  const { job, ctx } = s;
  const now = ctx.clock.timestamp();
  const met = findCondition(job, 'SuccessCriteriaMet');
  if (met?.status === 'True') return met as JobCondition;
  const target = findCondition(job, 'FailureTarget');
  if (target?.status === 'True') return newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
  const failJob = failJobMessage(job, s.pods);
  if (failJob) return newCondition('FailureTarget', 'True', REASON_POD_FAILURE_POLICY, failJob, now);
  if (s.failed > (job.spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, s.pods)) {
    return newCondition('FailureTarget', 'True', REASON_BACKOFF_LIMIT_EXCEEDED, MSG_BACKOFF_LIMIT_EXCEEDED, now);
  }
  const ads = job.spec.activeDeadlineSeconds;
  if (ads != null && job.status?.startTime && !jobSuspended(job)) {
    const elapsed = ctx.clock.now() - fromTimestamp(job.status.startTime);
    if (elapsed >= ads * 1000) {
      return newCondition('FailureTarget', 'True', REASON_DEADLINE_EXCEEDED, MSG_DEADLINE_EXCEEDED, now);
    }
    ctx.after(ads * 1000 - elapsed, s.key);
  }
  return undefined;
}

/** getFailJobMessage: the message of the first failed pod a FailJob rule matches. */
function failJobMessage(job: Job, pods: Pod[]): string | undefined {
  if (!job.spec.podFailurePolicy) return undefined;
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue;
    const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p).failJobMessage;
    if (m) return m;
  }
  return undefined;
}

/**
 * pastBackoffLimitOnFailure: with restartPolicy OnFailure the kubelet restarts failed
 * containers in place, so their restart counts (of running and pending pods) are the
 * failures that count toward the limit.
 */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of [...(p.status.initContainerStatuses ?? []), ...(p.status.containerStatuses ?? [])]) {
      restarts += cs.restartCount ?? 0;
    }
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/**
 * getNewFinishedPods: pods that finished and are not counted yet — they still hold
 * the finalizer and are not in uncountedTerminatedPods (Indexed: with a valid index).
 */
function newFinishedPods(s: JobSyncCtx): { newSucceeded: Pod[]; newFailed: Pod[] } {
  const completions = s.job.spec.completions ?? 0;
  const valid = (p: Pod, uncounted: Set<string>) => {
    if (!hasTrackingFinalizer(p) || uncounted.has(p.metadata.uid)) return false;
    if (!isIndexedJob(s.job)) return true;
    const ix = completionIndex(p);
    return ix !== UNKNOWN_INDEX && ix < completions;
  };
  return {
    newSucceeded: s.pods.filter((p) => valid(p, s.uncounted.succeeded) && p.status?.phase === 'Succeeded'),
    newFailed: s.pods.filter((p) => valid(p, s.uncounted.failed) && isPodFailed(p, s.job)),
  };
}

/**
 * The Suspended condition: True "JobSuspended" while suspended; on resume False
 * "JobResumed", and startTime restarts so activeDeadlineSeconds counts active time only.
 */
function updateSuspendCondition(ctx: ControllerContext, job: Job): boolean {
  const status = job.status as JobStatus;
  const now = ctx.clock.timestamp();
  if (jobSuspended(job)) {
    const r = ensureCondition(status.conditions ?? [], 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
    if (r.changed) {
      status.conditions = r.list;
      ctx.events.normal(JOB_SOURCE, job, 'Suspended', 'Job suspended');
    }
    return r.changed;
  }
  const r = ensureCondition(status.conditions ?? [], 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
  if (r.changed) {
    status.conditions = r.list;
    ctx.events.normal(JOB_SOURCE, job, 'Resumed', 'Job resumed');
    status.startTime = now;
  }
  return r.changed;
}
