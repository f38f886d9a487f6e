/**
 * Test support for the deployment controller's pieces, after the helpers of
 * pkg/controller/deployment/deployment_controller_test.go (newDeployment, rs,
 * newRSWithStatus) and the fake clientset its tests hand the controller: objects built
 * from a few numbers, and a DeploymentOps that records every write instead of making it.
 * Imported only by tests.
 */
import { ApiError } from '../api/errors';
import type { Deployment, IntOrString, ReplicaSet } from '../api/workload-types';
import { toTimestamp } from '../sim/clock';
import type { DeploymentOps } from './deployment-ops';

export const TEST_SELECTOR = { foo: 'bar' };

/**
 * newDeployment: RollingUpdate with maxSurge and maxUnavailable 0 unless given (as
 * upstream's helper), the pod template labelled with the selector.
 */
export function newDeployment(
  replicas: number | undefined,
  maxSurge: IntOrString = 0,
  maxUnavailable: IntOrString = 0,
  strategy: 'RollingUpdate' | 'Recreate' = 'RollingUpdate',
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'foo',
      namespace: 'default',
      uid: 'deployment-uid',
      resourceVersion: '1',
      creationTimestamp: '2016-05-20T00:00:00Z',
      annotations: {},
    },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { ...TEST_SELECTOR } },
      template: {
        metadata: { labels: { ...TEST_SELECTOR } },
        spec: { containers: [{ name: 'foo', image: 'foo/bar' }] },
      } as Deployment['spec']['template'],
      strategy:
        strategy === 'Recreate'
          ? { type: 'Recreate' }
          : { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } },
    },
  };
}

export interface RSOptions {
  created?: string;
  annotations?: Record<string, string>;
  available?: number;
  statusReplicas?: number;
  uid?: string;
}

/** rs / newRSWithStatus: a ReplicaSet of `replicas`, its status only what is asked for. */
export function newRS(name: string, replicas: number, o: RSOptions = {}): ReplicaSet {
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? `${name}-uid`,
      resourceVersion: '1',
      creationTimestamp: o.created ?? '2016-05-20T00:00:00Z',
      ...(o.annotations ? { annotations: { ...o.annotations } } : {}),
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...TEST_SELECTOR } },
      template: {
        metadata: { labels: { ...TEST_SELECTOR } },
        spec: { containers: [] },
      } as unknown as ReplicaSet['spec']['template'],
    },
  };
  if (o.available !== undefined || o.statusReplicas !== undefined) {
    rs.status = { replicas: o.statusReplicas ?? 0 };
    if (o.available !== undefined) rs.status.availableReplicas = o.available;
  }
  return rs;
}

export type Action =
  | { verb: 'create'; rs: ReplicaSet }
  | { verb: 'update'; rs: ReplicaSet }
  | { verb: 'delete'; name: string }
  | { verb: 'updateStatus'; deployment: Deployment };

export interface RecordedEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/**
 * The fake clientset: writes land in `actions` (in order) and in a map of ReplicaSets
 * by name, so a later read sees them; an update returns what it stored.
 */
export class FakeDeploymentOps implements DeploymentOps {
  readonly actions: Action[] = [];
  readonly events: RecordedEvent[] = [];
  readonly replicaSets = new Map<string, ReplicaSet>();
  constructor(
    private readonly nowMs = Date.UTC(2016, 0, 1),
    seed: ReplicaSet[] = [],
  ) {
    for (const rs of seed) this.replicaSets.set(rs.metadata.name, rs);
  }

  now(): number {
    return this.nowMs;
  }
  timestamp(): string {
    return toTimestamp(this.nowMs);
  }
  createReplicaSet(rs: ReplicaSet): ReplicaSet {
    if (this.replicaSets.has(rs.metadata.name)) {
      throw new ApiError(`replicasets.apps "${rs.metadata.name}" already exists`, 'AlreadyExists');
    }
    const stored = structuredClone(rs);
    stored.metadata.uid ??= `${rs.metadata.name}-uid`;
    this.replicaSets.set(rs.metadata.name, stored);
    this.actions.push({ verb: 'create', rs: stored });
    return stored;
  }
  getReplicaSet(_namespace: string, name: string): ReplicaSet | undefined {
    return this.replicaSets.get(name);
  }
  updateReplicaSet(rs: ReplicaSet): ReplicaSet {
    const stored = structuredClone(rs);
    this.replicaSets.set(rs.metadata.name, stored);
    this.actions.push({ verb: 'update', rs: stored });
    return stored;
  }
  deleteReplicaSet(rs: ReplicaSet): void {
    this.replicaSets.delete(rs.metadata.name);
    this.actions.push({ verb: 'delete', name: rs.metadata.name });
  }
  updateDeploymentStatus(d: Deployment): void {
    this.actions.push({ verb: 'updateStatus', deployment: structuredClone(d) });
  }
  event(_d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.push({ type, reason, message });
  }

  updates(): ReplicaSet[] {
    return this.actions.flatMap((a) => (a.verb === 'update' ? [a.rs] : []));
  }
  deleted(): string[] {
    return this.actions.flatMap((a) => (a.verb === 'delete' ? [a.name] : []));
  }
}
