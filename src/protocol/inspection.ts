/**
 * What the inspector panel shows about one object, computed in the worker from the
 * engine's objects (src/worker/inspect.ts) and sent as plain data.
 */
import type { SchedulingDecision } from '../engine/index';

/** Which object: a kind ("Pod", "Deployment", "Node"), its namespace when namespaced, its name. */
export interface InspectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** One row of a conditions table, like kubectl describe's Conditions section. */
export interface ConditionRow {
  type: string;
  status: string;
  reason: string;
  message: string;
  /** sim ms of lastTransitionTime, or undefined when the object gives none */
  lastTransition?: number;
}

/** A container state as kubectl describe names it: Waiting, Running or Terminated. */
export interface ContainerStateRow {
  state: 'Waiting' | 'Running' | 'Terminated';
  reason?: string;
  message?: string;
  exitCode?: number;
  /** sim ms of startedAt (Running, Terminated) */
  startedAt?: number;
  /** sim ms of finishedAt (Terminated) */
  finishedAt?: number;
}

export interface ContainerRow {
  name: string;
  image: string;
  /** true for init containers */
  init: boolean;
  ready: boolean;
  restartCount: number;
  /** undefined before the kubelet reported anything */
  state?: ContainerStateRow;
  lastState?: ContainerStateRow;
}

/** One event of this object, the columns of kubectl describe's Events section. */
export interface InspectedEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  /** the reporting component ("default-scheduler", "kubelet", "replicaset-controller") */
  from: string;
  message: string;
  count: number;
  /** sim ms of firstTimestamp and lastTimestamp */
  firstAt: number;
  lastAt: number;
}

/** A related object: an owner, something it owns, the pods a Service selects, the pods on a node. */
export interface RelatedObject extends InspectRef {
  /** still in the API (an owner reference may name a deleted object) */
  exists: boolean;
  /** a one-word status where cheap (a pod's STATUS column) */
  status?: string;
}

/** The event that made or last changed the object, and the object it was recorded on. */
export interface WhyEvent extends InspectedEvent {
  /** the object the event is about: the owner for SuccessfulCreate, else the object itself */
  on: InspectRef;
}

export interface Inspection {
  ref: InspectRef;
  /** false once the object is gone (deleted, or the cluster was reset) */
  exists: boolean;
  /** uid, so the panel can tell a recreated object of the same name */
  uid?: string;
  /** sim ms of creationTimestamp */
  createdAt?: number;
  /** set while the object is being deleted (sim ms of deletionTimestamp) */
  deletingAt?: number;
  /**
   * The status line: named facts in display order. Pods: Status, Ready, Restarts, Node,
   * IP, Phase; nodes: Status, CPU, Memory, Taints; workloads: kubectl get's columns.
   */
  facts: { label: string; value: string }[];
  conditions: ConditionRow[];
  containers: ContainerRow[];
  /** `kubectl get -o yaml` text */
  yaml: string;
  events: InspectedEvent[];
  /** controller owners, nearest first: a pod's ReplicaSet, then its Deployment */
  owners: RelatedObject[];
  /** what it owns, what a Service selects, what runs on a node */
  dependants: { relation: 'owns' | 'selects' | 'runs'; objects: RelatedObject[] };
  why?: WhyEvent;
  /** pods only: the scheduler's last decision about it */
  scheduling?: SchedulingDecision;
  /** pods only: the last FailedScheduling message, while Pending */
  failedScheduling?: string;
}
