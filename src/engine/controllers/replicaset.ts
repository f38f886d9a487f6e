/**
 * The ReplicaSet controller, after pkg/controller/replicaset/replica_set.go
 * (syncReplicaSet, manageReplicas). The same controller serves ReplicationControllers,
 * as upstream runs pkg/controller/replication through a conversion to ReplicaSets:
 * only the selector (a plain label map) and the event source differ.
 *
 * A sync claims the active pods (adopting matching orphans, releasing pods that no
 * longer match), creates the missing ones in slow-start batches or deletes the
 * surplus by the scale-down ranking — at most 500 either way — and writes the
 * status. It works the same for a ReplicaSet a Deployment owns.
 *
 * Upstream guards against its informer cache lagging behind its own writes with
 * "expectations"; this store is read-your-writes, so a sync always sees its pods.
 *
 * Keys: `ReplicaSet/<ns>/<name>` and `ReplicationController/<ns>/<name>` sync one
 * owner; `orphan/<ns>/<pod>` wakes every owner whose selector matches an orphan pod.
 */
import { fromLabelSelector, fromSet, matches, NOTHING, type Selector } from '../api/labels';
import { jsonEqual, type WatchEvent } from '../api/store';
import type { KubeObject, Pod } from '../api/types';
import type { PodTemplateSpec, ReplicaSetStatus } from '../api/workload-types';
import type { EventSource } from '../events/recorder';
import { getPodsToDelete } from './activepods';
import type { ControllerContext } from './context';
import { claimObjects, getControllerOf, newControllerRef } from './controllerref';
import type { Controller } from './manager';
import { createPod, deletePod, SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './podcontrol';
import { orphanPods, podsControlledBy } from './podindex';
import { filterActivePods, getPodReadyCondition, msUntilAvailable } from './podutil';
import { calculateStatus, statusToWrite } from './replicaset-status';

export const REPLICASET_CONTROLLER = 'replicaset';

/** burstReplicas: the most pods one sync creates or deletes (the rest wait for the next sync). */
export const BURST_REPLICAS = 500;

/** workqueue.DefaultControllerRateLimiter's per-item backoff: 5ms doubling to 1000s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1_000_000;

type OwnerKind = 'ReplicaSet' | 'ReplicationController';

interface KindRules {
  source: EventSource;
  selector(o: KubeObject): Selector;
  template(o: KubeObject): PodTemplateSpec | undefined;
}

const KINDS: Record<OwnerKind, KindRules> = {
  ReplicaSet: {
    source: { component: 'replicaset-controller' },
    selector: (o) => fromLabelSelector(o.spec?.selector),
    template: (o) => o.spec?.template,
  },
  ReplicationController: {
    source: { component: 'replication-controller' },
    // The conversion turns the map into matchLabels; no map selects nothing.
    selector: (o) => (o.spec?.selector ? fromSet(o.spec.selector) : NOTHING),
    template: (o) => o.spec?.template,
  },
};

function isOwnerKind(kind: string | undefined): kind is OwnerKind {
  return kind === 'ReplicaSet' || kind === 'ReplicationController';
}

interface RsState {
  /** key → consecutive failed syncs (the rate limiter's memory; forgotten on success) */
  failures: Record<string, number>;
}

function initState(): RsState {
  return { failures: {} };
}

export function createReplicaSetController(): Controller {
  return {
    name: REPLICASET_CONTROLLER,
    onEvent: podOrOwnerEvent,
    reconcile(key, ctx) {
      const [kind, ns, name] = splitKey(key);
      if (kind === 'orphan') wakeOwnersOfOrphan(ctx, ns, name);
      else if (isOwnerKind(kind)) syncWithBackoff(ctx, key, kind, ns, name);
    },
  };
}

function splitKey(key: string): [string, string, string] {
  const a = key.indexOf('/');
  const b = key.indexOf('/', a + 1);
  return [key.slice(0, a), key.slice(a + 1, b), key.slice(b + 1)];
}

function ownerKey(kind: string, ns: string | undefined, name: string): string {
  return `${kind}/${ns ?? ''}/${name}`;
}

