/**
 * kube-scheduler as a controller. Watch events become keys:
 *
 *   pod:<ns>/<name>        a pod that is (or just stopped being) unbound, or was deleted
 *   node:<changes>:<name>  a node was added or its labels/taints/allocatable changed
 *   gone | gone:ports      an assigned pod was deleted or terminated (freed resources, ports)
 *   cycle                  activeQ has pods: schedule them
 *   flush                  timer: backoff over, or the 5-minute unschedulable flush
 *
 * The queue, nextStartNodeIndex and recorded decisions live in ctx.state() (plain
 * JSON, carried by snapshots). The NodeInfo cache is derived: kept current from the
 * watch events here, and rebuilt from the store whenever it might have missed one (a
 * restored cluster starts without it), so both paths schedule identically.
 */
import { jsonEqual, type WatchEvent } from '../api/store';
import type { KubeObject } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import type { Controller } from '../controllers/manager';
import { podKey, SchedulerCache } from './cache';
import { dropDecision } from './decisions';
import { type ClusterEvent, eventMayHelp, type NodeChange } from './hints';
import { hostPortsOf, occupiesNode } from './nodeinfo';
import { podSchedInfo } from './podinfo';
import { enqueueNew, forget, moveToActiveOrBackoff } from './queue';
import {
  ensureFlushTimer,
  flushDue,
  type InFlight,
  needsScheduling,
  newSchedulerState,
  POD_INITIAL_BACKOFF_MS,
  POD_MAX_BACKOFF_MS,
  runCycle,
  SCHEDULER_NAME,
  type SchedulerState,
  splitKey,
} from './scheduleone';

export interface SchedulerController extends Controller {
  /** Benchmarks: queue every pending pod in the store and schedule them all now. */
  scheduleBacklog(ctx: ControllerContext): number;
  /** How often the NodeInfo cache was built from a full store scan (tests: it must stay incremental). */
  cacheBuilds(): number;
}

/** What changed on a node that could make a waiting pod fit (the Node ActionTypes). */
export function nodeChanges(old: KubeObject | undefined, next: KubeObject): NodeChange[] {
  if (!old) return ['add'];
  const out: NodeChange[] = [];
  const labels = (o: KubeObject) => o.metadata.labels ?? {};
  if (old.metadata.labels !== next.metadata.labels && !jsonEqual(labels(old), labels(next))) out.push('labels');
  // A cordon counts as a taint change upstream (EventNodeSpecUnschedulableChange is UpdateNodeTaint).
  if (old.spec?.taints !== next.spec?.taints && !jsonEqual(old.spec?.taints ?? [], next.spec?.taints ?? [])) {
    out.push('taints');
  } else if ((old.spec?.unschedulable === true) !== (next.spec?.unschedulable === true)) out.push('taints');
  if (
    old.status?.allocatable !== next.status?.allocatable &&
    !jsonEqual(old.status?.allocatable, next.status?.allocatable)
  ) {
    out.push('allocatable');
  }
  return out;
}

/** Turns one watch event into scheduler keys. No store writes, no state. */
function keysFor(ev: WatchEvent, enqueue: (key: string) => void, inFlight: InFlight): void {
  const obj = ev.object;
  if (obj.kind === 'Pod') {
    const key = podKey(obj);
    const old = ev.old;
    if (ev.type === 'DELETED') {
      enqueue(`pod:${key}`);
      if (occupiesNode(obj)) enqueue(hostPortsOf(obj.spec).length > 0 ? 'gone:ports' : 'gone');
      return;
    }
    if (!obj.spec?.nodeName) {
      enqueue(`pod:${key}`);
      return;
    }
    // Bound just now by someone else: it leaves the queue (our own binds already took it out).
    if (old && !old.spec?.nodeName) {
      if (key !== inFlight.binding) enqueue(`pod:${key}`);
    } else if (old && occupiesNode(old) && !occupiesNode(obj)) {
      enqueue(hostPortsOf(obj.spec).length > 0 ? 'gone:ports' : 'gone');
    }
    return;
  }
  if (obj.kind === 'Node' && ev.type !== 'DELETED') {
    const changes = nodeChanges(ev.type === 'ADDED' ? undefined : ev.old, obj);
    if (changes.length > 0) enqueue(`node:${changes.join(',')}:${obj.metadata.name}`);
  }
}

