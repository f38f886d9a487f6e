/**
 * The namespace controller, after pkg/controller/namespace (namespace_controller.go and
 * deletion/namespaced_resources_deleter.go). Deleting a namespace only marks it: the API
 * server sets deletionTimestamp and phase Terminating and keeps it while
 * spec.finalizers holds `kubernetes`. This controller then, 5 s after each update
 * (namespaceDeletionGracePeriod):
 *
 * - deletes every object of every served namespaced kind in it, through the API like any
 *   client (propagationPolicy Background), so pods stop gracefully and objects with
 *   finalizers stay until their owners remove them. Pods go first: nothing else is
 *   touched while a pod remains (OrderedNamespaceDeletion, GA since 1.34);
 * - writes the five deletion conditions (namespaceconditions.ts) with what remains;
 * - looks again after estimate/2+1 s, where the estimate is the longest
 *   terminationGracePeriodSeconds of its live pods (while that long has not passed since
 *   the deletion) or 15 s when leftovers carry finalizers; anything else left is an
 *   error (`unexpected items still remain ...`), retried with backoff from 5 ms to 60 s;
 * - once the namespace is empty, removes `kubernetes` through /finalize, and the
 *   namespace is gone.
 */
import type { KindInfo } from '../api/kinds';
import { allKinds } from '../api/kinds';
import type { WatchEvent } from '../api/store';
import type { Condition, KubeObject, Pod } from '../api/types';
import { fromTimestamp } from '../sim/clock';
import type { ControllerContext } from './context';
import type { Controller } from './manager';
import { type ContentTotals, failingConditions, updatedConditions } from './namespaceconditions';

export const NAMESPACE_CONTROLLER = 'namespace';
export const FINALIZER_KUBERNETES = 'kubernetes';
/** namespaceDeletionGracePeriod: lets last-instant creates land before the sweep. */
export const NAMESPACE_DELETION_GRACE_MS = 5_000;
/** finalizerEstimateSeconds: how long finalizers are assumed to take. */
const FINALIZER_ESTIMATE_SECONDS = 15;
/** nsControllerRateLimiter's per-item exponential backoff. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 60_000;

export interface NamespaceControllerState {
  /** namespace → sim ms of its next sync (the delaying queue keeps only the earliest) */
  due: Record<string, number>;
  /** namespace → failed syncs since the last success (the rate limiter's memory) */
  failures: Record<string, number>;
}

function initState(): NamespaceControllerState {
  return { due: {}, failures: {} };
}

type SyncResult = { result: 'done' } | { result: 'remaining'; estimateSeconds: number } | { result: 'error' };

export function createNamespaceController(): Controller {
  return {
    name: NAMESPACE_CONTROLLER,
    onEvent(ev: WatchEvent, enqueue) {
      // Only terminating namespaces are queued (enqueueNamespace); the delay is set in reconcile.
      if (ev.object.kind !== 'Namespace' || ev.type === 'DELETED') return;
      if (ev.object.metadata.deletionTimestamp) enqueue(`seen/${ev.object.metadata.name}`);
    },
    reconcile(key, ctx) {
      const s = ctx.state(initState);
      if (key.startsWith('seen/')) {
        addAfter(ctx, s, key.slice(5), NAMESPACE_DELETION_GRACE_MS);
        return;
      }
      if (!key.startsWith('sync/')) return;
      const name = key.slice(5);
      // A later timer for a sync that already ran (or was moved earlier) is stale.
      if (s.due[name] !== ctx.clock.now()) return;
      delete s.due[name];
      const r = deleteNamespaceContent(ctx, name);
      if (r.result === 'done') {
        delete s.failures[name];
      } else if (r.result === 'remaining') {
        addAfter(ctx, s, name, (Math.floor(r.estimateSeconds / 2) + 1) * 1000);
      } else {
        const failures = s.failures[name] ?? 0;
        s.failures[name] = failures + 1;
        addAfter(ctx, s, name, Math.min(RETRY_BASE_MS * 2 ** failures, RETRY_MAX_MS));
      }
    },
  };
}

/** The delaying queue's AddAfter: a key already waiting keeps the earlier of the two times. */
function addAfter(ctx: ControllerContext, s: NamespaceControllerState, name: string, ms: number): void {
  const at = ctx.clock.now() + ms;
  if (s.due[name] !== undefined && s.due[name] <= at) return;
  s.due[name] = at;
  ctx.after(ms, `sync/${name}`);
}

/** namespacedResourcesDeleter.Delete */
function deleteNamespaceContent(ctx: ControllerContext, name: string): SyncResult {
  let ns = ctx.store.get('Namespace', undefined, name);
  if (!ns?.metadata.deletionTimestamp) {
    const s = ctx.state(initState);
    if (!ns) delete s.failures[name];
    return { result: 'done' };
  }
  if (ns.status?.phase !== 'Terminating') {
    ns = ctx.api.updateStatus({ ...ns, status: { ...(ns.status ?? {}), phase: 'Terminating' } });
  }
  const finalizers: string[] = ns.spec?.finalizers ?? [];
  if (finalizers.length === 0) return { result: 'done' };
  const { estimateSeconds, failed } = deleteAllContent(ctx, ns);
  if (failed) return { result: 'error' };
  if (estimateSeconds > 0) return { result: 'remaining', estimateSeconds };
  if (finalizers.includes(FINALIZER_KUBERNETES)) ctx.api.finalizeNamespace(name, FINALIZER_KUBERNETES);
  return { result: 'done' };
}

