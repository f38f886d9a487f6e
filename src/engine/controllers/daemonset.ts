/**
 * The DaemonSet controller, after pkg/controller/daemon/daemon_controller.go
 * (syncDaemonSet, manage, podsShouldBeOnNode, syncNodes, updateDaemonSetStatus).
 *
 * One pod per node that should run it (nodeSelector, node affinity, taints against
 * the template's tolerations plus the daemon defaults). The controller does not bind
 * the pods itself: each gets a required node affinity `matchFields metadata.name In
 * [node]` and the scheduler binds it. A pod on a node that no longer fits is deleted,
 * a failed pod is deleted and recreated with a per-node backoff (1s doubling to 15m).
 *
 * Upstream skips the rolling update in a sync whose creates or deletes the informer
 * has not seen yet (expectations); here a sync that created or deleted anything
 * leaves the update to the next sync, which the watch events bring at once.
 *
 * Keys: `<ns>/<name>` syncs one DaemonSet; `all` syncs every DaemonSet (a node
 * changed); `orphan/<ns>/<pod>` wakes the DaemonSets whose selector matches an orphan.
 */
import { fromLabelSelector, matches } from '../api/labels';
import type { WatchEvent } from '../api/store';
import type { Node, Pod } from '../api/types';
import type { DaemonSet, DaemonSetStatus } from '../api/workload-types';
import type { EventSource } from '../events/recorder';
import type { ControllerContext } from './context';
import { claimObjects, getControllerOf, newControllerRef } from './controllerref';
import { cleanupHistory, constructHistory, planRollingUpdate } from './daemonset-update';
import {
  allowsSurge,
  createPodTemplate,
  isPodUpdated,
  nodeShouldRunDaemonPod,
  replaceNodeNameAffinity,
  targetNodeName,
  templateGeneration,
} from './daemonset-util';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import type { Controller } from './manager';
import { createPod, deletePod, SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './podcontrol';
import { isPodAvailable, isPodReady, isPodTerminal, msUntilAvailable, timeOf } from './podutil';

export const DAEMONSET_CONTROLLER = 'daemonset';
const SOURCE: EventSource = { component: 'daemonset-controller' };

/** BurstReplicas: the most pods one sync creates or deletes. */
export const DS_BURST_REPLICAS = 250;
/** failedPodsBackoff = flowcontrol.NewBackOff(1s, 15m) */
export const FAILED_POD_BACKOFF_INITIAL_MS = 1000;
export const FAILED_POD_BACKOFF_MAX_MS = 15 * 60_000;
/** FailedDaemonPodReason */
export const FAILED_DAEMON_POD = 'FailedDaemonPod';

interface BackoffEntry {
  backoffMs: number;
  lastUpdate: number;
}

interface DsState {
  /** failedPodsBackoffKey (`<ds uid>/<node>`) → the backoff entry */
  backoff: Record<string, BackoffEntry>;
}

function initState(): DsState {
  return { backoff: {} };
}

export function createDaemonSetController(): Controller {
  return {
    name: DAEMONSET_CONTROLLER,
    onEvent,
    reconcile(key, ctx) {
      if (key === 'all') {
        for (const ds of ctx.store.list('DaemonSet')) {
          ctx.enqueue(DAEMONSET_CONTROLLER, `${ds.metadata.namespace}/${ds.metadata.name}`);
        }
        return;
      }
      if (key.startsWith('orphan/')) {
        const [, ns, pod] = key.split('/');
        wakeForOrphan(ctx, ns, pod);
        return;
      }
      const i = key.indexOf('/');
      syncDaemonSet(ctx, key, key.slice(0, i), key.slice(i + 1));
    },
  };
}

/** shouldIgnoreNodeUpdate: heartbeats alone (lease-less condition refreshes) change nothing here. */
function nodeChanged(a: Node, b: Node): boolean {
  const strip = (n: Node) => ({
    labels: n.metadata.labels,
    spec: n.spec,
    conditions: (n.status?.conditions ?? []).map((c) => [c.type, c.status]),
  });
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}

function onEvent(ev: WatchEvent, enqueue: (key: string) => void): void {
  const o = ev.object;
  const ns = o.metadata.namespace;
  switch (o.kind) {
    case 'DaemonSet':
      enqueue(`${ns}/${o.metadata.name}`);
      return;
    case 'Node':
      if (ev.type !== 'MODIFIED' || !ev.old || nodeChanged(ev.old as Node, o as Node)) enqueue('all');
      return;
    case 'ControllerRevision':
    case 'Pod': {
      const ref = getControllerOf(o);
      if (ref?.kind === 'DaemonSet') enqueue(`${ns}/${ref.name}`);
      const oldRef = ev.old ? getControllerOf(ev.old) : undefined;
      if (oldRef?.kind === 'DaemonSet' && oldRef.uid !== ref?.uid) enqueue(`${ns}/${oldRef.name}`);
      if (o.kind === 'Pod' && !ref && ev.type !== 'DELETED') enqueue(`orphan/${ns}/${o.metadata.name}`);
      return;
    }
  }
}

/** getDaemonSetsForPod: every DaemonSet whose selector matches the orphan may adopt it. */
function wakeForOrphan(ctx: ControllerContext, ns: string, podName: string): void {
  const pod = ctx.store.get('Pod', ns, podName) as Pod | undefined;
  if (!pod || getControllerOf(pod)) return;
  for (const ds of ctx.store.list('DaemonSet', ns) as DaemonSet[]) {
    if (matches(fromLabelSelector(ds.spec?.selector), pod.metadata.labels)) {
      ctx.enqueue(DAEMONSET_CONTROLLER, `${ns}/${ds.metadata.name}`);
    }
  }
}

function listNodes(ctx: ControllerContext): Node[] {
  return (ctx.store.list('Node') as Node[]).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/**
 * getNodesToDaemonPods: the claimed pods by target node (bound or pinned by affinity).
 * Terminal pods already being deleted count only when `includeDeletedTerminal`.
 */
function nodesToDaemonPods(ctx: ControllerContext, ds: DaemonSet, includeDeletedTerminal: boolean): Map<string, Pod[]> {
  const selector = fromLabelSelector(ds.spec.selector);
  const pods = ctx.store.list('Pod', ds.metadata.namespace) as Pod[];
  const { claimed } = claimObjects(ctx, pods, { owner: ds, selector });
  const out = new Map<string, Pod[]>();
  for (const p of claimed) {
    if (!includeDeletedTerminal && isPodTerminal(p) && p.metadata.deletionTimestamp) continue;
    const node = targetNodeName(p);
    if (node === undefined) continue;
    out.set(node, [...(out.get(node) ?? []), p]);
  }
  return out;
}

/** podByCreationTimestampAndPhase: bound pods first, then oldest, then by name. */
function byCreation(a: Pod, b: Pod): number {
  const sa = a.spec?.nodeName ? 0 : 1;
  const sb = b.spec?.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  const ta = timeOf(a.metadata.creationTimestamp) ?? 0;
  const tb = timeOf(b.metadata.creationTimestamp) ?? 0;
  return ta !== tb ? ta - tb : a.metadata.name.localeCompare(b.metadata.name);
}

function syncDaemonSet(ctx: ControllerContext, key: string, ns: string, name: string): void {
  const ds = ctx.store.get('DaemonSet', ns, name) as DaemonSet | undefined;
  if (!ds) return;
  const sel = ds.spec?.selector;
  if (!sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) {
    ctx.events.warning(
      SOURCE,
      ds,
      'SelectingAll',
      'This daemon set is selecting all pods. A non-empty selector is required.',
    );
    return;
  }
  if (ds.metadata.deletionTimestamp) return;
  const nodes = listNodes(ctx);
  const { cur, old } = constructHistory(ctx, ds);
  const hash = cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
  const live = (ctx.store.get('DaemonSet', ns, name) as DaemonSet) ?? ds;
  const changed = manage(ctx, key, live, nodes, hash);
  if (!changed && live.spec.updateStrategy?.type === 'RollingUpdate') {
    const plan = planRollingUpdate(live, nodes, nodesToDaemonPods(ctx, live, false), hash, ctx.clock.now());
    syncNodes(ctx, live, plan.podsToDelete, plan.nodesToCreate, hash);
  }
  cleanupHistory(ctx, live, old, nodesToDaemonPods(ctx, live, true));
  updateStatus(ctx, key, ns, name, nodes, hash);
}

/** manage: creates and deletes per podsShouldBeOnNode; true when it wrote anything. */
function manage(ctx: ControllerContext, key: string, ds: DaemonSet, nodes: Node[], hash: string): boolean {
  const byNode = nodesToDaemonPods(ctx, ds, false);
  const create: string[] = [];
  const del: Pod[] = [];
  for (const node of nodes) {
    const r = podsShouldBeOnNode(ctx, key, node, byNode, ds, hash);
    create.push(...r.create);
    del.push(...r.del);
  }
  // getUnscheduledPodsWithoutNode: pods pinned to a node that is gone will never be scheduled.
  const known = new Set(nodes.map((n) => n.metadata.name));
  for (const [node, pods] of byNode) {
    if (known.has(node)) continue;
    for (const p of pods) if (!p.spec?.nodeName && !p.metadata.deletionTimestamp) del.push(p);
  }
  return syncNodes(ctx, ds, del, create, hash);
}

function podsShouldBeOnNode(
  ctx: ControllerContext,
  key: string,
  node: Node,
  byNode: Map<string, Pod[]>,
  ds: DaemonSet,
  hash: string,
): { create: string[]; del: Pod[] } {
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const pods = byNode.get(node.metadata.name);
  const create: string[] = [];
  const del: Pod[] = [];
  if (shouldRun && !pods) {
    create.push(node.metadata.name);
  } else if (shouldContinueRunning && pods) {
    const running: Pod[] = [];
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      if (p.status?.phase === 'Failed') {
        if (failedPodBackoff(ctx, key, ds, node.metadata.name)) continue;
        ctx.events.warning(
          SOURCE,
          ds,
          FAILED_DAEMON_POD,
          `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`,
        );
        del.push(p);
      } else if (p.status?.phase === 'Succeeded') {
        del.push(p);
      } else running.push(p);
    }
    running.sort(byCreation);
    if (!allowsSurge(ds)) {
      // more than one running pod: keep the oldest
      del.push(...running.slice(1));
    } else if (running.length <= 1) {
      if (running.length === 0 && shouldRun) create.push(node.metadata.name);
    } else {
      del.push(...surgeExcess(ds, running, hash, ctx.clock.now()));
    }
  } else if (!shouldContinueRunning && pods) {
    for (const p of pods) if (!p.metadata.deletionTimestamp) del.push(p);
  }
  return { create, del };
}

/**
 * With surge, two pods may share a node only while the oldest new one is not yet
 * available and the oldest old one is still ready; every other pod goes.
 */
function surgeExcess(ds: DaemonSet, running: Pod[], hash: string, now: number): Pod[] {
  const del: Pod[] = [];
  let oldestNew: Pod | undefined;
  let oldestOld: Pod | undefined;
  for (const p of running) {
    if (p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) {
      if (!oldestNew) {
        oldestNew = p;
        continue;
      }
    } else if (!oldestOld) {
      oldestOld = p;
      continue;
    }
    del.push(p);
  }
  if (oldestNew && oldestOld) {
    if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, now)) del.push(oldestOld);
  }
  return del;
}