/** addPod / updatePod / deletePod and the owner's own add/update/delete handlers. */
function podOrOwnerEvent(ev: WatchEvent, enqueue: (key: string) => void): void {
  const o = ev.object;
  if (isOwnerKind(o.kind)) {
    enqueue(ownerKey(o.kind, o.metadata.namespace, o.metadata.name));
    return;
  }
  if (o.kind !== 'Pod') return;
  if (ev.type === 'MODIFIED' && ev.old && !podChangeMatters(ev.old as Pod, o as Pod)) return;
  const ns = o.metadata.namespace;
  const ref = getControllerOf(o);
  const oldRef = ev.old ? getControllerOf(ev.old) : undefined;
  if (ref && isOwnerKind(ref.kind)) enqueue(ownerKey(ref.kind, ns, ref.name));
  if (oldRef && oldRef.uid !== ref?.uid && isOwnerKind(oldRef.kind)) enqueue(ownerKey(oldRef.kind, ns, oldRef.name));
  if (ref || ev.type === 'DELETED') return;
  // An orphan: whoever selects it may adopt it — when it appears, or when its labels
  // or ownership change (a released pod may match another owner).
  const labelsChanged =
    ev.old !== undefined && JSON.stringify(ev.old.metadata.labels ?? {}) !== JSON.stringify(o.metadata.labels ?? {});
  if (ev.type === 'ADDED' || labelsChanged || oldRef) enqueue(`orphan/${ns}/${o.metadata.name}`);
}

/**
 * Upstream's updatePod enqueues the owner on every pod update; only these fields can
 * change what a sync does or reports, so other updates (container states, IPs,
 * restarts) skip a sync that would be a no-op.
 */
function podChangeMatters(old: Pod, cur: Pod): boolean {
  const ready = (p: Pod) => {
    const c = getPodReadyCondition(p);
    return `${c?.status}/${c?.lastTransitionTime}`;
  };
  return (
    old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp ||
    old.status?.phase !== cur.status?.phase ||
    old.spec?.nodeName !== cur.spec?.nodeName ||
    ready(old) !== ready(cur) ||
    !jsonEqual(old.metadata.labels, cur.metadata.labels) ||
    !jsonEqual(old.metadata.ownerReferences, cur.metadata.ownerReferences) ||
    !jsonEqual(old.metadata.annotations, cur.metadata.annotations)
  );
}

/** getPodReplicaSets / getPodControllers: every owner in the namespace whose selector matches. */
function wakeOwnersOfOrphan(ctx: ControllerContext, ns: string, podName: string): void {
  const pod = ctx.store.get('Pod', ns, podName) as Pod | undefined;
  if (!pod || getControllerOf(pod)) return;
  for (const kind of ['ReplicaSet', 'ReplicationController'] as const) {
    for (const owner of ctx.store.list(kind, ns)) {
      if (matches(KINDS[kind].selector(owner), pod.metadata.labels)) {
        ctx.enqueue(REPLICASET_CONTROLLER, ownerKey(kind, ns, owner.metadata.name));
      }
    }
  }
}

/** processNextWorkItem: a failed sync comes back after the rate limiter's delay. */
function syncWithBackoff(ctx: ControllerContext, key: string, kind: OwnerKind, ns: string, name: string): void {
  const s = ctx.state(initState);
  const err = syncReplicaSet(ctx, key, kind, ns, name);
  if (err === undefined) {
    delete s.failures[key];
    return;
  }
  const n = (s.failures[key] ?? 0) + 1;
  s.failures[key] = n;
  ctx.after(Math.min(BACKOFF_BASE_MS * 2 ** (n - 1), BACKOFF_MAX_MS), key);
}

