/**
 * The RollingUpdate strategy, after pkg/controller/deployment/rolling.go. Each sync
 * makes one move: grow the new ReplicaSet within maxSurge, or else shrink old ones
 * within maxUnavailable — unhealthy old pods first, so a broken old ReplicaSet cannot
 * block the rollout — and history is pruned once the rollout is complete.
 */
import { ApiError } from '../api/errors';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import type { DeploymentOps } from './deployment-ops';
import { syncRolloutStatus } from './deployment-progress';
import { scaleReplicaSetAndRecordEvent } from './deployment-scale';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './deployment-sync';
import {
  activeReplicaSets,
  availableReplicaCount,
  byCreationTimestamp,
  deploymentComplete,
  maxUnavailable,
  newRSNewReplicas,
  replicaCount,
  specReplicas,
} from './deployment-util';

/** rolloutRolling */
export function rolloutRolling(ops: DeploymentOps, d: Deployment, rsList: ReplicaSet[]): number | undefined {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ops, d, rsList, true);
  if (!newRS) return undefined;
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ops, allRSs, newRS, d)) return syncRolloutStatus(ops, allRSs, newRS, d);
  if (reconcileOldReplicaSets(ops, allRSs, activeReplicaSets(oldRSs), newRS, d)) {
    return syncRolloutStatus(ops, allRSs, newRS, d);
  }
  if (d.status && deploymentComplete(d, d.status)) cleanupDeployment(ops, oldRSs, d);
  return syncRolloutStatus(ops, allRSs, newRS, d);
}

/** reconcileNewReplicaSet: shrink a new ReplicaSet that is too big, or grow it as far as the surge allows. */
export function reconcileNewReplicaSet(
  ops: DeploymentOps,
  allRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  const desired = specReplicas(d);
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return scaleReplicaSetAndRecordEvent(ops, newRS, desired, d).scaled;
  return scaleReplicaSetAndRecordEvent(ops, newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

/**
 * reconcileOldReplicaSets: how many old pods may go without dropping below
 * replicas - maxUnavailable, counting the new ReplicaSet's not-yet-available pods as
 * already unavailable.
 */
export function reconcileOldReplicaSets(
  ops: DeploymentOps,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  newRS: ReplicaSet,
  d: Deployment,
): boolean {
  if (replicaCount(oldRSs) === 0) return false;
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(ops, oldRSs, d, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ops, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  return cleaned.count + scaledDown > 0;
}

/**
 * cleanupUnhealthyReplicas: old ReplicaSets lose their unavailable pods first, up to
 * `maxCleanupCount` (the ReplicaSet's own ranking deletes not-ready pods first).
 */
export function cleanupUnhealthyReplicas(
  ops: DeploymentOps,
  oldRSs: ReplicaSet[],
  d: Deployment,
  maxCleanupCount: number,
): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i];
    const replicas = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(maxCleanupCount - total, replicas - available);
    const next = replicas - count;
    // A status reporting more available pods than the spec asks for (it lags a scale-down).
    if (next > replicas) {
      throw new ApiError(
        `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${replicas} -> ${next}`,
        'Conflict',
      );
    }
    sorted[i] = scaleReplicaSetAndRecordEvent(ops, rs, next, d).rs;
    total += count;
  }
  return { oldRSs: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: take available old pods down to minAvailable, oldest ReplicaSet first. */
export function scaleDownOldReplicaSetsForRollingUpdate(
  ops: DeploymentOps,
  allRSs: ReplicaSet[],
  oldRSs: ReplicaSet[],
  d: Deployment,
): number {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= budget) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), budget - total);
    scaleReplicaSetAndRecordEvent(ops, rs, specReplicas(rs) - count, d);
    total += count;
  }
  return total;
}
