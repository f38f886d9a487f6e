/**
 * manageJob of pkg/controller/job/job_controller.go: keeps min(parallelism, remaining
 * completions) pods active, deleting the surplus (least advanced first) or creating
 * the shortfall once the pod-failure backoff has passed. Creations go in slow-start
 * batches (1, 2, 4, …) that stop at the first error, as controller.SlowStartInitialBatchSize.
 */
import { ApiError } from '../api/errors';
import type { KubeObject, Pod } from '../api/types';
import type { Job } from '../api/workload-types';
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
import { isPodReady, isPodTerminating } from './podutil';

/** MaxPodCreateDeletePerSync */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** controller.SlowStartInitialBatchSize */
const SLOW_START_INITIAL_BATCH_SIZE = 1;
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
  let created = 0;
  let remaining = count;
  let next = 0;
  for (
    let batch = Math.min(remaining, SLOW_START_INITIAL_BATCH_SIZE);
    remaining > 0;
    batch = Math.min(2 * batch, remaining)
  ) {
    let errors = 0;
    for (let i = 0; i < batch; i++) {
      const ix = next < indexes.length ? indexes[next++] : undefined;
      if (createPod(s, template, ix)) created++;
      else errors++;
    }
    remaining -= batch;
    // The rest would most likely fail the same way; the next sync tries again.
    if (errors > 0) break;
  }
  return created;
}

/** GetPodFromTemplate + CreatePodsWithGenerateName, with the index of an Indexed Job. */
function createPod(s: JobSyncCtx, template: Job['spec']['template'], index: number | undefined): boolean {
  const job = s.job;
  const meta = template.metadata ?? {};
  const spec = structuredClone(template.spec);
  const labels = { ...(meta.labels ?? {}) };
  const annotations = { ...(meta.annotations ?? {}) };
  let generateName = `${job.metadata.name}-`;
  if (index !== undefined) {
    annotations[JOB_COMPLETION_INDEX] = String(index);
    labels[JOB_COMPLETION_INDEX] = String(index);
    spec.hostname = `${job.metadata.name}-${index}`;
    generateName = generateNameWithIndex(job.metadata.name, index);
  }
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName,
      namespace: job.metadata.namespace,
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      finalizers: [...(meta.finalizers ?? [])],
      ownerReferences: [newControllerRef(job)],
    } as KubeObject['metadata'],
    spec,
  };
  try {
    const createdPod = s.ctx.api.create(pod);
    s.ctx.events.normal(JOB_SOURCE, job, 'SuccessfulCreate', `Created pod: ${createdPod.metadata.name}`);
    return true;
  } catch (e) {
    const msg = e instanceof ApiError || e instanceof Error ? e.message : String(e);
    s.ctx.events.warning(JOB_SOURCE, job, 'FailedCreate', `Error creating: ${msg}`);
    return false;
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
    if (deletePod(s, p)) removed++;
    if (isPodReady(p)) removedReady++;
  }
  return { removed, removedReady };
}

/** deleteActivePods: a failing Job's running pods, finalizers kept so they are counted. */
export function deleteActivePods(s: JobSyncCtx): { deleted: number; deletedReady: number } {
  let deleted = 0;
  let deletedReady = 0;
  for (const p of s.activePods) {
    if (deletePod(s, p)) deleted++;
    if (isPodReady(p)) deletedReady++;
  }
  return { deleted, deletedReady };
}

/** RealPodControl.DeletePod: SuccessfulDelete "Deleted pod: x"; a pod already gone is fine. */
function deletePod(s: JobSyncCtx, p: Pod): boolean {
  const ns = p.metadata.namespace;
  const current = s.ctx.store.get('Pod', ns, p.metadata.name);
  if (!current || current.metadata.uid !== p.metadata.uid) return true;
  try {
    s.ctx.api.delete('Pod', ns, p.metadata.name);
    s.ctx.events.normal(JOB_SOURCE, s.job, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
    return true;
  } catch (e) {
    s.ctx.events.warning(JOB_SOURCE, s.job, 'FailedDelete', `Error deleting: ${(e as Error).message}`);
    return false;
  }
}