/** syncReplicaSet: returns the error that makes the key come back, if any. */
function syncReplicaSet(
  ctx: ControllerContext,
  key: string,
  kind: OwnerKind,
  ns: string,
  name: string,
): string | undefined {
  const rs = ctx.store.get(kind, ns, name);
  if (!rs) return undefined;
  const rules = KINDS[kind];
  const selector = rules.selector(rs);
  // What claiming can touch: the pods it owns (to release those that stopped matching)
  // and the namespace's orphans (to adopt); pods of other controllers are never claimed.
  const candidates = [...podsControlledBy(ctx.store, rs.metadata.uid), ...orphanPods(ctx.store, ns)];
  const active = filterActivePods(candidates);
  const { claimed, errors } = claimObjects(ctx, active, { owner: rs, selector });
  if (errors.length > 0) return errors[0];

  const manageError = rs.metadata.deletionTimestamp ? undefined : manageReplicas(ctx, rules, rs, claimed);

  const now = ctx.clock.now();
  const replicas = desiredReplicas(rs);
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const next = calculateStatus(
    { status: rs.status, replicas, minReadySeconds, templateLabels: rules.template(rs)?.metadata?.labels },
    claimed,
    manageError,
    now,
    ctx.clock.timestamp(),
  );
  const status = statusToWrite(rs.status as ReplicaSetStatus | undefined, next, rs.metadata.generation);
  if (status) {
    const fresh = ctx.store.get(kind, ns, name);
    if (fresh && fresh.metadata.uid === rs.metadata.uid) ctx.api.updateStatus({ ...fresh, status });
  }
  // Upstream resyncs after minReadySeconds; on a virtual clock the exact instant the
  // next pod turns available is known, so wake up then.
  if (manageError === undefined && minReadySeconds > 0) {
    let wait: number | undefined;
    for (const p of claimed) {
      const ms = msUntilAvailable(p, minReadySeconds, now);
      if (ms !== undefined && ms > 0) wait = Math.min(wait ?? ms, ms);
    }
    if (wait !== undefined) ctx.after(wait, key);
  }
  return manageError;
}

function desiredReplicas(rs: KubeObject): number {
  const r = rs.spec?.replicas;
  return typeof r === 'number' ? r : 1;
}

/** manageReplicas: create the missing pods or delete the surplus; the first error, if any. */
function manageReplicas(ctx: ControllerContext, rules: KindRules, rs: KubeObject, pods: Pod[]): string | undefined {
  const diff = pods.length - desiredReplicas(rs);
  if (diff < 0) {
    const template = rules.template(rs);
    if (!template) return 'unable to create pods, no template';
    const ref = newControllerRef(rs);
    const { error } = slowStartBatch(Math.min(-diff, BURST_REPLICAS), SLOW_START_INITIAL_BATCH_SIZE, () => {
      const out = createPod(ctx, rules.source, rs, template, ref);
      return 'error' in out ? out.error : undefined;
    });
    return error;
  }
  if (diff > 0) {
    const related = indirectlyRelatedPods(ctx, rs);
    const toDelete = getPodsToDelete(pods, related, Math.min(diff, BURST_REPLICAS), ctx.clock.now());
    let first: string | undefined;
    for (const p of toDelete) {
      const err = deletePod(ctx, rules.source, rs, p);
      first ??= err;
    }
    return first;
  }
  return undefined;
}

/**
 * getIndirectlyRelatedPods: the pods selected by every owner with the same
 * controller as this one (a Deployment's ReplicaSets), so scale-down ranks by how
 * crowded a node is with the whole family. An owner without a controller has none.
 */
function indirectlyRelatedPods(ctx: ControllerContext, rs: KubeObject): Pod[] {
  const controller = getControllerOf(rs);
  if (!controller || !isOwnerKind(rs.kind)) return [];
  const rules = KINDS[rs.kind];
  const ns = rs.metadata.namespace;
  const siblings = ctx.store.list(rs.kind, ns).filter((o) => getControllerOf(o)?.uid === controller.uid);
  const pods = ctx.store.list('Pod', ns) as Pod[];
  const seen = new Set<string>();
  const out: Pod[] = [];
  for (const sib of siblings) {
    const sel = rules.selector(sib);
    for (const p of pods) {
      if (seen.has(p.metadata.uid) || !matches(sel, p.metadata.labels)) continue;
      seen.add(p.metadata.uid);
      out.push(p);
    }
  }
  return out;
}
