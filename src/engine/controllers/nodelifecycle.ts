/**
 * The node-lifecycle controller, after pkg/controller/nodelifecycle/node_lifecycle_controller.go.
 *
 * Every --node-monitor-period (5s) it checks each node's heartbeats (Ready condition
 * and Lease); a node silent for longer than --node-monitor-grace-period (50s since
 * 1.32) gets Ready/MemoryPressure/DiskPressure/PIDPressure = Unknown, a NodeNotReady
 * event and its pods marked not Ready. Node conditions become NoSchedule taints on every
 * node update, and a node whose Ready was already False/Unknown at the start of a pass is
 * queued for the not-ready / unreachable NoExecute taint (which the taint-eviction
 * controller acts on), rate-limited per zone and stopped when a zone is largely down.
 */
import type { WatchEvent } from '../api/store';
import type { KubeObject, Node, Pod, Taint } from '../api/types';
import type { ControllerContext } from './context';
import { handleDisruption, type ZoneState } from './disruption';
import type { Controller } from './manager';
import { type NodeHealth, tryUpdateNodeHealth } from './nodehealth';
import { podsOnNode } from './podindex';
import {
  addValue,
  newRateLimitedQueue,
  nextTryAt,
  type RateLimitedQueue,
  removeValue,
  tryQueue,
} from './ratelimitedqueue';
import {
  nodeCondition,
  swapTaints,
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
  taintExists,
  taintSetDiff,
  zoneKey,
} from './taints';

export const NODE_LIFECYCLE = 'nodelifecycle';
const SOURCE = { component: 'node-controller' };

export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap: which condition status becomes which NoSchedule taint. */
export const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

/** A node with this label is left out of zone-disruption counting. */
const EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';

export type { ZoneState };

export interface NodeLifecycleState {
  monitorDue: number | null;
  taintPassDue: number | null;
  /** knownNodeSet: name → uid */
  known: Record<string, string>;
  health: Record<string, NodeHealth>;
  zoneStates: Record<string, ZoneState>;
  /** zoneNoExecuteTainter */
  tainters: Record<string, RateLimitedQueue>;
}

function initState(): NodeLifecycleState {
  return { monitorDue: null, taintPassDue: null, known: {}, health: {}, zoneStates: {}, tainters: {} };
}

export function createNodeLifecycleController(): Controller {
  return {
    name: NODE_LIFECYCLE,
    onEvent(ev: WatchEvent, enqueue) {
      const o = ev.object;
      if (o.kind === 'Node' && ev.type !== 'DELETED') enqueue(`node/${o.metadata.name}`);
      if (o.kind === 'Pod' && ev.type !== 'DELETED') {
        const nodeName = o.spec?.nodeName;
        if (nodeName && (!ev.old || ev.old.spec?.nodeName !== nodeName)) {
          enqueue(`pod/${o.metadata.namespace}/${o.metadata.name}`);
        }
      }
    },
    start(ctx) {
      const s = ctx.state(initState);
      s.monitorDue = ctx.clock.now();
      ctx.enqueue(NODE_LIFECYCLE, 'monitor');
    },
    reconcile(key, ctx) {
      const s = ctx.state(initState);
      const now = ctx.clock.now();
      if (key === 'monitor') {
        if (s.monitorDue === null || now < s.monitorDue) return;
        monitorNodeHealth(ctx, s);
        s.monitorDue = now + ctx.timings.nodeMonitorPeriodMs;
        ctx.after(ctx.timings.nodeMonitorPeriodMs, 'monitor');
      } else if (key === 'taint-pass') {
        if (s.taintPassDue === null || now < s.taintPassDue) return;
        s.taintPassDue = null;
        doNoExecuteTaintingPass(ctx, s);
      } else if (key.startsWith('node/')) {
        doNoScheduleTaintingPass(ctx, key.slice(5));
        reconcileNodeLabels(ctx, key.slice(5));
      } else if (key.startsWith('pod/')) {
        const [ns, name] = key.slice(4).split('/');
        processPod(ctx, s, ns, name);
      }
    },
  };
}

function getNode(ctx: ControllerContext, name: string): Node | undefined {
  return ctx.store.get('Node', undefined, name) as Node | undefined;
}

