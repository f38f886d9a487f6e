/**
 * The Deployment controller, after pkg/controller/deployment/deployment_controller.go
 * (syncDeployment and the event handlers). A sync claims the deployment's
 * ReplicaSets (adopting orphans its selector matches), then either only reports (being
 * deleted), resizes (paused, or spec.replicas changed), or takes one rollout step of
 * its strategy. The pieces live beside it: deployment-sync (new ReplicaSet, status,
 * history), deployment-scale, deployment-rolling, deployment-recreate,
 * deployment-progress.
 *
 * Keys: `Deployment/<ns>/<name>`; `rs/<ns>/<name>` wakes the deployments an orphan
 * ReplicaSet may belong to; `podgone/<ns>/<rs>` wakes a Recreate deployment whose old
 * pod just disappeared (it waits for all of them to be gone).
 */
import { ApiError } from '../api/errors';
import { fromLabelSelector, matches } from '../api/labels';
import { jsonEqual, type WatchEvent } from '../api/store';
import type { KubeObject, Pod } from '../api/types';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import type { EventSource } from '../events/recorder';
import type { ControllerContext } from './context';
import { claimObjects, getControllerOf } from './controllerref';
import type { DeploymentOps } from './deployment-ops';
import { rolloutRecreate } from './deployment-recreate';
import { rolloutRolling } from './deployment-rolling';
import { checkPausedConditions, isScalingEvent, statusOf, syncScaleOnly, syncStatusOnly } from './deployment-sync';
import type { Controller } from './manager';

export const DEPLOYMENT_CONTROLLER = 'deployment';
const SOURCE: EventSource = { component: 'deployment-controller' };

/** workqueue.DefaultControllerRateLimiter's per-item backoff: 5ms doubling to 1000s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

interface DeploymentState {
  /** key → consecutive failed syncs */
  failures: Record<string, number>;
  /** key → virtual ms of the pending progress-deadline check (one timer per key) */
  deadlineChecks: Record<string, number>;
}

function initState(): DeploymentState {
  return { failures: {}, deadlineChecks: {} };
}

export function createDeploymentController(): Controller {
  return {
    name: DEPLOYMENT_CONTROLLER,
    onEvent,
    reconcile(key, ctx) {
      const [kind, ns, name] = splitKey(key);
      if (kind === 'Deployment') syncWithBackoff(ctx, key, ns, name);
      else if (kind === 'rs') wakeDeploymentsOfOrphan(ctx, ns, name);
      else if (kind === 'podgone') wakeRecreateOwner(ctx, ns, name);
    },
  };
}

function splitKey(key: string): [string, string, string] {
  const a = key.indexOf('/');
  const b = key.indexOf('/', a + 1);
  return [key.slice(0, a), key.slice(a + 1, b), key.slice(b + 1)];
}

function deploymentKey(ns: string | undefined, name: string): string {
  return `Deployment/${ns ?? ''}/${name}`;
}

/** addDeployment/updateDeployment/deleteDeployment, add/update/deleteReplicaSet, deletePod. */
function onEvent(ev: WatchEvent, enqueue: (key: string) => void): void {
  const o = ev.object;
  const ns = o.metadata.namespace;
  if (o.kind === 'Deployment') {
    enqueue(deploymentKey(ns, o.metadata.name));
    return;
  }
  if (o.kind === 'Pod') {
    if (ev.type !== 'DELETED') return;
    const ref = getControllerOf(o);
    if (ref?.kind === 'ReplicaSet') enqueue(`podgone/${ns}/${ref.name}`);
    return;
  }
  if (o.kind !== 'ReplicaSet') return;
  const ref = getControllerOf(o);
  const oldRef = ev.old ? getControllerOf(ev.old) : undefined;
  if (ref?.kind === 'Deployment') enqueue(deploymentKey(ns, ref.name));
  if (oldRef?.kind === 'Deployment' && oldRef.uid !== ref?.uid) enqueue(deploymentKey(ns, oldRef.name));
  if (ref || ev.type === 'DELETED') return;
  const labelsChanged = ev.old !== undefined && !jsonEqual(ev.old.metadata.labels, o.metadata.labels);
  if (ev.type === 'ADDED' || labelsChanged || oldRef) enqueue(`rs/${ns}/${o.metadata.name}`);
}

/** getDeploymentsForReplicaSet: every deployment whose selector matches an orphan ReplicaSet. */
function wakeDeploymentsOfOrphan(ctx: ControllerContext, ns: string, name: string): void {
  const rs = ctx.store.get('ReplicaSet', ns, name);
  if (!rs || getControllerOf(rs)) return;
  for (const d of ctx.store.list('Deployment', ns)) {
    const selector = fromLabelSelector(d.spec?.selector);
    if (!isEmptySelector(d) && matches(selector, rs.metadata.labels)) {
      ctx.enqueue(DEPLOYMENT_CONTROLLER, deploymentKey(ns, d.metadata.name));
    }
  }
}

