/**
 * The status a ReplicaSet (or ReplicationController) reports, after
 * pkg/controller/replicaset/replica_set_utils.go (calculateStatus,
 * updateReplicaSetStatus). Pure: the pods are the active ones the controller owns.
 */
import { fromSet, matches } from '../api/labels';
import { jsonEqual } from '../api/store';
import type { Condition, Pod } from '../api/types';
import type { ReplicaSetStatus } from '../api/workload-types';
import { isPodAvailable, isPodReady } from './podutil';

/** apps.ReplicaSetReplicaFailure / core ReplicationControllerReplicaFailure */
export const REPLICA_FAILURE = 'ReplicaFailure';

export interface StatusInput {
  status?: ReplicaSetStatus;
  replicas: number;
  minReadySeconds: number;
  templateLabels?: Record<string, string>;
}

/**
 * calculateStatus: counts, and the ReplicaFailure condition — set (once, keeping
 * its first transition time) when creating or deleting pods failed, removed after a
 * sync that worked. Zero counts are left out, as the API's omitempty fields are.
 */
export function calculateStatus(
  rs: StatusInput,
  pods: Pod[],
  manageReplicasError: string | undefined,
  nowMs: number,
  nowTimestamp: string,
): ReplicaSetStatus {
  const template = fromSet(rs.templateLabels);
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    if (matches(template, p.metadata.labels)) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, rs.minReadySeconds, nowMs)) available++;
    }
  }
  let conditions = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (manageReplicasError !== undefined && !failure) {
    const diff = pods.length - rs.replicas;
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: Condition = {
      type: REPLICA_FAILURE,
      status: 'True',
      lastTransitionTime: nowTimestamp,
      ...(reason ? { reason } : {}),
      message: manageReplicasError,
    };
    conditions.push(cond);
  } else if (manageReplicasError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  return {
    replicas: pods.length,
    ...(fullyLabeled ? { fullyLabeledReplicas: fullyLabeled } : {}),
    ...(ready ? { readyReplicas: ready } : {}),
    ...(available ? { availableReplicas: available } : {}),
    ...(rs.status?.observedGeneration ? { observedGeneration: rs.status.observedGeneration } : {}),
    ...(conditions.length > 0 ? { conditions } : {}),
  };
}

/**
 * updateReplicaSetStatus: the status to write, or undefined when nothing changed and
 * the current generation was already observed.
 */
export function statusToWrite(
  current: ReplicaSetStatus | undefined,
  next: ReplicaSetStatus,
  generation: number | undefined,
): ReplicaSetStatus | undefined {
  if (jsonEqual(current ?? {}, next) && (generation ?? 0) === (current?.observedGeneration ?? 0)) return undefined;
  return { ...next, ...(generation ? { observedGeneration: generation } : {}) };
}
