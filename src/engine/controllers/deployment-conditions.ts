/**
 * Deployment conditions (Available, Progressing, ReplicaFailure) and their reasons,
 * after pkg/controller/deployment/util/deployment_util.go. A deployment condition also
 * carries lastUpdateTime: the Progressing condition's is refreshed on every sign of
 * progress, and the progress deadline counts from it.
 */
import type { Condition } from '../api/types';
import type { DeploymentStatus } from '../api/workload-types';

export interface DeploymentCondition extends Condition {
  lastUpdateTime?: string;
}

export const AVAILABLE = 'Available';
export const PROGRESSING = 'Progressing';
export const REPLICA_FAILURE = 'ReplicaFailure';

/** The reasons upstream writes, by the names its constants have. */
export const REASONS = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedRSCreate: 'ReplicaSetCreateError',
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

export function newDeploymentCondition(
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getDeploymentCondition(s: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return s?.conditions?.find((c) => c.type === type) as DeploymentCondition | undefined;
}

/**
 * SetDeploymentCondition: the same status and reason leaves the condition alone; the
 * same status keeps its transition time; either way it moves to the end of the list.
 */
export function setDeploymentCondition(s: DeploymentStatus, c: DeploymentCondition): void {
  const current = getDeploymentCondition(s, c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  const next = current && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime } : c;
  s.conditions = [...(s.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeDeploymentCondition(s: DeploymentStatus, type: string): void {
  if (!s.conditions) return;
  s.conditions = s.conditions.filter((c) => c.type !== type);
  if (s.conditions.length === 0) delete s.conditions;
}

/** ReplicaSetToDeploymentCondition: a ReplicaSet's failure, shown on its deployment. */
export function replicaSetToDeploymentCondition(c: Condition): DeploymentCondition {
  return {
    type: c.type,
    status: c.status,
    lastTransitionTime: c.lastTransitionTime,
    lastUpdateTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  };
}