interface KindDeletion {
  estimateSeconds: number;
  remaining: number;
  finalizers: Record<string, number>;
  error?: string;
}

/** deleteAllContent: pods first, then every other namespaced kind, then the conditions. */
function deleteAllContent(ctx: ControllerContext, ns: KubeObject): { estimateSeconds: number; failed: boolean } {
  const name = ns.metadata.name;
  const deletedAt = fromTimestamp(ns.metadata.deletionTimestamp as string);
  const totals: ContentTotals = { resourcesRemaining: {}, finalizersRemaining: {}, deleteErrors: [] };
  let estimateSeconds = 0;
  const add = (info: KindInfo, d: KindDeletion) => {
    if (d.error) totals.deleteErrors.push(d.error);
    estimateSeconds = Math.max(estimateSeconds, d.estimateSeconds);
    if (d.remaining === 0) return;
    totals.resourcesRemaining[`${info.plural}.${info.group}`] = d.remaining;
    for (const [f, n] of Object.entries(d.finalizers)) {
      totals.finalizersRemaining[f] = (totals.finalizersRemaining[f] ?? 0) + n;
    }
  };
  const kinds = allKinds().filter((k) => k.namespaced);
  const pods = kinds.find((k) => k.kind === 'Pod');
  let podsRemain = false;
  if (pods) {
    const d = deleteAllOfKind(ctx, pods, name, deletedAt);
    add(pods, d);
    podsRemain = d.remaining > 0;
  }
  // With pods left, nothing else is deleted yet: a NetworkPolicy or a Secret must
  // outlive the pods that rely on it.
  if (!podsRemain) {
    for (const info of kinds) if (info !== pods) add(info, deleteAllOfKind(ctx, info, name, deletedAt));
  }
  writeConditions(ctx, name, totals);
  return { estimateSeconds, failed: totals.deleteErrors.length > 0 };
}

/** deleteAllContentForGroupVersionResource */
function deleteAllOfKind(ctx: ControllerContext, info: KindInfo, ns: string, deletedAt: number): KindDeletion {
  let estimateSeconds = info.kind === 'Pod' ? podTerminationEstimate(ctx, ns) : 0;
  // Once that long has passed since the namespace was deleted, no more waiting is planned.
  if (ctx.clock.now() - deletedAt >= estimateSeconds * 1000) estimateSeconds = 0;
  // deleteCollection, propagationPolicy Background: the namespace controller never orphans.
  for (const o of ctx.store.list(info.kind, ns)) {
    if (o.metadata.deletionTimestamp) continue;
    ctx.api.delete(info.kind, ns, o.metadata.name, { propagationPolicy: 'Background' });
  }
  const left = ctx.store.list(info.kind, ns);
  if (left.length === 0) return { estimateSeconds: 0, remaining: 0, finalizers: {} };
  const finalizers: Record<string, number> = {};
  for (const o of left) for (const f of o.metadata.finalizers ?? []) finalizers[f] = (finalizers[f] ?? 0) + 1;
  const base = { remaining: left.length, finalizers };
  if (estimateSeconds !== 0) return { ...base, estimateSeconds };
  if (Object.keys(finalizers).length > 0) return { ...base, estimateSeconds: FINALIZER_ESTIMATE_SECONDS };
  // Nothing explains why they are still here (a pod whose kubelet never confirms).
  const gvr = `${info.group}/${info.apiVersion.split('/').pop()}, Resource=${info.plural}`;
  return { ...base, estimateSeconds: 0, error: `unexpected items still remain in namespace: ${ns} for gvr: ${gvr}` };
}

/** estimateGracefulTerminationForPods: the longest grace period among pods still running. */
function podTerminationEstimate(ctx: ControllerContext, ns: string): number {
  let estimate = 0;
  for (const p of ctx.store.list('Pod', ns) as Pod[]) {
    const phase = p.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const grace = p.spec?.terminationGracePeriodSeconds;
    if (typeof grace === 'number' && grace > estimate) estimate = grace;
  }
  return estimate;
}

/** Writes the conditions only when one of them changed (conditionUpdater.Update). */
function writeConditions(ctx: ControllerContext, name: string, totals: ContentTotals): void {
  const live = ctx.store.get('Namespace', undefined, name);
  if (!live) return;
  const now = ctx.clock.timestamp();
  const conditions = updatedConditions(
    (live.status?.conditions ?? []) as Condition[],
    failingConditions(totals, now),
    now,
  );
  if (conditions) ctx.api.updateStatus({ ...live, status: { ...(live.status ?? {}), conditions } });
}