export function createScheduler(): SchedulerController {
  let cache: SchedulerCache | undefined;
  const inFlight: InFlight = {};
  let builds = 0;

  const currentCache = (ctx: ControllerContext): SchedulerCache => {
    if (!cache?.current(ctx.store)) {
      cache = new SchedulerCache(ctx.store);
      builds++;
    }
    return cache;
  };
  const state = (ctx: ControllerContext) => ctx.state<SchedulerState>(newSchedulerState);
  const wakeCycle = (ctx: ControllerContext) => ctx.enqueue(SCHEDULER_NAME, 'cycle');

  /** A pod's own change: join the queue, leave it, or retry after a spec update. */
  function syncPod(ctx: ControllerContext, st: SchedulerState, key: string): void {
    const [ns, name] = splitKey(key);
    const pod = ctx.store.get('Pod', ns, name);
    const q = st.queue;
    const entry = q.pods[key];
    if (!pod) {
      forget(q, key);
      dropDecision(st.decisions, key);
      return;
    }
    const uid = pod.metadata.uid;
    if (st.decisions.byPod[key] && st.decisions.byPod[key].uid !== uid) dropDecision(st.decisions, key);
    if (!needsScheduling(pod)) {
      if (entry) forget(q, key);
      return;
    }
    const priority = typeof pod.spec.priority === 'number' ? pod.spec.priority : 0;
    if (!entry || entry.uid !== uid) {
      enqueueNew(q, key, uid, priority, pod.metadata.generation);
      wakeCycle(ctx);
      return;
    }
    // isPodUpdated: a spec change (tolerations, nodeSelector, requests…) may make it fit.
    if (entry.queue === 'unschedulable' && entry.generation !== pod.metadata.generation) {
      entry.generation = pod.metadata.generation;
      entry.priority = priority;
      if (moveToActiveOrBackoff(q, key, ctx.clock.now(), POD_INITIAL_BACKOFF_MS, POD_MAX_BACKOFF_MS)) wakeCycle(ctx);
      ensureFlushTimer(ctx, st);
    }
  }

  /** MoveAllToActiveOrBackoffQueue with queueing hints, for the pods in unschedulablePods. */
  function clusterEvent(ctx: ControllerContext, st: SchedulerState, ev: ClusterEvent): void {
    const q = st.queue;
    const now = ctx.clock.now();
    let woke = false;
    let moved = false;
    for (const key of Object.keys(q.pods)) {
      const p = q.pods[key];
      if (p.queue !== 'unschedulable') continue;
      const [ns, name] = splitKey(key);
      const pod = ctx.store.get('Pod', ns, name);
      if (!pod) continue;
      const helps = eventMayHelp(p.plugins, ev, () => podSchedInfo(pod));
      if (!helps) continue;
      moved = true;
      if (moveToActiveOrBackoff(q, key, now, POD_INITIAL_BACKOFF_MS, POD_MAX_BACKOFF_MS)) woke = true;
    }
    if (woke) wakeCycle(ctx);
    if (moved) ensureFlushTimer(ctx, st);
  }

  return {
    name: SCHEDULER_NAME,

    onEvent(ev, enqueue) {
      if (cache) {
        cache.apply(ev);
        cache.rv++;
      }
      keysFor(ev, enqueue, inFlight);
    },

    reconcile(key, ctx) {
      const st = state(ctx);
      if (key === 'cycle') {
        runCycle(ctx, st, currentCache(ctx), inFlight);
      } else if (key === 'flush') {
        if (flushDue(ctx, st)) wakeCycle(ctx);
        ensureFlushTimer(ctx, st);
      } else if (key.startsWith('pod:')) {
        syncPod(ctx, st, key.slice(4));
      } else if (key.startsWith('node:')) {
        const rest = key.slice(5);
        const i = rest.indexOf(':');
        const node = currentCache(ctx).node(rest.slice(i + 1));
        if (node) clusterEvent(ctx, st, { kind: 'node', node, changes: rest.slice(0, i).split(',') as NodeChange[] });
      } else if (key === 'gone' || key === 'gone:ports') {
        clusterEvent(ctx, st, { kind: 'assignedPodGone', hostPorts: key === 'gone:ports' });
      }
    },

    cacheBuilds: () => builds,

    scheduleBacklog(ctx) {
      const st = state(ctx);
      for (const pod of ctx.store.list('Pod')) {
        const key = podKey(pod);
        if (needsScheduling(pod) && !st.queue.pods[key]) {
          const priority = typeof pod.spec.priority === 'number' ? pod.spec.priority : 0;
          enqueueNew(st.queue, key, pod.metadata.uid, priority, pod.metadata.generation);
        }
      }
      return runCycle(ctx, st, currentCache(ctx), inFlight);
    },
  };
}
