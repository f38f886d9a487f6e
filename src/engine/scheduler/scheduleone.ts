/**
 * ScheduleOne (pkg/scheduler/schedule_one.go) for the simulation: pop a pod, run the
 * framework over the cached NodeInfos, then either bind it (spec.nodeName and
 * PodScheduled=True, as the pods/binding subresource writes them, plus the `Scheduled`
 * event) or handle the failure (PodScheduled=False with the FitError text, a Warning
 * `FailedScheduling` event, and the pod parked in unschedulablePods).
 */
import type { KubeObject } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import type { SchedulerCache } from './cache';
import { type DecisionState, newDecisionState, recordDecision } from './decisions';
import { truncateMessage } from './fiterror';
import { type ScheduleResult, schedulePod } from './framework';
import { podSchedInfo } from './podinfo';
import {
  forget,
  markUnschedulable,
  moveToActiveOrBackoff,
  newQueueState,
  nextRetryAt,
  popActive,
  type QueueState,
} from './queue';

/** The controller's name: its timers, queue keys and saved state. */
export const SCHEDULER_NAME = 'scheduler';
/** The default profile's schedulerName; pods naming another scheduler are left alone. */
export const DEFAULT_SCHEDULER = 'default-scheduler';
/** podInitialBackoffSeconds (1s) and podMaxBackoffSeconds (10s), kube-scheduler's defaults. */
export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;

const SOURCE = { component: DEFAULT_SCHEDULER };

export interface SchedulerState {
  queue: QueueState;
  /** sched.nextStartNodeIndex: where the next cycle starts filtering */
  nextStartIndex: number;
  /** sim ms of the latest 'flush' timer asked for, so timers do not pile up */
  flushAt?: number;
  decisions: DecisionState;
}

/** Transient, per scheduler instance: the pod being bound right now, whose own watch event needs no key. */
export interface InFlight {
  binding?: string;
}

export function newSchedulerState(): SchedulerState {
  return { queue: newQueueState(), nextStartIndex: 0, decisions: newDecisionState() };
}

