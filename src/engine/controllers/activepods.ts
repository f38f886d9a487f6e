/**
 * Which pods go first when a controller scales down, after controller.ActivePods and
 * controller.ActivePodsWithRanks (pkg/controller/controller_utils.go) and
 * getPodsToDelete (pkg/controller/replicaset/replica_set.go). The ordering puts the
 * pods that cost least to lose first: not yet running, not ready, doubled up on a
 * node, ready for a short time, crashing, young.
 *
 * Both LogarithmicScaleDown (GA) and PodDeletionCost (beta, on by default) are on,
 * as in a current cluster.
 */
import type { Pod } from '../api/types';
import { isPodActive, isPodReady, maxContainerRestarts, podDeletionCost, podReadyTime, timeOf } from './podutil';

/** Pending < Unknown < Running; a phase not listed ranks like Pending (Go's map zero value). */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(p: Pod): number {
  return PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;
}

/** afterOrZero: is t1 after t2, where a zero (missing) time counts as after any real one. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/**
 * logarithmicRankDiff: compares floor(log2(age in nanoseconds)), so pods of a similar
 * age (within a factor of two) tie and the tie goes to the uid — a random choice
 * among them rather than always the very newest.
 */
function logarithmicRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const ns = (nowMs - t) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** compareMaxContainerRestarts: more restarts first; sidecar restarts break a tie. */
function compareRestarts(a: Pod, b: Pod): boolean | undefined {
  const ra = maxContainerRestarts(a);
  const rb = maxContainerRestarts(b);
  if (ra.regular !== rb.regular) return ra.regular > rb.regular;
  if (ra.sidecar !== rb.sidecar) return ra.sidecar > rb.sidecar;
  return undefined;
}

function uidLess(a: Pod, b: Pod): boolean {
  return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
}

/** Steps 1–3 shared by both orderings; undefined when they tie. */
function lessByStateAndReadiness(a: Pod, b: Pod): boolean | undefined {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  // 1. unassigned < assigned
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending < Unknown < Running
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  // 3. not ready < ready
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  return undefined;
}

/** ActivePods.Less: the plain ordering (no node ranks, no logarithmic buckets). */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const s = lessByStateAndReadiness(a, b);
  if (s !== undefined) return s;
  // 4. ready for a shorter time < longer
  if (isPodReady(a) && isPodReady(b)) {
    const ta = podReadyTime(a);
    const tb = podReadyTime(b);
    if (ta !== tb) return afterOrZero(ta, tb);
  }
  // 5. more restarts < fewer
  const r = compareRestarts(a, b);
  if (r !== undefined) return r;
  // 6. newer < older
  const ca = timeOf(a.metadata.creationTimestamp);
  const cb = timeOf(b.metadata.creationTimestamp);
  if (ca !== cb) return afterOrZero(ca, cb);
  return false;
}

export interface RankedPod {
  pod: Pod;
  /** how many active pods of the same owner family share this pod's node */
  rank: number;
}

/** ActivePodsWithRanks.Less at virtual time `nowMs`. */
export function activePodsWithRanksLess(a: RankedPod, b: RankedPod, nowMs: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const s = lessByStateAndReadiness(pa, pb);
  if (s !== undefined) return s;
  // 4. lower pod-deletion-cost < higher
  const da = podDeletionCost(pa);
  const db = podDeletionCost(pb);
  if (da !== db) return da < db;
  // 5. doubled up (more siblings on the node) < alone
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. ready for a shorter time < longer, in logarithmic buckets
  if (isPodReady(pa) && isPodReady(pb)) {
    const ta = podReadyTime(pa);
    const tb = podReadyTime(pb);
    if (ta !== tb) {
      if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
      const diff = logarithmicRankDiff(ta, tb, nowMs);
      return diff === 0 ? uidLess(pa, pb) : diff < 0;
    }
  }
  // 7. more restarts < fewer
  const r = compareRestarts(pa, pb);
  if (r !== undefined) return r;
  // 8. newer < older, in logarithmic buckets
  const ca = timeOf(pa.metadata.creationTimestamp);
  const cb = timeOf(pb.metadata.creationTimestamp);
  if (ca !== cb) {
    if (ca === undefined || cb === undefined) return afterOrZero(ca, cb);
    const diff = logarithmicRankDiff(ca, cb, nowMs);
    return diff === 0 ? uidLess(pa, pb) : diff < 0;
  }
  return false;
}

