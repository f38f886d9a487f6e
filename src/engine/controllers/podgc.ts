/**
 * The pod garbage collector, after pkg/controller/podgc/gc_controller.go. Every
 * gcCheckPeriod (20s) it force-deletes (grace 0) pods no kubelet will ever finish:
 *
 * - terminated pods (Succeeded/Failed) beyond --terminated-pod-gc-threshold (12500),
 *   oldest first;
 * - pods bound to a node that no longer exists, once the node has stayed gone for the
 *   quarantine time (40s): phase Failed and DisruptionTarget (DeletionByPodGC) first;
 * - terminating pods on a node that is not Ready and carries the
 *   `node.kubernetes.io/out-of-service` taint (the admin's "this node is really dead");
 * - terminating pods that were never scheduled.
 *
 * That is all: a pod on a dead node that was evicted stays Terminating until the node
 * is deleted, tainted out-of-service, or comes back and its kubelet finishes the
 * deletion — exactly what a real cluster shows.
 */
import type { Condition, Node, Pod } from '../api/types';
import type { ControllerContext } from './context';
import type { Controller } from './manager';
import { withCondition } from './tainteviction';
import { nodeCondition, taintExists } from './taints';

export const POD_GC = 'podgc';
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

export interface PodGcState {
  /** missing node name → sim ms when a pod bound to it was first seen (the nodeQueue's AddAfter) */
  quarantine: Record<string, number>;
}

function initState(): PodGcState {
  return { quarantine: {} };
}

export function createPodGcController(): Controller {
  return {
    name: POD_GC,
    start(ctx) {
      ctx.after(ctx.timings.podGcPeriodMs, 'gc');
    },
    reconcile(key, ctx) {
      if (key !== 'gc') return;
      gc(ctx, ctx.state(initState));
      ctx.after(ctx.timings.podGcPeriodMs, 'gc');
    },
  };
}

function isTerminated(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function gc(ctx: ControllerContext, s: PodGcState): void {
  const pods = ctx.store.list('Pod') as Pod[];
  if (ctx.timings.terminatedPodGcThreshold > 0) gcTerminated(ctx, pods);
  gcTerminating(ctx, pods);
  gcOrphaned(ctx, s, pods);
  gcUnscheduledTerminating(ctx, pods);
}

function gcTerminated(ctx: ControllerContext, pods: Pod[]): void {
  const terminated = pods.filter(isTerminated);
  const excess = terminated.length - ctx.timings.terminatedPodGcThreshold;
  if (excess <= 0) return;
  // byEvictionAndCreationTimestamp, without the eviction part: oldest first, ties by name.
  const sorted = [...terminated].sort(
    (a, b) =>
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
      `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
  );
  for (const p of sorted.slice(0, excess)) markFailedAndDelete(ctx, p);
}

function gcTerminating(ctx: ControllerContext, pods: Pod[]): void {
  for (const p of pods) {
    if (!p.metadata.deletionTimestamp || !p.spec?.nodeName) continue;
    const node = ctx.store.get('Node', undefined, p.spec.nodeName) as Node | undefined;
    if (!node) continue;
    const ready = nodeCondition(node, 'Ready')?.status === 'True';
    if (!ready && taintExists(node.spec?.taints, { key: TAINT_OUT_OF_SERVICE, effect: 'NoExecute' })) {
      markFailedAndDelete(ctx, p);
    }
  }
}

function gcOrphaned(ctx: ControllerContext, s: PodGcState, pods: Pod[]): void {
  const now = ctx.clock.now();
  const missing = new Set<string>();
  for (const p of pods) {
    const n = p.spec?.nodeName;
    if (n && !ctx.store.get('Node', undefined, n)) missing.add(n);
  }
  // A node that came back (or whose pods all went) leaves the quarantine.
  for (const n of Object.keys(s.quarantine)) if (!missing.has(n)) delete s.quarantine[n];
  const deleted = new Set<string>();
  for (const n of [...missing].sort()) {
    if (!(n in s.quarantine)) s.quarantine[n] = now;
    else if (now - s.quarantine[n] >= ctx.timings.podGcQuarantineMs) deleted.add(n);
  }
  if (deleted.size === 0) return;
  const condition: Condition = {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByPodGC',
    message: 'PodGC: node no longer exists',
    lastTransitionTime: ctx.clock.timestamp(),
  };
  for (const p of pods) if (deleted.has(p.spec?.nodeName ?? '')) markFailedAndDelete(ctx, p, condition);
  for (const n of deleted) delete s.quarantine[n];
}

function gcUnscheduledTerminating(ctx: ControllerContext, pods: Pod[]): void {
  for (const p of pods) if (p.metadata.deletionTimestamp && !p.spec?.nodeName) markFailedAndDelete(ctx, p);
}

/** markFailedAndDeletePodWithCondition: phase Failed (plus the condition), then delete with grace 0. */
function markFailedAndDelete(ctx: ControllerContext, listed: Pod, condition?: Condition): void {
  let pod = ctx.store.get('Pod', listed.metadata.namespace, listed.metadata.name) as Pod | undefined;
  if (!pod || pod.metadata.uid !== listed.metadata.uid) return;
  if (!isTerminated(pod)) {
    const conditions = condition
      ? (withCondition(pod.status?.conditions ?? [], condition) ?? pod.status?.conditions)
      : pod.status?.conditions;
    const status = { ...pod.status, phase: 'Failed' as const, ...(conditions ? { conditions } : {}) };
    pod = ctx.api.updateStatus({ ...pod, status }) as Pod;
    if (!ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name)) return;
  }
  ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
}