/** monitorNodeHealth: one pass over every node. */
function monitorNodeHealth(ctx: ControllerContext, s: NodeLifecycleState): void {
  const now = ctx.clock.now();
  const nodes = ctx.store.list('Node') as Node[];
  const present = new Set(nodes.map((n) => n.metadata.name));
  for (const node of nodes) {
    const name = node.metadata.name;
    if (!(name in s.known)) {
      recordNodeEvent(ctx, name, node.metadata.uid, 'RegisteredNode', `Registered Node ${name} in Controller`);
      s.known[name] = node.metadata.uid;
      addPodEvictorForNewZone(ctx, s, node);
      markNodeAsReachable(ctx, s, node);
    } else if (!(zoneKey(node) in s.zoneStates)) {
      addPodEvictorForNewZone(ctx, s, node);
    }
  }
  for (const name of Object.keys(s.known)) {
    if (present.has(name)) continue;
    recordNodeEvent(ctx, name, s.known[name], 'RemovingNode', `Removing Node ${name} from Controller`);
    delete s.known[name];
    delete s.health[name];
  }

  const zoneConditions: Record<string, (string | undefined)[]> = {};
  for (const listed of nodes) {
    const name = listed.metadata.name;
    let node = getNode(ctx, name) ?? listed;
    const lease = ctx.store.get('Lease', 'kube-node-lease', name);
    const r = tryUpdateNodeHealth(node, lease, s.health[name], now, ctx.clock.timestamp(), ctx.timings);
    s.health[name] = r.health;
    if (r.update) node = ctx.api.updateStatus(r.update) as Node;
    if (node.metadata.labels?.[EXCLUDE_DISRUPTION] === undefined) {
      const zone = zoneKey(node);
      zoneConditions[zone] ??= [];
      zoneConditions[zone].push(r.current?.status);
    }
    if (r.current) {
      processTaintBaseEviction(ctx, s, name, r.observed.status);
      if (r.current.status !== 'True' && r.observed.status === 'True') {
        // Reported once, on the pass that changed the status. (Writes cannot fail here,
        // so upstream's nodesToRetry bookkeeping has nothing to do.)
        recordNodeStatusChange(ctx, node, 'NodeNotReady');
        markPodsNotReady(ctx, podsOnNode(ctx.store, name), name);
      }
    }
  }
  handleDisruption(ctx, s, zoneConditions, nodes, (node) => markNodeAsReachable(ctx, s, node));
  doNoExecuteTaintingPass(ctx, s);
}

/** RecordNodeEvent: a reference of name, uid, kind and apiVersion; the message says "Node X event: …". */
function recordNodeEvent(ctx: ControllerContext, name: string, uid: string, reason: string, event: string): void {
  const ref = { apiVersion: 'v1', kind: 'Node', metadata: { name, uid } } as KubeObject;
  ctx.events.normal(SOURCE, ref, reason, `Node ${name} event: ${event}`);
}

/**
 * RecordNodeStatusChange: the reference it builds carries the node *name* as uid (the
 * kubelet does the same), which is why `kubectl describe node` searches events twice.
 */
export function recordNodeStatusChange(ctx: ControllerContext, node: Node, status: string): void {
  const name = node.metadata.name;
  const ref = { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name } } as KubeObject;
  ctx.events.normal(SOURCE, ref, status, `Node ${name} status is now: ${status}`);
}

/**
 * MarkPodsNotReady: flips each pod's Ready condition to False (other conditions stay)
 * and records a Warning "NodeNotReady" on the pod. Pods without a Ready condition are skipped.
 */
export function markPodsNotReady(ctx: ControllerContext, pods: Pod[], nodeName: string): void {
  for (const listed of pods) {
    if (listed.spec?.nodeName !== nodeName) continue;
    const pod = ctx.store.get('Pod', listed.metadata.namespace, listed.metadata.name) as Pod | undefined;
    if (!pod) continue;
    const conditions = pod.status?.conditions ?? [];
    const i = conditions.findIndex((c) => c.type === 'Ready');
    if (i < 0 || conditions[i].status === 'False') continue;
    const next = [...conditions];
    next[i] = { ...conditions[i], status: 'False', lastTransitionTime: ctx.clock.timestamp() };
    const written = ctx.api.updateStatus({ ...pod, status: { ...pod.status, conditions: next } });
    ctx.events.warning(SOURCE, written, 'NodeNotReady', 'Node is not ready');
  }
}

/** processPod: a pod newly bound to a node that is not Ready is marked not Ready at once. */
function processPod(ctx: ControllerContext, s: NodeLifecycleState, ns: string, name: string): void {
  const pod = ctx.store.get('Pod', ns, name) as Pod | undefined;
  const nodeName = pod?.spec?.nodeName;
  if (!pod || !nodeName) return;
  const health = s.health[nodeName];
  if (!health || !getNode(ctx, nodeName) || !health.ready) return;
  if (health.ready.status !== 'True') markPodsNotReady(ctx, [pod], nodeName);
}