/**
 * failedPodsBackoff (IsInBackOffSinceUpdate, then Next): true while the node's last
 * failed-pod deletion is less than the current backoff ago (the sync comes back when
 * it ends); otherwise the backoff doubles (or starts again at 1s after 2×max quiet).
 */
function failedPodBackoff(ctx: ControllerContext, key: string, ds: DaemonSet, node: string): boolean {
  const s = ctx.state(initState);
  const id = `${ds.metadata.uid}/${node}`;
  const now = ctx.clock.now();
  const e = s.backoff[id];
  const expired = e !== undefined && now - e.lastUpdate > 2 * FAILED_POD_BACKOFF_MAX_MS;
  if (e && !expired && now - e.lastUpdate < e.backoffMs) {
    ctx.after(e.backoffMs - (now - e.lastUpdate), key);
    return true;
  }
  const backoffMs =
    !e || expired ? FAILED_POD_BACKOFF_INITIAL_MS : Math.min(e.backoffMs * 2, FAILED_POD_BACKOFF_MAX_MS);
  s.backoff[id] = { backoffMs, lastUpdate: now };
  return false;
}

/** syncNodes: slow-start creates pinned to each node, then the deletes; true when it wrote anything. */
function syncNodes(ctx: ControllerContext, ds: DaemonSet, del: Pod[], create: string[], hash: string): boolean {
  const nodes = create.slice(0, DS_BURST_REPLICAS);
  const template = createPodTemplate(ds.spec.template, templateGeneration(ds), hash);
  const ref = newControllerRef(ds);
  let i = 0;
  slowStartBatch(nodes.length, SLOW_START_INITIAL_BATCH_SIZE, () => {
    const t = structuredClone(template);
    t.spec.affinity = replaceNodeNameAffinity(t.spec.affinity, nodes[i++]);
    const out = createPod(ctx, SOURCE, ds, t, ref);
    return 'error' in out ? out.error : undefined;
  });
  for (const p of del.slice(0, DS_BURST_REPLICAS)) deletePod(ctx, SOURCE, ds, p);
  return nodes.length > 0 || del.length > 0;
}

