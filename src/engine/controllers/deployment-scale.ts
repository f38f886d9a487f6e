/**
 * Resizing a deployment's ReplicaSets, after pkg/controller/deployment/sync.go
 * (scale, scaleReplicaSet, scaleReplicaSetAndRecordEvent): one write per ReplicaSet
 * that carries its new size and the deployment's desired/max replica annotations, and
 * a ScalingReplicaSet event when the size changed.
 *
 * `scale` is what runs when only spec.replicas changed (or the deployment is paused):
 * a single active ReplicaSet takes the whole count; otherwise, mid-rollout, the
 * difference is shared out in proportion to each ReplicaSet's size ("proportional
 * scaling"), so a rollout resized halfway keeps its old/new ratio.
 */
import type { Deployment, ReplicaSet } from '../api/workload-types';
import {
  isSaturated,
  replicaSetProportion,
  replicasAnnotationsNeedUpdate,
  setReplicasAnnotations,
} from './deployment-annotations';
import { type DeploymentOps, SCALING_REPLICA_SET } from './deployment-ops';
import {
  activeReplicaSets,
  bySizeNewer,
  bySizeOlder,
  findActiveOrLatest,
  isRollingUpdate,
  maxSurge,
  replicaCount,
  specReplicas,
} from './deployment-util';

export interface ScaleResult {
  scaled: boolean;
  rs: ReplicaSet;
}

/** scaleReplicaSet: write the size and the replica annotations if either differs. */
export function scaleReplicaSet(
  ops: DeploymentOps,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
  operation: string,
): ScaleResult {
  const desired = specReplicas(d);
  const max = desired + maxSurge(d);
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const oldScale = specReplicas(rs);
  const annotations = { ...(rs.metadata.annotations ?? {}) };
  setReplicasAnnotations(annotations, desired, max);
  const updated = ops.updateReplicaSet({
    ...rs,
    metadata: { ...rs.metadata, annotations },
    spec: { ...rs.spec, replicas: newScale },
  });
  if (!sizeNeedsUpdate) return { scaled: false, rs: updated };
  ops.event(
    d,
    'Normal',
    SCALING_REPLICA_SET,
    `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`,
  );
  return { scaled: true, rs: updated };
}

/** scaleReplicaSetAndRecordEvent: no write when the size is already right. */
export function scaleReplicaSetAndRecordEvent(
  ops: DeploymentOps,
  rs: ReplicaSet,
  newScale: number,
  d: Deployment,
): ScaleResult {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ops, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
}

/** scale (sync.go): see the file comment. */
export function scale(ops: DeploymentOps, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) !== specReplicas(d)) {
      scaleReplicaSetAndRecordEvent(ops, activeOrLatest, specReplicas(d), d);
    }
    return;
  }
  // A saturated new ReplicaSet (e.g. after adopting one): the old ones go to zero.
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(ops, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  scaleProportionally(ops, d, activeReplicaSets([...oldRSs, newRS]));
}

function scaleProportionally(ops: DeploymentOps, d: Deployment, active: ReplicaSet[]): void {
  const allowedSize = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - replicaCount(active);
  let operation = '';
  // Ties: scaling up favours newer ReplicaSets, scaling down takes from older ones.
  if (toAdd > 0) {
    active.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    active.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of active) {
    if (toAdd === 0) {
      sizes.set(rs.metadata.name, specReplicas(rs));
      continue;
    }
    const share = replicaSetProportion(d, rs, toAdd, added);
    sizes.set(rs.metadata.name, specReplicas(rs) + share);
    added += share;
  }
  active.forEach((rs, i) => {
    let size = sizes.get(rs.metadata.name) ?? 0;
    // Rounding leftovers go to (or come from) the biggest ReplicaSet.
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleReplicaSet(ops, rs, size, d, operation);
  });
}
