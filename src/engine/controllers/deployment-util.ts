/**
 * The arithmetic of Deployment rollouts, after pkg/controller/deployment/util/
 * deployment_util.go: how far a rollout may surge above or dip below the desired
 * count, how big the new ReplicaSet may get, which ReplicaSet is the new one, and
 * when a rollout counts as complete, progressing or timed out. Pure functions over
 * plain objects, so the upstream tables run against them directly.
 */
import { jsonEqual } from '../api/store';
import type { Deployment, DeploymentStatus, IntOrString, PodTemplateSpec, ReplicaSet } from '../api/workload-types';
import { timeOf } from './podutil';

/** apps.DefaultDeploymentUniqueLabelKey: the label that tells one ReplicaSet's pods from another's. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** math.MaxInt32: a progressDeadlineSeconds of this means "no deadline". */
export const MAX_INT32 = 2147483647;

/** A maxSurge or maxUnavailable that is neither an int nor a percentage. */
export class FencepostError extends Error {}

/**
 * intstrutil.GetScaledValueFromIntOrPercent: an int as is, "n%" of `total` rounded up
 * or down. Throws with upstream's words for anything else.
 */
export function scaledValueFromIntOrPercent(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (!v.endsWith('%')) {
    throw new FencepostError('invalid value for IntOrString: invalid type: string is not a percentage');
  }
  const digits = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) {
    throw new FencepostError(
      `invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`,
    );
  }
  const product = Number(digits) * total;
  return roundUp ? Math.ceil(product / 100) : Math.floor(product / 100);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and when both come
 * to zero maxUnavailable becomes 1 — a rollout must be able to move.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = scaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function specReplicas(o: { spec?: { replicas?: number } } | undefined): number {
  return o?.spec?.replicas ?? 0;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** Fenceposts of a RollingUpdate deployment; validation keeps the values sane, a bad one counts as 0. */
function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  try {
    return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d));
  } catch {
    return { surge: 0, unavailable: 0 };
  }
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

/** MaxUnavailable: 0 for Recreate or no replicas, never more than the replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
}

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export function replicaCount(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += specReplicas(rs);
  return n;
}

/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export function actualReplicaCount(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.replicas ?? 0;
  return n;
}

export function readyReplicaCount(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.readyReplicas ?? 0;
  return n;
}

export function availableReplicaCount(rss: (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.availableReplicas ?? 0;
  return n;
}

/**
 * NewRSNewReplicas: RollingUpdate grows the new ReplicaSet as far as the surge allows
 * (never past the desired count); Recreate goes straight to the desired count.
 * `allRSs` is what counts against the surge (upstream passes old and new).
 */
export function newRSNewReplicas(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = scaledValueFromIntOrPercent(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const current = replicaCount(allRSs);
  const maxTotalPods = replicas + surge;
  if (current >= maxTotalPods) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotalPods - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta === tb) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return (timeOf(ta) ?? 0) - (timeOf(tb) ?? 0);
}

/** ReplicaSetsBySizeOlder: bigger first; equal sizes older first (scale-down takes from the old). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(b) - specReplicas(a) || byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: bigger first; equal sizes newer first (scale-up favours the new). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(b) - specReplicas(a) || byCreationTimestamp(b, a);
}

/** FilterActiveReplicaSets: the ones asked to run pods. */
export function activeReplicaSets(rss: (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0);
}

/**
 * EqualIgnoreHash: the templates match once the pod-template-hash label is removed.
 * apimachinery's semantic equality treats an empty map or list like a missing one.
 */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return jsonEqual(normalize(withoutHash(a)), normalize(withoutHash(b)));
}

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  if (!t?.metadata?.labels || !(POD_TEMPLATE_HASH_LABEL in t.metadata.labels)) return t;
  const { [POD_TEMPLATE_HASH_LABEL]: _, ...labels } = t.metadata.labels;
  return { ...t, metadata: { ...t.metadata, labels } };
}

function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalize);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const n = normalize(x);
    if (n !== undefined) out[k] = n;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template equals the deployment's
 * (more than one can exist after an upgrade; upstream picks the oldest).
 */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  const sorted = [...rsList].sort(byCreationTimestamp);
  return sorted.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets: every other ReplicaSet (`all`), and those still asked for pods (`required`). */
export function findOldReplicaSets(
  d: Deployment,
  rsList: ReplicaSet[],
): { required: ReplicaSet[]; all: ReplicaSet[]; newRS: ReplicaSet | undefined } {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
  return { required: all.filter((rs) => specReplicas(rs) !== 0), all, newRS };
}

/**
 * FindActiveOrLatest: the only ReplicaSet with pods, or when none has any the new one
 * (else the newest old one); undefined when several have pods.
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/**
 * DeploymentComplete: every desired replica is updated and available, no old one is
 * left, and the status speaks of the current generation.
 */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const replicas = specReplicas(d);
  return (
    (s.updatedReplicas ?? 0) === replicas &&
    (s.replicas ?? 0) === replicas &&
    (s.availableReplicas ?? 0) === replicas &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: compared with the status last written, more pods are updated,
 * fewer old ones remain, or more are ready or available.
 */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const nextOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    nextOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** HasProgressDeadline: set, and not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== null && s !== MAX_INT32;
}

/** HasRevisionHistoryLimit */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}