/** updateDaemonSetStatus over the oldest pod of each node that should run one. */
function updateStatus(
  ctx: ControllerContext,
  key: string,
  ns: string,
  name: string,
  nodes: Node[],
  hash: string,
): void {
  const ds = ctx.store.get('DaemonSet', ns, name) as DaemonSet | undefined;
  if (!ds) return;
  const byNode = nodesToDaemonPods(ctx, ds, false);
  const now = ctx.clock.now();
  const minReady = ds.spec.minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  let wake: number | undefined;
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const pods = byNode.get(node.metadata.name) ?? [];
    if (!shouldRun) {
      if (pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    if (pods.length === 0) continue;
    current++;
    const pod = [...pods].sort(byCreation)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
      else {
        const ms = msUntilAvailable(pod, minReady, now);
        if (ms !== undefined && ms > 0) wake = Math.min(wake ?? ms, ms);
      }
    }
    if (isPodUpdated(pod, hash)) updated++;
  }
  const status: DaemonSetStatus = {
    ...(ds.status ?? {}),
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
  // storeDaemonSetStatus writes only a change (zero counts are omitted in JSON, as omitempty does).
  for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const) {
    if (status[k] === 0) delete status[k];
  }
  if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) ctx.api.updateStatus({ ...ds, status });
  // Upstream resyncs after minReadySeconds; the virtual clock knows the exact instant.
  if (wake !== undefined) ctx.after(wake, key);
}
