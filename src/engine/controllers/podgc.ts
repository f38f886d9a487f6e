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
import { nodesWithPods, podsOnNode, terminatedCount, terminatedPods, terminatingPods } from './podindex';
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

// Upstream lists every pod each pass; the indexes (podindex.ts) give the same answers
// while touching only terminated, terminating or orphaned pods.
function gc(ctx: ControllerContext, s: PodGcState): void {
  if (ctx.timings.terminatedPodGcThreshold > 0) gcTerminated(ctx);
  gcTerminating(ctx);
  gcOrphaned(ctx, s);
  gcUnscheduledTerminating(ctx);
}

function gcTerminated(ctx: ControllerContext): void {
  const excess = terminatedCount(ctx.store) - ctx.timings.terminatedPodGcThreshold;
  if (excess <= 0) return;
  // byEvictionAndCreationTimestamp, without the eviction part: oldest first, ties by name.
  const oldest = terminatedPods(ctx.store).sort((a, b) =>
    a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
  );
  for (const p of oldest.slice(0, excess)) markFailedAndDelete(ctx, p);
}

function gcTerminating(ctx: ControllerContext): void {
  for (const p of terminatingPods(ctx.store)) {
    if (!p.spec?.nodeName) continue;
    const node = ctx.store.get('Node', undefined, p.spec.nodeName) as Node | undefined;
    if (!node) continue;
    const ready = nodeCondition(node, 'Ready')?.status === 'True';
    if (!ready && taintExists(node.spec?.taints, { key: TAINT_OUT_OF_SERVICE, effect: 'NoExecute' })) {
      markFailedAndDelete(ctx, p);
    }
  }
}

function gcOrphaned(ctx: ControllerContext, s: PodGcState): void {
  const now = ctx.clock.now();
  const missing = nodesWithPods(ctx.store).filter((n) => !ctx.store.get('Node', undefined, n));
  // A node that came back (or whose pods all went) leaves the quarantine.
  for (const n of Object.keys(s.quarantine)) if (!missing.includes(n)) delete s.quarantine[n];
  const condition: Condition = {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByPodGC',
    message: 'PodGC: node no longer exists',
    lastTransitionTime: ctx.clock.timestamp(),
  };
  for (const n of missing) {
    if (!(n in s.quarantine)) {
      s.quarantine[n] = now;
      continue;
    }
    if (now - s.quarantine[n] < ctx.timings.podGcQuarantineMs) continue;
    for (const p of podsOnNode(ctx.store, n)) markFailedAndDelete(ctx, p, condition);
    delete s.quarantine[n];
  }
}

function gcUnscheduledTerminating(ctx: ControllerContext): void {
  for (const p of terminatingPods(ctx.store)) if (!p.spec?.nodeName) markFailedAndDelete(ctx, p);
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