function comparator<T>(less: (a: T, b: T) => boolean): (a: T, b: T) => number {
  return (a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0);
}

/** sort.Sort(ActivePods(pods)), stable so equal pods keep their input order. Returns a new array. */
export function sortActivePods(pods: Pod[]): Pod[] {
  return [...pods].sort(comparator(activePodsLess));
}

/** What activePodsWithRanksLess reads of a pod, worked out once per sort instead of per comparison. */
interface RankKey {
  pod: Pod;
  assigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  rank: number;
  readyTime: number | undefined;
  restarts: { regular: number; sidecar: number };
  created: number | undefined;
  uid: string;
}

function rankKey(r: RankedPod): RankKey {
  const p = r.pod;
  const ready = isPodReady(p);
  return {
    pod: p,
    assigned: (p.spec?.nodeName ?? '') !== '',
    phase: phaseOrdinal(p),
    ready,
    cost: podDeletionCost(p),
    rank: r.rank,
    readyTime: ready ? podReadyTime(p) : undefined,
    restarts: maxContainerRestarts(p),
    created: timeOf(p.metadata.creationTimestamp),
    uid: p.metadata.uid ?? '',
  };
}

/** activePodsWithRanksLess over precomputed keys: the same steps in the same order. */
function rankKeyLess(a: RankKey, b: RankKey, nowMs: number): boolean {
  const na = a.pod.spec?.nodeName ?? '';
  const nb = b.pod.spec?.nodeName ?? '';
  if (na !== nb && (!a.assigned || !b.assigned)) return !a.assigned;
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ready && b.ready && a.readyTime !== b.readyTime) {
    if (a.readyTime === undefined || b.readyTime === undefined) return afterOrZero(a.readyTime, b.readyTime);
    const diff = logarithmicRankDiff(a.readyTime, b.readyTime, nowMs);
    return diff === 0 ? a.uid < b.uid : diff < 0;
  }
  if (a.restarts.regular !== b.restarts.regular) return a.restarts.regular > b.restarts.regular;
  if (a.restarts.sidecar !== b.restarts.sidecar) return a.restarts.sidecar > b.restarts.sidecar;
  if (a.created !== b.created) {
    if (a.created === undefined || b.created === undefined) return afterOrZero(a.created, b.created);
    const diff = logarithmicRankDiff(a.created, b.created, nowMs);
    return diff === 0 ? a.uid < b.uid : diff < 0;
  }
  return false;
}

/** sort.Sort(ActivePodsWithRanks{...}), stable. Returns the pods in deletion order. */
export function sortActivePodsWithRanks(ranked: RankedPod[], nowMs: number): Pod[] {
  return ranked
    .map(rankKey)
    .sort(comparator((a, b) => rankKeyLess(a, b, nowMs)))
    .map((k) => k.pod);
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: a pod's rank is how many active pods among
 * `related` (the pods of every ReplicaSet with the same controlling owner, this one's
 * included) run on its node, so scale-down spreads what remains.
 */
export function rankByRelatedPodsOnSameNode(pods: Pod[], related: Pod[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec?.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

/** getPodsToDelete: the first `diff` pods of the ranked order (no sorting when all go). */
export function getPodsToDelete(pods: Pod[], related: Pod[], diff: number, nowMs: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  return sortActivePodsWithRanks(rankByRelatedPodsOnSameNode(pods, related), nowMs).slice(0, diff);
}
