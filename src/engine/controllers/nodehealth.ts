/**
 * The node-lifecycle controller's view of one node's health, after
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth.
 *
 * The controller does not trust timestamps written by kubelets (clocks skew): it
 * records *when it saw* the Ready heartbeat or the Lease renewTime change, and a node
 * whose signals have not changed for longer than the grace period gets its
 * conditions set to Unknown.
 */
import { jsonEqual } from '../api/store';
import type { Condition, KubeObject, Node } from '../api/types';
import { fromTimestamp } from '../sim/clock';
import { nodeCondition } from './taints';

export interface ReadySnapshot {
  status: Condition['status'];
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

/** nodeHealthData, as plain JSON. */
export interface NodeHealth {
  /** sim ms when the controller last saw a fresh heartbeat or lease renewal */
  probe: number;
  /** the Ready condition as last observed (null: the node had none) */
  ready: ReadySnapshot | null;
  /** renewTime of the last observed Lease (null: none observed since the last reset) */
  lease: string | null;
}

export interface HealthResult {
  health: NodeHealth;
  /** the Ready condition as it was before this pass (a fake Unknown one if there was none) */
  observed: Condition;
  /** the Ready condition after this pass (undefined if the node still has none) */
  current?: Condition;
  /** the node with conditions set to Unknown, to be written by the caller */
  update?: Node;
}

/** The conditions the controller sets to Unknown; NetworkUnavailable is left to the network plugin. */
export const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export interface HealthTimings {
  nodeMonitorGracePeriodMs: number;
  nodeStartupGracePeriodMs: number;
}

export function tryUpdateNodeHealth(
  node: Node,
  lease: KubeObject | undefined,
  saved: NodeHealth | undefined,
  now: number,
  timestamp: string,
  timings: HealthTimings,
): HealthResult {
  const created = node.metadata.creationTimestamp;
  let health: NodeHealth | undefined = saved ? { ...saved } : undefined;
  let current = nodeCondition(node, 'Ready');
  let observed: Condition;
  let grace: number;
  if (!current) {
    // Never posted: pretend a Ready=Unknown heartbeat at creation and allow the longer startup grace.
    observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: created, lastTransitionTime: created };
    grace = timings.nodeStartupGracePeriodMs;
    if (health) health.ready = null;
    else health = { probe: fromTimestamp(created), ready: null, lease: null };
  } else {
    observed = { ...current };
    grace = timings.nodeMonitorGracePeriodMs;
  }

  const savedReady = health ? health.ready : null;
  const savedLease = health ? health.lease : null;
  const snap = current ? snapshot(current) : null;
  if (!health) {
    health = { probe: now, ready: snap, lease: null };
  } else if (!savedReady && current) {
    health = { probe: now, ready: snap, lease: null };
  } else if (savedReady && !current) {
    health = { probe: now, ready: null, lease: null };
  } else if (savedReady && current && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    // A new heartbeat. (Upstream rebuilds the record without the lease here, so the
    // next pass counts the current lease as news once more.)
    health = { probe: now, ready: snap, lease: null };
  }

  // A renewed lease counts as a heartbeat, even from a kubelet that never posted status.
  const renew = lease ? String(lease.spec?.renewTime ?? '') : undefined;
  if (renew !== undefined && (savedLease === null || leaseRenewedAfter(savedLease, renew))) {
    health.lease = renew;
    health.probe = now;
  }

  if (now > health.probe + grace) {
    const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
    for (const type of MONITORED_CONDITIONS) {
      const i = conditions.findIndex((c) => c.type === type);
      if (i < 0) {
        conditions.push({
          type,
          status: 'Unknown',
          reason: 'NodeStatusNeverUpdated',
          message: 'Kubelet never posted node status.',
          lastHeartbeatTime: created,
          lastTransitionTime: timestamp,
        });
      } else if (conditions[i].status !== 'Unknown') {
        conditions[i] = {
          ...conditions[i],
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: timestamp,
        };
      }
    }
    const next = conditions.find((c) => c.type === 'Ready');
    // Only a change of the Ready condition is written (as upstream compares just that one).
    if (next && !jsonEqual(next, observed)) {
      const update: Node = { ...node, status: { ...node.status, conditions } };
      health = { probe: health.probe, ready: snapshot(next), lease: renew ?? null };
      return { health, observed, current: next, update };
    }
    current = next;
  }
  return { health, observed, current };
}

function snapshot(c: Condition): ReadySnapshot {
  const s: ReadySnapshot = { status: c.status };
  if (c.lastHeartbeatTime !== undefined) s.lastHeartbeatTime = c.lastHeartbeatTime;
  if (c.lastTransitionTime !== undefined) s.lastTransitionTime = c.lastTransitionTime;
  return s;
}

/** MicroTime.Before: both times must be set; compared to the microsecond. */
function leaseRenewedAfter(saved: string, observed: string): boolean {
  if (!saved || !observed) return false;
  return microTime(saved) < microTime(observed);
}

/** RFC 3339 with up to nanosecond fraction → microseconds since the epoch (integers stay exact). */
export function microTime(ts: string): number {
  const m = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
  if (!m) return Number.NaN;
  const whole = Date.parse(`${m[1]}${m[3]}`);
  const frac = Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
  return whole * 1000 + frac;
}
