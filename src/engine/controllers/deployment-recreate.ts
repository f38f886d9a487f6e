/**
 * The Recreate strategy, after pkg/controller/deployment/recreate.go: every old
 * ReplicaSet goes to zero, nothing more happens while any old pod still runs (or
 * terminates), and only then is the new ReplicaSet created at full size. Unlike a
 * rolling update there is a gap with no pods serving.
 */
import type { Pod } from '../api/types';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import type { DeploymentOps } from './deployment-ops';
import { syncRolloutStatus } from './deployment-progress';
import { scaleReplicaSetAndRecordEvent } from './deployment-scale';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './deployment-sync';
import { activeReplicaSets, actualReplicaCount, deploymentComplete, specReplicas } from './deployment-util';

/** rolloutRecreate; `podMap` holds the deployment's pods by the uid of the ReplicaSet that owns them. */
export function rolloutRecreate(
  ops: DeploymentOps,
  d: Deployment,
  rsList: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): number | undefined {
  // Do not create the new ReplicaSet yet: it would scale up before the old ones are down.
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ops, d, rsList, false);
  let allRSs: (ReplicaSet | undefined)[] = [...oldRSs, newRS];
  if (scaleDownOldReplicaSetsForRecreate(ops, activeReplicaSets(oldRSs), d)) {
    return syncRolloutStatus(ops, allRSs, newRS, d);
  }
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(ops, allRSs, newRS, d);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ops, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) scaleReplicaSetAndRecordEvent(ops, newRS, specReplicas(d), d);
  if (d.status && deploymentComplete(d, d.status)) cleanupDeployment(ops, oldRSs, d);
  return syncRolloutStatus(ops, allRSs, newRS, d);
}

/** scaleDownOldReplicaSetsForRecreate: whether any old ReplicaSet was scaled. */
export function scaleDownOldReplicaSetsForRecreate(ops: DeploymentOps, oldRSs: ReplicaSet[], d: Deployment): boolean {
  let scaled = false;
  for (const rs of oldRSs) {
    if (specReplicas(rs) === 0) continue;
    if (scaleReplicaSetAndRecordEvent(ops, rs, 0, d).scaled) scaled = true;
  }
  return scaled;
}

/**
 * oldPodsRunning: an old ReplicaSet still reports pods, or one of its pods is not yet
 * Succeeded or Failed (Pending, Running and Unknown all count).
 */
export function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
  podMap: Map<string, Pod[]>,
): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const p of pods) {
      const phase = p.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
