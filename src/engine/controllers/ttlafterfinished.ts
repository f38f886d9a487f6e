/**
 * The TTL-after-finished controller, after pkg/controller/ttlafterfinished: a Job
 * with spec.ttlSecondsAfterFinished is deleted that many seconds after it finished
 * (the lastTransitionTime of its Complete or Failed condition). The deletion cascades
 * in the foreground, as upstream asks for, so the Job stays (with the
 * foregroundDeletion finalizer) until the garbage collector has removed its pods.
 */
import type { Job } from '../api/workload-types';
import { fromTimestamp } from '../sim/clock';
import type { ControllerContext } from './context';
import { finishedCondition, isJobFinished } from './job-conditions';
import type { Controller } from './manager';

export const TTL_AFTER_FINISHED = 'ttlafterfinished';

/** needsCleanup: a TTL is set and the Job has finished. */
function needsCleanup(job: Job): boolean {
  return job.spec?.ttlSecondsAfterFinished != null && isJobFinished(job);
}

/** When the Job's TTL runs out (sim ms), or undefined when it needs no cleanup. */
export function expireAt(job: Job): number | undefined {
  if (!needsCleanup(job)) return undefined;
  const at = finishedCondition(job)?.lastTransitionTime;
  if (!at) return undefined;
  return fromTimestamp(at) + (job.spec.ttlSecondsAfterFinished as number) * 1000;
}

export function createTtlAfterFinishedController(): Controller {
  return {
    name: TTL_AFTER_FINISHED,
    onEvent(ev, enqueue) {
      if (ev.object.kind !== 'Job' || ev.type === 'DELETED') return;
      const job = ev.object as Job;
      if (!job.metadata.deletionTimestamp && needsCleanup(job)) {
        enqueue(`${job.metadata.namespace}/${job.metadata.name}`);
      }
    },
    reconcile(key, ctx) {
      processJob(ctx, key);
    },
  };
}

/** processJob: delete the Job once its TTL has expired, else look again when it will. */
function processJob(ctx: ControllerContext, key: string): void {
  const [ns, name] = key.split('/');
  const job = ctx.store.get('Job', ns, name) as Job | undefined;
  if (!job || job.metadata.deletionTimestamp) return;
  const at = expireAt(job);
  if (at === undefined) return;
  const left = at - ctx.clock.now();
  if (left > 0) {
    ctx.after(left, key);
    return;
  }
  ctx.api.delete('Job', ns, name, { propagationPolicy: 'Foreground' });
}
