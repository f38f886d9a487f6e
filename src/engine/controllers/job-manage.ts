/**
 * manageJob of pkg/controller/job/job_controller.go: keeps min(parallelism, remaining
 * completions) pods active, deleting the surplus (least advanced first) or creating
 * the shortfall once the pod-failure backoff has passed. Creations go in slow-start
 * batches (1, 2, 4, …) that stop at the first error, as controller.SlowStartInitialBatchSize.
 */
import { ApiError } from '../api/errors';
import type { Pod } from '../api/types';
import type { Job, PodTemplateSpec } from '../api/workload-types';
import { sortActivePods } from './activepods';
import { newControllerRef } from './controllerref';
import { remainingBackoff } from './job-backoff';
import { JOB_TRACKING_FINALIZER, jobSuspended, onlyReplaceFailedPods } from './job-conditions';
import {
  addCompletionIndexEnv,
  duplicatedIndexPods,
  firstPendingIndexes,
  generateNameWithIndex,
  isIndexedJob,
  JOB_COMPLETION_INDEX,
} from './job-indexed';
import { JOB_SOURCE, type JobSyncCtx, removeTrackingFinalizer } from './job-tracking';
import { deletePod, getPodFromTemplate, SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './podcontrol';
import { isPodReady, isPodTerminating } from './podutil';

/** MaxPodCreateDeletePerSync */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** syncJobBatchPeriod: the shortest requeue delay */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;

/** manageJob; returns the number of active pods after its creations and deletions. */
export function manageJob(s: JobSyncCtx): number {
  const job = s.job;
  const active = s.activePods.length;
  const parallelism = job.spec.parallelism ?? 1;
  if (jobSuspended(job)) {
    const { removed, removedReady } = deleteJobPods(s, activePodsForRemoval(job, s.activePods, active));
    s.terminating += removed;
    s.ready -= removedReady;
    return active - removed;
  }
  let wantActive: number;
  if (job.spec.completions == null) {
    // A work-queue Job: once any pod succeeded, the rest are left to finish.
    wantActive = s.succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(job.spec.completions - s.succeeded, parallelism));
  }
  const rmAtLeast = Math.max(0, active - wantActive);
  const toDelete = activePodsForRemoval(job, s.activePods, rmAtLeast).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length > 0) {
    // Deletions and creations never happen in the same sync; deletions win.
    const { removed, removedReady } = deleteJobPods(s, toDelete);
    s.terminating += removed;
    s.ready -= removedReady;
    return active - removed;
  }
  const terminating = onlyReplaceFailedPods(job) ? s.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;
  const wait = remainingBackoff(s.newBackoff, s.ctx.clock.now());
  if (wait > 0) {
    s.ctx.after(Math.max(wait, SYNC_JOB_BATCH_PERIOD_MS), s.key);
    // As upstream: a sync that waits out the backoff reports no active pods.
    return 0;
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  let indexes: number[] = [];
  if (isIndexedJob(job)) {
    const terminatingPods = onlyReplaceFailedPods(job) ? s.pods.filter(isPodTerminating) : [];
    indexes = firstPendingIndexes(s.succeededIndexes, s.activePods, terminatingPods, diff, job.spec.completions ?? 0);
    diff = indexes.length;
  }
  return active + createPods(s, diff, indexes);
}

/** The pod creations in slow-start batches; returns how many were created. */
function createPods(s: JobSyncCtx, count: number, indexes: number[]): number {
  const job = s.job;
  const template = structuredClone(job.spec.template);
  if (isIndexedJob(job)) {
    addCompletionIndexEnv(template.spec.initContainers);
    addCompletionIndexEnv(template.spec.containers);
  }
  const finalizers = template.metadata?.finalizers ?? [];
  template.metadata = {
    ...template.metadata,
    finalizers: finalizers.includes(JOB_TRACKING_FINALIZER) ? finalizers : [...finalizers, JOB_TRACKING_FINALIZER],
  };
  let next = 0;
  const { successes } = slowStartBatch(count, SLOW_START_INITIAL_BATCH_SIZE, () =>
    createPod(s, template, next < indexes.length ? indexes[next++] : undefined),
  );
  return successes;
}

/**
 * CreatePodsWithGenerateName: GetPodFromTemplate, plus for an Indexed Job the index
 * annotation and label, the hostname `<job>-<index>` and the name `<job>-<index>-xxxxx`.
 * A namespace being torn down fails every create; that is no error worth an event.
 */
function createPod(s: JobSyncCtx, jobTemplate: PodTemplateSpec, index: number | undefined): string | undefined {
  const job = s.job;
  const template = index === undefined ? jobTemplate : structuredClone(jobTemplate);
  if (index !== undefined) {
    const meta = template.metadata ?? {};
    template.metadata = {
      ...meta,
      annotations: { ...meta.annotations, [JOB_COMPLETION_INDEX]: String(index) },
      labels: { ...meta.labels, [JOB_COMPLETION_INDEX]: String(index) },
    };
    template.spec.hostname = `${job.metadata.name}-${index}`;
  }
  const pod = getPodFromTemplate(template, job, newControllerRef(job));
  if (index !== undefined) pod.metadata.generateName = generateNameWithIndex(job.metadata.name, index);
  try {
    const created = s.ctx.api.create(pod);
    s.ctx.events.normal(JOB_SOURCE, job, 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    return undefined;
  } catch (e) {
    const msg = e instanceof ApiError && e.reason === 'Invalid' ? e.message.replace(/^The /, '') : (e as Error).message;
    if (e instanceof ApiError && e.reason === 'Forbidden' && msg.includes('because it is being terminated'))
      return undefined;
    s.ctx.events.warning(JOB_SOURCE, job, 'FailedCreate', `Error creating: ${msg}`);
    return msg;
  }
}

/**
 * activePodsForRemoval: for an Indexed Job the pods with a duplicated, missing or
 * out-of-range index first; then the least advanced (controller.ActivePods order).
 */
export function activePodsForRemoval(job: Job, pods: Pod[], rmAtLeast: number): Pod[] {
  let rm: Pod[] = [];
  let left = pods;
  if (isIndexedJob(job)) {
    const d = duplicatedIndexPods(pods, job.spec.completions ?? 0, sortActivePods);
    rm = d.remove;
    left = d.keep;
  }
  if (rm.length < rmAtLeast) rm = [...rm, ...sortActivePods(left).slice(0, rmAtLeast - rm.length)];
  return rm;
}

/** deleteJobPods: finalizer off first (the pod needs no counting), then a graceful delete. */
function deleteJobPods(s: JobSyncCtx, pods: Pod[]): { removed: number; removedReady: number } {
  let removed = 0;
  let removedReady = 0;
  for (const p of pods) {
    removeTrackingFinalizer(s.ctx, p);
    if (deletePod(s.ctx, JOB_SOURCE, s.job, p) === undefined) removed++;
    if (isPodReady(p)) removedReady++;
  }
  return { removed, removedReady };
}

/** deleteActivePods: a failing Job's running pods, finalizers kept so they are counted. */
export function deleteActivePods(s: JobSyncCtx): { deleted: number; deletedReady: number } {
  let deleted = 0;
  let deletedReady = 0;
  for (const p of s.activePods) {
    if (deletePod(s.ctx, JOB_SOURCE, s.job, p) === undefined) deleted++;
    if (isPodReady(p)) deletedReady++;
  }
  return { deleted, deletedReady };
}
