/**
 * The StatefulSet controller, after pkg/controller/statefulset/stateful_set.go (sync,
 * getPodsForStatefulSet) and stateful_set_control.go (getStatefulSetRevisions,
 * updateStatefulSet, processReplica, processCondemned, updateStatefulSetStatus,
 * truncateHistory).
 *
 * Pods are `<set>-<ordinal>` with stable identity and storage. OrderedReady creates
 * one ordinal at a time, each only after every lower one is Running and Ready (and
 * available), and scales down from the highest ordinal, one at a time; Parallel does
 * both at once. A RollingUpdate deletes the highest-ordinal pod that is not at the
 * update revision (down to the partition), one at a time, waiting for each to come
 * back healthy; a deleted pod is recreated with the same name.
 *
 * Keys: `<ns>/<name>`.
 */
import { fromLabelSelector } from '../api/labels';
import type { WatchEvent } from '../api/store';
import type { Pod } from '../api/types';
import type { ControllerRevision, StatefulSet, StatefulSetStatus } from '../api/workload-types';
import type { ControllerContext } from './context';
import { claimObjects, getControllerOf } from './controllerref';
import {
  createControllerRevision,
  DEFAULT_REVISION_HISTORY_LIMIT,
  equalRevision,
  findEqualRevisions,
  listOwnedRevisions,
  newControllerRevision,
  nextRevision,
  sortRevisions,
  templatePatch,
  truncateHistory,
  updateRevisionNumber,
} from './history';
import type { Controller } from './manager';
import { msUntilAvailable } from './podutil';
import {
  createMissingClaims,
  createStatefulPod,
  deleteStatefulPod,
  SOURCE,
  updateStatefulPod,
} from './statefulset-podcontrol';
import {
  allowsBurst,
  applyRevision,
  getOrdinal,
  getPodRevision,
  identityMatches,
  isCreated,
  isFailed,
  isHealthy,
  isMemberOf,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  newVersionedStatefulSetPod,
  podInOrdinalRange,
  startOrdinal,
  storageMatches,
} from './statefulset-utils';

export const STATEFULSET_CONTROLLER = 'statefulset';

export function createStatefulSetController(): Controller {
  return {
    name: STATEFULSET_CONTROLLER,
    onEvent,
    reconcile(key, ctx) {
      const i = key.indexOf('/');
      sync(ctx, key, key.slice(0, i), key.slice(i + 1));
    },
  };
}

function onEvent(ev: WatchEvent, enqueue: (key: string) => void): void {
  const o = ev.object;
  const ns = o.metadata.namespace;
  if (o.kind === 'StatefulSet') {
    enqueue(`${ns}/${o.metadata.name}`);
    return;
  }
  if (o.kind !== 'Pod' && o.kind !== 'ControllerRevision') return;
  const ref = getControllerOf(o);
  if (ref?.kind === 'StatefulSet') enqueue(`${ns}/${ref.name}`);
  const oldRef = ev.old ? getControllerOf(ev.old) : undefined;
  if (oldRef?.kind === 'StatefulSet' && oldRef.uid !== ref?.uid) enqueue(`${ns}/${oldRef.name}`);
  // An orphan named like a set's pod may be adopted by it (getStatefulSetsForPod).
  if (o.kind === 'Pod' && !ref && ev.type !== 'DELETED') {
    const m = /^(.*)-[0-9]+$/.exec(o.metadata.name);
    if (m) enqueue(`${ns}/${m[1]}`);
  }
}

function sync(ctx: ControllerContext, key: string, ns: string, name: string): void {
  const set = ctx.store.get('StatefulSet', ns, name) as StatefulSet | undefined;
  if (!set) return;
  const selector = fromLabelSelector(set.spec.selector);
  const revisions = sortRevisions(listOwnedRevisions(ctx, set, selector));
  const all = (ctx.store.list('Pod', ns) as Pod[]).filter(
    (p) => isMemberOf(set, p) || getControllerOf(p)?.uid === set.metadata.uid,
  );
  const { claimed } = claimObjects(ctx, all, { owner: set, selector, filter: (p) => isMemberOf(set, p) });
  const pods = claimed.sort((a, b) => getOrdinal(a) - getOrdinal(b));

  const { current, update, collisionCount } = getRevisions(ctx, set, revisions);
  const status = updateStatefulSet(ctx, set, current, update, collisionCount, pods);
  writeStatus(ctx, set, status);
  const live = new Set([current.metadata.name, update.metadata.name, ...pods.map(getPodRevision)]);
  const fresh = sortRevisions(listOwnedRevisions(ctx, set, selector));
  truncateHistory(ctx, fresh, live, set.spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT);

  // Upstream resyncs after minReadySeconds; the virtual clock knows the exact instant.
  const minReady = set.spec.minReadySeconds ?? 0;
  if (minReady > 0 && status.availableReplicas !== (set.spec.replicas ?? 1)) {
    let wait: number | undefined;
    for (const p of pods) {
      const ms = msUntilAvailable(p, minReady, ctx.clock.now());
      if (ms !== undefined && ms > 0) wait = Math.min(wait ?? ms, ms);
    }
    if (wait !== undefined) ctx.after(wait, key);
  }
}