/** The pods this scheduler is responsible for: unbound, ours, not being deleted. */
export function needsScheduling(pod: KubeObject): boolean {
  const spec = pod.spec;
  if (!spec || spec.nodeName) return false;
  if ((spec.schedulerName ?? DEFAULT_SCHEDULER) !== DEFAULT_SCHEDULER) return false;
  if (pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** RFC 3339 for the current second; the same string for every write within it. */
let lastMs = -1;
let lastStamp = '';
function timestamp(ctx: ControllerContext): string {
  const now = ctx.clock.now();
  if (Math.floor(now / 1000) !== Math.floor(lastMs / 1000) || lastMs < 0) {
    lastStamp = ctx.clock.timestamp();
    lastMs = now;
  }
  return lastStamp;
}

/** podutil.UpdatePodCondition: replaces the condition, keeping lastTransitionTime when the status did not change. */
function withCondition(
  pod: KubeObject,
  cond: { type: string; status: 'True' | 'False'; reason?: string; message?: string },
  timestamp: string,
): { conditions: unknown[]; changed: boolean } {
  const old: any[] = pod.status?.conditions ?? [];
  const i = old.findIndex((c) => c.type === cond.type);
  const prev = i >= 0 ? old[i] : undefined;
  const generation = pod.metadata.generation;
  const next: Record<string, unknown> = {
    type: cond.type,
    status: cond.status,
    lastProbeTime: null,
    lastTransitionTime:
      prev && prev.status === cond.status && prev.lastTransitionTime ? prev.lastTransitionTime : timestamp,
  };
  if (generation !== undefined) next.observedGeneration = generation;
  if (cond.reason) next.reason = cond.reason;
  if (cond.message) next.message = cond.message;
  const changed =
    !prev ||
    prev.status !== next.status ||
    prev.reason !== next.reason ||
    prev.message !== next.message ||
    prev.observedGeneration !== next.observedGeneration;
  const conditions = [...old];
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
  return { conditions, changed };
}

/** DefaultBinder + the binding subresource: spec.nodeName and PodScheduled=True in one write. */
function bind(ctx: ControllerContext, pod: KubeObject, node: string): void {
  const { conditions } = withCondition(pod, { type: 'PodScheduled', status: 'True' }, timestamp(ctx));
  ctx.api.replace({
    ...pod,
    spec: { ...pod.spec, nodeName: node },
    status: { ...(pod.status ?? { phase: 'Pending' }), conditions },
  });
  const ns = pod.metadata.namespace ?? 'default';
  ctx.events.normal(SOURCE, pod, 'Scheduled', `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`);
}

/** handleSchedulingFailure: the event every attempt, the condition only when it changes. */
function recordFailure(ctx: ControllerContext, pod: KubeObject, result: ScheduleResult): void {
  const message = result.message ?? '';
  ctx.events.warning(SOURCE, pod, 'FailedScheduling', truncateMessage(message));
  const reason = result.reason ?? 'Unschedulable';
  const { conditions, changed } = withCondition(
    pod,
    { type: 'PodScheduled', status: 'False', reason, message },
    timestamp(ctx),
  );
  if (changed) ctx.api.updateStatus({ ...pod, status: { ...(pod.status ?? { phase: 'Pending' }), conditions } });
}

/** Makes sure a 'flush' timer fires when the earliest waiting pod is due. */
export function ensureFlushTimer(ctx: ControllerContext, st: SchedulerState): void {
  const next = nextRetryAt(st.queue);
  if (next === undefined) return;
  const now = ctx.clock.now();
  if (st.flushAt !== undefined && st.flushAt > now && st.flushAt <= next) return;
  st.flushAt = Math.max(next, now);
  ctx.after(st.flushAt - now, 'flush');
}

/** One scheduling attempt for the pod under `key`. Returns true when it was bound. */
export function scheduleOne(
  ctx: ControllerContext,
  st: SchedulerState,
  cache: SchedulerCache,
  key: string,
  inFlight: InFlight = {},
): boolean {
  const [ns, name] = splitKey(key);
  const pod = ctx.store.get('Pod', ns, name);
  const queued = st.queue.pods[key];
  if (!pod || !queued || pod.metadata.uid !== queued.uid || !needsScheduling(pod)) {
    forget(st.queue, key);
    return false;
  }
  queued.attempts++;
  const now = ctx.clock.now();
  const result = schedulePod(podSchedInfo(pod), {
    nodes: cache.nodeList(),
    nodesWithImage: (image) => cache.nodesWithImage(image),
    startIndex: st.nextStartIndex,
    randomInt: (n) => ctx.rng.int(n),
    table: cache.nodeTable(),
  });
  st.nextStartIndex = result.nextStartIndex;
  recordDecision(st.decisions, key, pod.metadata.uid, now, result);
  if (result.node !== undefined) {
    forget(st.queue, key);
    inFlight.binding = key;
    try {
      bind(ctx, pod, result.node);
    } finally {
      inFlight.binding = undefined;
    }
    return true;
  }
  markUnschedulable(st.queue, key, now, result.unschedulablePlugins, ctx.timings.unschedulableRetryMs);
  queued.generation = pod.metadata.generation;
  recordFailure(ctx, pod, result);
  return false;
}

/** Drains activeQ: every pod in it gets one attempt, highest priority first. */
export function runCycle(
  ctx: ControllerContext,
  st: SchedulerState,
  cache: SchedulerCache,
  inFlight: InFlight = {},
): number {
  let bound = 0;
  for (;;) {
    const key = popActive(st.queue);
    if (key === undefined) break;
    if (scheduleOne(ctx, st, cache, key, inFlight)) bound++;
  }
  ensureFlushTimer(ctx, st);
  return bound;
}

/** flushBackoffQCompleted + flushUnschedulablePodsLeftover: waiting pods whose time has come go to activeQ. */
export function flushDue(ctx: ControllerContext, st: SchedulerState): boolean {
  const now = ctx.clock.now();
  let moved = false;
  for (const key of dueKeys(st.queue, now)) {
    if (moveToActiveOrBackoff(st.queue, key, now, POD_INITIAL_BACKOFF_MS, POD_MAX_BACKOFF_MS)) moved = true;
  }
  return moved;
}

function dueKeys(q: QueueState, now: number): string[] {
  const out: string[] = [];
  for (const key of Object.keys(q.pods)) {
    const p = q.pods[key];
    if (p.queue !== 'active' && p.retryAt !== undefined && p.retryAt <= now) out.push(key);
  }
  return out.sort((a, b) => q.pods[a].seq - q.pods[b].seq);
}
