/**
 * The annotations a Deployment and its ReplicaSets carry, after
 * pkg/controller/deployment/util/deployment_util.go: the revision number (how
 * `kubectl rollout history` and `undo` find a template again), the revisions a
 * ReplicaSet held before a rollback brought it back, and the desired/max replica
 * counts proportional scaling reads to know the size the deployment had before.
 */
import type { KubeObject } from '../api/types';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import { maxSurge, specReplicas } from './deployment-util';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** apps.DeprecatedRollbackTo */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The deployment controller's maxRevHistoryLengthInChars. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** annotationsToSkip: never copied from a Deployment to its ReplicaSets. */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

export function skipCopyAnnotation(key: string): boolean {
  return ANNOTATIONS_TO_SKIP.has(key);
}

/** Go's strconv.ParseInt(s, 10, 64), undefined on error. */
function parseInt64(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** Revision: the revision annotation as a number; absent means 0, unparsable undefined. */
export function revisionOf(o: KubeObject): number | undefined {
  const v = o.metadata.annotations?.[REVISION_ANNOTATION];
  return v === undefined ? 0 : parseInt64(v);
}

/** MaxRevision: the highest parsable revision (0 when there is none). */
export function maxRevision(rss: ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs) ?? 0);
  return max;
}

/** copyDeploymentAnnotationsToReplicaSet: the user's annotations follow the template into the ReplicaSet. */
function copyDeploymentAnnotations(d: Deployment, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations on `annotations` (the new ReplicaSet's, mutated): copy
 * the deployment's, raise the revision to `newRevision` when it is higher, remember
 * the revision it replaces (a rollback re-uses an old ReplicaSet), and on creation add
 * the replica annotations. Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  annotations: Record<string, string>,
  newRevision: string,
  exists: boolean,
  historyLimitInChars = MAX_REV_HISTORY_LENGTH_IN_CHARS,
): boolean {
  let changed = copyDeploymentAnnotations(d, annotations);
  const had = REVISION_ANNOTATION in annotations;
  const oldRevision = annotations[REVISION_ANNOTATION] ?? '';
  let oldInt = parseInt64(oldRevision);
  if (oldInt === undefined) {
    if (oldRevision !== '') return false;
    oldInt = 0;
  }
  const newInt = parseInt64(newRevision);
  if (newInt === undefined) return false;
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (had) recordOldRevision(annotations, oldRevision, historyLimitInChars);
  }
  if (!exists && setReplicasAnnotations(annotations, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** The revision-history list, trimmed from the front to stay within the character limit. */
function recordOldRevision(annotations: Record<string, string>, oldRevision: string, limit: number): void {
  const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
  const old = history.split(',');
  if (old[0].length === 0) {
    annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limit && start < old.length) {
    total -= old[start].length + 1;
    start++;
  }
  if (total <= limit) annotations[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
}

/** SetReplicasAnnotations: desired and max replicas; returns whether they changed. */
export function setReplicasAnnotations(annotations: Record<string, string>, desired: number, max: number): boolean {
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

/** ReplicasAnnotationsNeedUpdate */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return !a || a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** GetDesiredReplicasAnnotation / getMaxReplicasAnnotation: the number, if present and an int32. */
export function replicasAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined) return undefined;
  const n = parseInt64(v);
  return n !== undefined && Math.abs(n) <= 2147483647 ? n : undefined;
}

/** IsSaturated: the new ReplicaSet has all the deployment's replicas, and they are all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = replicasAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
  if (desired === undefined) return false;
  const replicas = specReplicas(d);
  return specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/**
 * GetReplicaSetProportion: this ReplicaSet's share of `toAdd` when a deployment is
 * resized mid-rollout — its size scaled by new-max / old-max (the max-replicas
 * annotation remembers the old one), bounded by what is still left to hand out.
 */
export function replicaSetProportion(d: Deployment, rs: ReplicaSet, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(d, rs);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(d: Deployment, rs: ReplicaSet): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const newMax = specReplicas(d) + maxSurge(d);
  let oldMax = replicasAnnotation(rs, MAX_REPLICAS_ANNOTATION);
  // A hand-edited annotation: fall back to the deployment's size as last observed.
  if (oldMax === undefined || oldMax === 0) oldMax = d.status?.replicas ?? 0;
  if (oldMax === 0) return 0;
  return roundHalfAwayFromZero((specReplicas(rs) * newMax) / oldMax) - specReplicas(rs);
}

/** integer.RoundToInt32 (math.Round: halves away from zero). */
function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
