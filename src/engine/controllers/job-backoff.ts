/**
 * The pod-failure backoff of a Job, after pkg/controller/job/backoff_utils.go: after
 * n consecutive failures (none succeeded since) the next pod waits 10s·2^(n-1),
 * capped at 10 minutes, counted from the moment the last failed pod finished. The
 * record lives in the controller's state (upstream keeps it in memory).
 */
import type { Pod } from '../api/types';
import { fromTimestamp } from '../sim/clock';

/** DefaultJobPodFailureBackOff */
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
/** MaxJobPodFailureBackOff */
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** sim ms when the last counted failure finished */
  lastFailureTime?: number;
}

/**
 * getFinishedTime: the latest container finish time if every container finished,
 * else when Ready went False, else deletionTimestamp minus the grace period, else
 * the creation time.
 */
export function finishedTime(p: Pod): number {
  const statuses = p.status?.containerStatuses ?? [];
  let latest: number | undefined;
  let allDone = statuses.length > 0;
  for (const s of statuses) {
    const at = s.state?.terminated?.finishedAt;
    if (!at) {
      allDone = false;
      break;
    }
    latest = Math.max(latest ?? -Infinity, fromTimestamp(at));
  }
  if (allDone && latest !== undefined) return latest;
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return fromTimestamp(ready.lastTransitionTime);
  if (p.metadata.deletionTimestamp) {
    return fromTimestamp(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  }
  return fromTimestamp(p.metadata.creationTimestamp);
}

/** newBackoffRecord: folds the pods that finished since the last sync into the record. */
export function nextBackoffRecord(prev: BackoffRecord | undefined, succeeded: Pod[], failed: Pod[]): BackoffRecord {
  const rec: BackoffRecord = { failuresAfterLastSuccess: prev?.failuresAfterLastSuccess ?? 0 };
  if (prev?.lastFailureTime !== undefined) rec.lastFailureTime = prev.lastFailureTime;
  const failedTimes = failed.map(finishedTime).sort((a, b) => a - b);
  if (succeeded.length === 0) {
    if (failedTimes.length === 0) return rec;
    return {
      failuresAfterLastSuccess: rec.failuresAfterLastSuccess + failedTimes.length,
      lastFailureTime: failedTimes[failedTimes.length - 1],
    };
  }
  // A success resets the count; only failures after the latest success still count.
  const lastSuccess = Math.max(...succeeded.map(finishedTime));
  const after = failedTimes.filter((t) => t > lastSuccess);
  if (after.length === 0) return { failuresAfterLastSuccess: 0 };
  return { failuresAfterLastSuccess: after.length, lastFailureTime: after[after.length - 1] };
}

/** The backoff before the next pod after `failures` consecutive failures (0 for none). */
export function backoffDelay(
  failures: number,
  base = DEFAULT_POD_FAILURE_BACKOFF_MS,
  max = MAX_POD_FAILURE_BACKOFF_MS,
): number {
  if (failures <= 0) return 0;
  let d = base;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= max) return max;
  }
  return d;
}

/** getRemainingTimeForFailuresCount: how long pod creation must still wait at `now`. */
export function remainingBackoff(rec: BackoffRecord, now: number): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  const elapsed = now - rec.lastFailureTime;
  const d = backoffDelay(rec.failuresAfterLastSuccess);
  return d < elapsed ? 0 : d - elapsed;
}