function processTaintBaseEviction(ctx: ControllerContext, s: NodeLifecycleState, name: string, observed: string): void {
  const node = getNode(ctx, name);
  if (!node) return;
  const taints = node.spec?.taints;
  if (observed === 'False') {
    // Swap straight away if the node already carries the opposite taint.
    if (taintExists(taints, UNREACHABLE_NO_EXECUTE)) swap(ctx, node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
    else markNodeForTainting(ctx, s, node, 'False');
  } else if (observed === 'Unknown') {
    if (taintExists(taints, NOT_READY_NO_EXECUTE)) swap(ctx, node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
    else markNodeForTainting(ctx, s, node, 'Unknown');
  } else if (observed === 'True') {
    markNodeAsReachable(ctx, s, node);
  }
}

function swap(ctx: ControllerContext, node: Node, add: Taint[], remove: Taint[]): Node {
  const next = swapTaints(node, add, remove, ctx.clock.timestamp());
  return next ? (ctx.api.replace(next) as Node) : node;
}

function tainterFor(ctx: ControllerContext, s: NodeLifecycleState, node: Node): RateLimitedQueue {
  const zone = zoneKey(node);
  s.tainters[zone] ??= newRateLimitedQueue(ctx.timings.nodeEvictionRate, ctx.clock.now());
  return s.tainters[zone];
}

function markNodeForTainting(ctx: ControllerContext, s: NodeLifecycleState, node: Node, status: string): boolean {
  const q = tainterFor(ctx, s, node);
  const taints = node.spec?.taints;
  if (status === 'False' && !taintExists(taints, NOT_READY_NO_EXECUTE)) removeValue(q, node.metadata.name);
  if (status === 'Unknown' && !taintExists(taints, UNREACHABLE_NO_EXECUTE)) removeValue(q, node.metadata.name);
  return addValue(q, node.metadata.name, node.metadata.uid, ctx.clock.now());
}

function markNodeAsReachable(ctx: ControllerContext, s: NodeLifecycleState, listed: Node): void {
  const node = getNode(ctx, listed.metadata.name);
  if (!node) return;
  swap(ctx, node, [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]);
  removeValue(tainterFor(ctx, s, node), node.metadata.name);
}

function addPodEvictorForNewZone(ctx: ControllerContext, s: NodeLifecycleState, node: Node): void {
  const zone = zoneKey(node);
  if (zone in s.zoneStates) return;
  s.zoneStates[zone] = 'Initial';
  s.tainters[zone] = newRateLimitedQueue(ctx.timings.nodeEvictionRate, ctx.clock.now());
}

/** doNoExecuteTaintingPass: takes due nodes off each zone's queue as its limiter allows. */
function doNoExecuteTaintingPass(ctx: ControllerContext, s: NodeLifecycleState): void {
  const now = ctx.clock.now();
  let next: number | undefined;
  for (const zone of Object.keys(s.tainters)) {
    const q = s.tainters[zone];
    tryQueue(q, now, (v) => {
      const node = getNode(ctx, v.value);
      if (!node) return [true, 0];
      const ready = nodeCondition(node, 'Ready');
      if (!ready) return [false, 50];
      // unreachable and not-ready mirror Ready Unknown/False, so they exclude each other.
      if (ready.status === 'False') swap(ctx, node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
      else if (ready.status === 'Unknown') swap(ctx, node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
      return [true, 0];
    });
    const at = nextTryAt(q, now);
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  if (next === undefined) return;
  if (s.taintPassDue !== null && s.taintPassDue <= next) return;
  s.taintPassDue = next;
  ctx.after(next - now, 'taint-pass');
}

/** The NoSchedule taints a node's conditions and spec.unschedulable call for. */
export function noScheduleTaintsFor(node: Node): Taint[] {
  const taints: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) taints.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) taints.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return taints;
}

/** doNoScheduleTaintingPass: keeps the condition/unschedulable NoSchedule taints in line with the node. */
function doNoScheduleTaintingPass(ctx: ControllerContext, name: string): void {
  const node = getNode(ctx, name);
  if (!node) return;
  const have = (node.spec?.taints ?? []).filter(
    (t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
  );
  const { add, remove } = taintSetDiff(noScheduleTaintsFor(node), have);
  if (add.length === 0 && remove.length === 0) return;
  swap(ctx, node, add, remove);
}

/** reconcileNodeLabels: the beta os/arch labels follow the stable ones. */
function reconcileNodeLabels(ctx: ControllerContext, name: string): void {
  const node = getNode(ctx, name);
  const labels = node?.metadata.labels;
  if (!node || !labels) return;
  const update: Record<string, string> = {};
  for (const [primary, secondary] of [
    ['kubernetes.io/os', 'beta.kubernetes.io/os'],
    ['kubernetes.io/arch', 'beta.kubernetes.io/arch'],
  ]) {
    if (labels[primary] === undefined) continue;
    if (labels[secondary] !== labels[primary]) update[secondary] = labels[primary];
  }
  if (Object.keys(update).length === 0) return;
  ctx.api.replace({ ...node, metadata: { ...node.metadata, labels: { ...labels, ...update } } });
}