/**
 * getStatefulSetRevisions: the update revision is the set's template — the newest
 * revision if equal, an older equal one renumbered (a rollback), or a new one; the
 * current revision is status.currentRevision, or the update revision at first.
 */
function getRevisions(
  ctx: ControllerContext,
  set: StatefulSet,
  revisions: ControllerRevision[],
): { current: ControllerRevision; update: ControllerRevision; collisionCount: number } {
  const collision = { count: set.status?.collisionCount ?? 0 };
  const candidate = newControllerRevision(
    set,
    set.spec.template.metadata?.labels,
    templatePatch(set),
    nextRevision(revisions),
    collision.count,
  );
  if (set.metadata.annotations) candidate.metadata.annotations = { ...set.metadata.annotations };
  const equal = findEqualRevisions(revisions, candidate);
  let update: ControllerRevision;
  if (equal.length > 0 && equalRevision(revisions[revisions.length - 1], equal[equal.length - 1])) {
    update = revisions[revisions.length - 1];
  } else if (equal.length > 0) {
    update = updateRevisionNumber(ctx, equal[equal.length - 1], candidate.revision);
  } else {
    update = createControllerRevision(ctx, set, candidate, collision);
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount: collision.count };
}

/** updateStatus / computeReplicaStatus over the pods that exist. */
function countReplicas(
  set: StatefulSet,
  current: ControllerRevision,
  update: ControllerRevision,
  pods: Pod[],
  now: number,
): Pick<StatefulSetStatus, 'replicas' | 'readyReplicas' | 'availableReplicas' | 'currentReplicas' | 'updatedReplicas'> {
  const c = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const p of pods) {
    if (isCreated(p)) c.replicas++;
    if (isRunningAndReady(p)) {
      c.readyReplicas++;
      if (isRunningAndAvailable(p, set.spec.minReadySeconds ?? 0, now)) c.availableReplicas++;
    }
    if (isCreated(p) && !isTerminating(p)) {
      const rev = getPodRevision(p);
      if (rev === current.metadata.name) c.currentReplicas++;
      if (rev === update.metadata.name) c.updatedReplicas++;
    }
  }
  return c;
}