/** deletePod: only a Recreate rollout waits on pods themselves. */
function wakeRecreateOwner(ctx: ControllerContext, ns: string, rsName: string): void {
  const rs = ctx.store.get('ReplicaSet', ns, rsName);
  const ref = rs ? getControllerOf(rs) : undefined;
  if (ref?.kind !== 'Deployment') return;
  const d = ctx.store.get('Deployment', ns, ref.name) as Deployment | undefined;
  if (d?.spec.strategy?.type === 'Recreate') ctx.enqueue(DEPLOYMENT_CONTROLLER, deploymentKey(ns, ref.name));
}

function isEmptySelector(d: KubeObject): boolean {
  const s = d.spec?.selector;
  return !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);
}

/** processNextWorkItem: a failed sync comes back after the rate limiter's delay. */
function syncWithBackoff(ctx: ControllerContext, key: string, ns: string, name: string): void {
  const s = ctx.state(initState);
  s.deadlineChecks ??= {};
  if ((s.deadlineChecks[key] ?? Number.POSITIVE_INFINITY) <= ctx.clock.now()) delete s.deadlineChecks[key];
  let requeueAfter: number | undefined;
  try {
    requeueAfter = syncDeployment(ctx, ns, name);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const n = (s.failures[key] ?? 0) + 1;
    s.failures[key] = n;
    ctx.after(Math.min(BACKOFF_BASE_MS * 2 ** (n - 1), BACKOFF_MAX_MS), key);
    return;
  }
  delete s.failures[key];
  if (requeueAfter === undefined) return;
  const at = ctx.clock.now() + requeueAfter;
  const pending = s.deadlineChecks[key];
  if (pending !== undefined && pending <= at) return;
  s.deadlineChecks[key] = at;
  ctx.after(requeueAfter, key);
}

/** syncDeployment; returns when to look again at a rollout that may be stuck. */
function syncDeployment(ctx: ControllerContext, ns: string, name: string): number | undefined {
  const stored = ctx.store.get('Deployment', ns, name) as Deployment | undefined;
  if (!stored) return undefined;
  const d = structuredClone(stored);
  const ops = apiOps(ctx);
  if (isEmptySelector(d)) {
    ops.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      statusOf(d).observedGeneration = d.metadata.generation;
      ops.updateDeploymentStatus(d);
    }
    return undefined;
  }
  const rsList = claimReplicaSets(ctx, d);
  if (d.metadata.deletionTimestamp) {
    syncStatusOnly(ops, d, rsList);
    return undefined;
  }
  checkPausedConditions(ops, d);
  if (d.spec.paused || isScalingEvent(ops, d, rsList)) {
    syncScaleOnly(ops, d, rsList);
    return undefined;
  }
  if (d.spec.strategy?.type === 'Recreate') return rolloutRecreate(ops, d, rsList, podMap(ctx, d, rsList));
  return rolloutRolling(ops, d, rsList);
}

/** getReplicaSetsForDeployment: ClaimReplicaSets over the namespace's ReplicaSets. */
function claimReplicaSets(ctx: ControllerContext, d: Deployment): ReplicaSet[] {
  const candidates = ctx.store.list('ReplicaSet', d.metadata.namespace) as ReplicaSet[];
  const { claimed, errors } = claimObjects(ctx, candidates, {
    owner: ctx.store.get('Deployment', d.metadata.namespace, d.metadata.name) ?? d,
    selector: fromLabelSelector(d.spec.selector),
  });
  if (errors.length > 0) throw new ApiError(errors[0], 'Conflict');
  return claimed;
}

/** getPodMapForDeployment: the selected pods, by the uid of the claimed ReplicaSet that controls them. */
function podMap(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
  const uids = new Set(rsList.map((rs) => rs.metadata.uid));
  const out = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata.uid, []]));
  const selector = fromLabelSelector(d.spec.selector);
  for (const p of ctx.store.list('Pod', d.metadata.namespace) as Pod[]) {
    const ref = getControllerOf(p);
    if (!ref || !uids.has(ref.uid) || !matches(selector, p.metadata.labels)) continue;
    out.get(ref.uid)?.push(p);
  }
  return out;
}

/** The sync's writes through the API server, as the controller's clientset makes them. */
function apiOps(ctx: ControllerContext): DeploymentOps {
  return {
    now: () => ctx.clock.now(),
    timestamp: () => ctx.clock.timestamp(),
    createReplicaSet: (rs) => ctx.api.create(rs) as ReplicaSet,
    getReplicaSet: (ns, name) => ctx.store.get('ReplicaSet', ns, name) as ReplicaSet | undefined,
    updateReplicaSet: (rs) => ctx.api.update(rs) as ReplicaSet,
    deleteReplicaSet: (rs) => {
      ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    },
    updateDeploymentStatus: (d) => {
      const fresh = ctx.store.get('Deployment', d.metadata.namespace, d.metadata.name);
      if (!fresh || fresh.metadata.uid !== d.metadata.uid) return;
      const metadata = { ...fresh.metadata };
      if (d.metadata.annotations) metadata.annotations = d.metadata.annotations;
      ctx.api.updateStatus({ ...fresh, metadata, status: d.status });
    },
    event: (d, type, reason, message) => {
      const target = ctx.store.get('Deployment', d.metadata.namespace, d.metadata.name) ?? d;
      if (type === 'Normal') ctx.events.normal(SOURCE, target, reason, message);
      else ctx.events.warning(SOURCE, target, reason, message);
    },
  };
}
