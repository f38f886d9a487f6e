/**
 * Rollout progress, after pkg/controller/deployment/progress.go (syncRolloutStatus,
 * getReplicaFailures, requeueStuckDeployment). With a progressDeadlineSeconds, the
 * Progressing condition says whether the rollout is done (NewReplicaSetAvailable),
 * moving (ReplicaSetUpdated, its lastUpdateTime refreshed on every sign of progress)
 * or stuck for longer than the deadline (False, ProgressDeadlineExceeded). A stuck
 * rollout is not undone: the old pods keep serving until someone rolls back.
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from '../api/workload-types';
import {
  type DeploymentCondition,
  getDeploymentCondition,
  newDeploymentCondition,
  PROGRESSING,
  REASONS,
  REPLICA_FAILURE,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  setDeploymentCondition,
} from './deployment-conditions';
import type { DeploymentOps } from './deployment-ops';
import { calculateStatus, statusEqual } from './deployment-sync';
import { deploymentComplete, deploymentProgressing, hasProgressDeadline } from './deployment-util';
import { timeOf } from './podutil';

/**
 * syncRolloutStatus: write the status with the Progressing and ReplicaFailure
 * conditions brought up to date. Returns, when nothing changed and the rollout may be
 * stuck, how many ms until its deadline should be checked again.
 */
export function syncRolloutStatus(
  ops: DeploymentOps,
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): number | undefined {
  const now = ops.timestamp();
  const next = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(next, PROGRESSING);
  const current = getDeploymentCondition(d.status, PROGRESSING);
  const isComplete = (next.replicas ?? 0) === (next.updatedReplicas ?? 0) && current?.reason === REASONS.newRSAvailable;
  if (hasProgressDeadline(d) && !isComplete) updateProgressing(d, next, newRS, current, now, ops.now());
  const failures = replicaFailures(allRSs, newRS);
  if (failures.length > 0) setDeploymentCondition(next, failures[0]);
  else removeDeploymentCondition(next, REPLICA_FAILURE);
  if (statusEqual(d.status, next)) return requeueStuckDeployment(d, next, ops.now());
  d.status = next;
  ops.updateDeploymentStatus(d);
  return undefined;
}

function updateProgressing(
  d: Deployment,
  next: DeploymentStatus,
  newRS: ReplicaSet | undefined,
  current: DeploymentCondition | undefined,
  now: string,
  nowMs: number,
): void {
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(d, next)) {
    setDeploymentCondition(
      next,
      newDeploymentCondition(
        PROGRESSING,
        'True',
        REASONS.newRSAvailable,
        `${subject} has successfully progressed.`,
        now,
      ),
    );
  } else if (deploymentProgressing(d, next)) {
    // Same reason, fresh lastUpdateTime: SetDeploymentCondition would keep the old one.
    const c = newDeploymentCondition(PROGRESSING, 'True', REASONS.replicaSetUpdated, `${subject} is progressing.`, now);
    if (current) {
      if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
      removeDeploymentCondition(next, PROGRESSING);
    }
    setDeploymentCondition(next, c);
  } else if (deploymentTimedOut(d, next, nowMs)) {
    setDeploymentCondition(
      next,
      newDeploymentCondition(PROGRESSING, 'False', REASONS.timedOut, `${subject} has timed out progressing.`, now),
    );
  }
}

/**
 * DeploymentTimedOut: no progress since the Progressing condition's lastUpdateTime
 * for longer than progressDeadlineSeconds (a completed rollout never times out).
 */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getDeploymentCondition(s, PROGRESSING);
  if (!c) return false;
  if (c.reason === REASONS.newRSAvailable) return false;
  if (c.reason === REASONS.timedOut) return true;
  // No lastUpdateTime is Go's zero time: long past.
  const from = timeOf(c.lastUpdateTime);
  if (from === undefined) return true;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure, else an old one's. */
function replicaFailures(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const of = (rs: ReplicaSet | undefined) =>
    (rs?.status?.conditions ?? []).filter((c) => c.type === REPLICA_FAILURE).map(replicaSetToDeploymentCondition);
  const fromNew = of(newRS);
  if (fromNew.length > 0) return fromNew;
  return allRSs.flatMap(of);
}

/**
 * requeueStuckDeployment: a rollout that made no progress this sync is looked at
 * again when its deadline passes: lastUpdateTime + deadline - now, plus a second.
 */
export function requeueStuckDeployment(d: Deployment, next: DeploymentStatus, nowMs: number): number | undefined {
  const c = getDeploymentCondition(d.status, PROGRESSING);
  if (!hasProgressDeadline(d) || !c) return undefined;
  if (deploymentComplete(d, next) || c.reason === REASONS.timedOut) return undefined;
  const from = timeOf(c.lastUpdateTime);
  if (from === undefined) return undefined;
  const after = from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - nowMs;
  // Under a second left: at once, rate-limited (the queue's 5 ms base delay).
  if (after < 1000) return 5;
  // A second more so the check lands past the deadline (upstream's guard against clock skew).
  return after + 1000;
}