/** updateStatefulSet: one pass of creates, repairs, scale-down and update; returns the status. */
function updateStatefulSet(
  ctx: ControllerContext,
  set: StatefulSet,
  currentRevision: ControllerRevision,
  updateRevision: ControllerRevision,
  collisionCount: number,
  pods: Pod[],
): StatefulSetStatus {
  const now = ctx.clock.now();
  const currentSet = applyRevision(set, currentRevision);
  const updateSet = applyRevision(set, updateRevision);
  const base = {
    observedGeneration: set.metadata.generation,
    currentRevision: currentRevision.metadata.name,
    updateRevision: updateRevision.metadata.name,
    collisionCount,
  };
  const start = startOrdinal(set);
  const replicaCount = set.spec.replicas ?? 1;
  const replicas: Pod[] = new Array(replicaCount);
  const condemned: Pod[] = [];
  for (const p of pods) {
    if (podInOrdinalRange(p, set)) replicas[getOrdinal(p) - start] = p;
    else if (getOrdinal(p) >= 0) condemned.push(p);
  }
  const fresh = (ord: number) =>
    newVersionedStatefulSetPod(currentSet, updateSet, currentRevision.metadata.name, updateRevision.metadata.name, ord);
  for (let i = 0; i < replicaCount; i++) replicas[i] ??= fresh(start + i);
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
  const status = (): StatefulSetStatus => ({
    ...base,
    ...countReplicas(set, currentRevision, updateRevision, [...replicas, ...condemned], now),
  });
  let firstUnhealthy: Pod | undefined;
  for (const p of replicas) if (!isHealthy(p)) firstUnhealthy ??= p;
  for (let i = condemned.length - 1; i >= 0; i--) if (!isHealthy(condemned[i])) firstUnhealthy ??= condemned[i];

  if (set.metadata.deletionTimestamp)
    return { ...base, ...countReplicas(set, currentRevision, updateRevision, pods, now) };
  const monotonic = !allowsBurst(set);
  const minReady = set.spec.minReadySeconds ?? 0;

  /** processReplica: true = stop here (monotonic) */
  const processReplica = (i: number): boolean => {
    let pod = replicas[i];
    if (isFailed(pod) || isSucceeded(pod)) {
      const ns = set.metadata.namespace;
      if (isFailed(pod)) {
        ctx.events.warning(
          SOURCE,
          set,
          'RecreatingFailedPod',
          `StatefulSet ${ns}/${set.metadata.name} is recreating failed Pod ${pod.metadata.name}`,
        );
      } else {
        ctx.events.normal(
          SOURCE,
          set,
          'RecreatingTerminatedPod',
          `StatefulSet ${ns}/${set.metadata.name} is recreating terminated Pod ${pod.metadata.name}`,
        );
      }
      if (deleteStatefulPod(ctx, set, pod) !== undefined) return true;
      pod = replicas[i] = fresh(start + i);
    }
    if (!isCreated(pod)) {
      if (createStatefulPod(ctx, set, pod) !== undefined) return true;
      if (monotonic) return true;
    }
    if (isPending(pod) && createMissingClaims(ctx, set, pod) !== undefined) return true;
    if (!isRunningAndReady(pod) && monotonic) return true;
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic) return true;
    if (isCreated(pod) && !(identityMatches(set, pod) && storageMatches(set, pod))) {
      if (updateStatefulPod(ctx, updateSet, pod) !== undefined) return true;
    }
    return false;
  };
  if (runForAll(replicas.length, processReplica, monotonic)) return status();

  /** processCondemned: true = stop here */
  const processCondemned = (i: number): boolean => {
    const pod = condemned[i];
    if (isTerminating(pod)) return monotonic;
    if (monotonic && pod !== firstUnhealthy) {
      if (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now)) return true;
    }
    deleteStatefulPod(ctx, set, pod);
    return true;
  };
  if (runForAll(condemned.length, processCondemned, monotonic)) return status();
  if (set.spec.updateStrategy?.type === 'OnDelete') return status();

  // The rolling update: the highest ordinal not at the update revision goes first.
  const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (getPodRevision(pod) !== updateRevision.metadata.name && !isTerminating(pod)) {
      deleteStatefulPod(ctx, set, pod);
      const s = status();
      return { ...s, currentReplicas: (s.currentReplicas ?? 0) - 1 };
    }
    if (!isHealthy(pod)) return status();
  }
  return status();
}

/**
 * runForAll: in order, stopping at the first pod that blocks (OrderedReady); or every
 * pod regardless (Parallel; upstream runs them in slow-start batches). True when the
 * pass stopped early.
 */
function runForAll(n: number, fn: (i: number) => boolean, monotonic: boolean): boolean {
  for (let i = 0; i < n; i++) {
    if (fn(i) && monotonic) return true;
  }
  return false;
}

/**
 * updateStatefulSetStatus: completeRollingUpdate (all updated and ready → the update
 * revision becomes current), then write if anything changed. readyReplicas,
 * currentReplicas and updatedReplicas are omitted at 0, as their omitempty does.
 */
function writeStatus(ctx: ControllerContext, set: StatefulSet, s: StatefulSetStatus): void {
  const status = { ...s };
  if (
    set.spec.updateStrategy?.type === 'RollingUpdate' &&
    status.updatedReplicas === status.replicas &&
    status.readyReplicas === status.replicas
  ) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
  const out: Record<string, unknown> = {
    observedGeneration: status.observedGeneration,
    replicas: status.replicas,
    readyReplicas: status.readyReplicas,
    currentReplicas: status.currentReplicas,
    updatedReplicas: status.updatedReplicas,
    currentRevision: status.currentRevision,
    updateRevision: status.updateRevision,
    collisionCount: status.collisionCount,
    availableReplicas: status.availableReplicas,
  };
  for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (!out[k]) delete out[k];
  const fresh = ctx.store.get('StatefulSet', set.metadata.namespace, set.metadata.name) as StatefulSet | undefined;
  if (!fresh || fresh.metadata.uid !== set.metadata.uid) return;
  const next = { ...out, ...(fresh.status?.conditions ? { conditions: fresh.status.conditions } : {}) };
  if (JSON.stringify(next) === JSON.stringify(fresh.status ?? {})) return;
  ctx.api.updateStatus({ ...fresh, status: next as unknown as StatefulSetStatus });
}
