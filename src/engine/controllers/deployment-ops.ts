/**
 * The writes a deployment sync makes, behind one interface: the controller's uses the
 * API server, the upstream-table tests use a recording fake (as upstream's tests use a
 * fake clientset). A sync holds a working copy of the deployment (`d`) and mutates it
 * as upstream does with its DeepCopy; updateDeploymentStatus persists its status and
 * annotations.
 */
import type { Deployment, ReplicaSet } from '../api/workload-types';

export interface DeploymentOps {
  /** virtual ms now, and the same instant as the API writes timestamps */
  now(): number;
  timestamp(): string;
  createReplicaSet(rs: ReplicaSet): ReplicaSet;
  getReplicaSet(namespace: string, name: string): ReplicaSet | undefined;
  /** a ReplicaSet's spec and metadata as given (status untouched); returns what was stored */
  updateReplicaSet(rs: ReplicaSet): ReplicaSet;
  deleteReplicaSet(rs: ReplicaSet): void;
  /** persists d.status and d's annotations */
  updateDeploymentStatus(d: Deployment): void;
  event(d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** The event reason of every scale the controller makes. */
export const SCALING_REPLICA_SET = 'ScalingReplicaSet';
