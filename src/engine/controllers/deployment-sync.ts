/**
 * The parts of a deployment sync every strategy shares, after
 * pkg/controller/deployment/sync.go: finding (or creating) the new ReplicaSet and
 * numbering revisions, resizing without a rollout, pruning old ReplicaSets past
 * revisionHistoryLimit, and computing the status.
 */
import { ApiError } from '../api/errors';
import { jsonEqual } from '../api/store';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../api/workload-types';
import { newControllerRef } from './controllerref';
import {
  DESIRED_REPLICAS_ANNOTATION,
  maxRevision,
  REVISION_ANNOTATION,
  replicasAnnotation,
  revisionOf,
  setNewReplicaSetAnnotations,
} from './deployment-annotations';
import {
  AVAILABLE,
  getDeploymentCondition,
  newDeploymentCondition,
  PROGRESSING,
  REASONS,
  setDeploymentCondition,
} from './deployment-conditions';
import { type DeploymentOps, SCALING_REPLICA_SET } from './deployment-ops';
import { scale } from './deployment-scale';
import {
  activeReplicaSets,
  actualReplicaCount,
  availableReplicaCount,
  byCreationTimestamp,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  maxUnavailable,
  newRSNewReplicas,
  POD_TEMPLATE_HASH_LABEL,
  readyReplicaCount,
  replicaCount,
  specReplicas,
} from './deployment-util';
import { computeTemplateHash } from './history';

export interface ReplicaSets {
  newRS: ReplicaSet | undefined;
  /** every old ReplicaSet, with or without pods */
  oldRSs: ReplicaSet[];
}

/** getAllReplicaSetsAndSyncRevision */
export function getAllReplicaSetsAndSyncRevision(
  ops: DeploymentOps,
  d: Deployment,
  rsList: ReplicaSet[],
  createIfNotExisted: boolean,
): ReplicaSets {
  const { all } = findOldReplicaSets(d, rsList);
  return { newRS: getNewReplicaSet(ops, d, rsList, all, createIfNotExisted), oldRSs: all };
}

/**
 * getNewReplicaSet: the ReplicaSet running the current template, its revision raised
 * above every old one. Without one, and when allowed, create it: named
 * `<deployment>-<hash>`, its selector and pod labels extended with pod-template-hash,
 * sized by NewRSNewReplicas. A name taken by a different template is a hash collision:
 * status.collisionCount goes up, and the next sync tries another name.
 */
export function getNewReplicaSet(
  ops: DeploymentOps,
  d: Deployment,
  rsList: ReplicaSet[],
  oldRSs: ReplicaSet[],
  createIfNotExisted: boolean,
): ReplicaSet | undefined {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) return syncExistingNewReplicaSet(ops, d, existing, newRevision);
  if (!createIfNotExisted) return undefined;
  return createNewReplicaSet(ops, d, oldRSs, newRevision);
}

function syncExistingNewReplicaSet(
  ops: DeploymentOps,
  d: Deployment,
  existing: ReplicaSet,
  newRevision: string,
): ReplicaSet {
  const annotations = { ...(existing.metadata.annotations ?? {}) };
  const annotationsUpdated = setNewReplicaSetAnnotations(d, annotations, newRevision, true);
  const minReadySeconds = d.spec.minReadySeconds ?? 0;
  if (annotationsUpdated || (existing.spec.minReadySeconds ?? 0) !== minReadySeconds) {
    return ops.updateReplicaSet({
      ...existing,
      metadata: { ...existing.metadata, annotations },
      spec: { ...existing.spec, minReadySeconds },
    });
  }
  let needsUpdate = setDeploymentRevision(d, existing.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
  // A deployment that never recorded progress starts its clock when its new ReplicaSet is found.
  if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, PROGRESSING)) {
    const msg = `Found new replica set "${existing.metadata.name}"`;
    setDeploymentCondition(
      statusOf(d),
      newDeploymentCondition(PROGRESSING, 'True', REASONS.foundNewReplicaSet, msg, ops.timestamp()),
    );
    needsUpdate = true;
  }
  if (needsUpdate) ops.updateDeploymentStatus(d);
  return existing;
}

function createNewReplicaSet(
  ops: DeploymentOps,
  d: Deployment,
  oldRSs: ReplicaSet[],
  newRevision: string,
): ReplicaSet | undefined {
  const template = structuredClone(d.spec.template);
  const hash = computeTemplateHash(template, d.status?.collisionCount);
  template.metadata = {
    ...template.metadata,
    labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash },
  };
  const selector = structuredClone(d.spec.selector);
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const ns = d.metadata.namespace ?? 'default';
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: ns,
      ownerReferences: [newControllerRef(d)],
      labels: { ...template.metadata.labels },
    } as ReplicaSet['metadata'],
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
  draft.spec.replicas = replicas;
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d, annotations, newRevision, false);
  draft.metadata.annotations = annotations;

  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = ops.createReplicaSet(draft);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason !== 'AlreadyExists') return failedCreate(ops, d, draft, e);
    const taken = ops.getReplicaSet(ns, draft.metadata.name);
    const ownedAndEqual =
      taken?.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid) &&
      equalIgnoreHash(d.spec.template, taken.spec.template);
    if (!taken || !ownedAndEqual) {
      statusOf(d).collisionCount = (d.status?.collisionCount ?? 0) + 1;
      ops.updateDeploymentStatus(d);
      throw e;
    }
    created = taken;
    alreadyExists = true;
  }
  if (!alreadyExists && replicas > 0) {
    ops.event(d, 'Normal', SCALING_REPLICA_SET, `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set "${created.metadata.name}"`;
    setDeploymentCondition(
      statusOf(d),
      newDeploymentCondition(PROGRESSING, 'True', REASONS.newReplicaSetCreated, msg, ops.timestamp()),
    );
    needsUpdate = true;
  }
  if (needsUpdate) ops.updateDeploymentStatus(d);
  return created;
}

/** A refused create: Progressing=False ReplicaSetCreateError and a warning, then the error. */
function failedCreate(ops: DeploymentOps, d: Deployment, draft: ReplicaSet, e: ApiError): never {
  const msg = `Failed to create new replica set "${draft.metadata.name}": ${e.message}`;
  if (hasProgressDeadline(d)) {
    setDeploymentCondition(
      statusOf(d),
      newDeploymentCondition(PROGRESSING, 'False', REASONS.failedRSCreate, msg, ops.timestamp()),
    );
    ops.updateDeploymentStatus(d);
  }
  ops.event(d, 'Warning', REASONS.failedRSCreate, msg);
  throw e;
}

export function statusOf(d: Deployment): DeploymentStatus {
  d.status ??= {};
  return d.status;
}

/** SetDeploymentRevision: the deployment's own revision annotation follows its new ReplicaSet's. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  if (d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false;
  d.metadata.annotations = { ...d.metadata.annotations, [REVISION_ANNOTATION]: revision };
  return true;
}

/**
 * cleanupDeployment: beyond revisionHistoryLimit, delete the oldest-revision old
 * ReplicaSets — only those with no pods left and a status that saw their last change.
 */
export function cleanupDeployment(ops: DeploymentOps, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (d.spec.revisionHistoryLimit ?? 0);
  if (diff <= 0) return;
  cleanable.sort((a, b) => (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0) || byCreationTimestamp(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ops.deleteReplicaSet(rs);
  }
}

/**
 * calculateStatus: the counts summed over the ReplicaSets (updated = the new one's),
 * and Available=True once at least replicas - maxUnavailable pods are available.
 * Zero counts are omitted, as the API's omitempty fields are.
 */
export function calculateStatus(
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
  now: string,
): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const unavailable = Math.max(0, replicaCount(allRSs) - available);
  const status: DeploymentStatus = {};
  if (d.metadata.generation) status.observedGeneration = d.metadata.generation;
  const counts: [keyof DeploymentStatus, number][] = [
    ['replicas', actualReplicaCount(allRSs)],
    ['updatedReplicas', actualReplicaCount([newRS])],
    ['readyReplicas', readyReplicaCount(allRSs)],
    ['availableReplicas', available],
    ['unavailableReplicas', unavailable],
  ];
  for (const [k, v] of counts) if (v !== 0) (status as Record<string, number>)[k] = v;
  if (d.status?.conditions) status.conditions = [...d.status.conditions];
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const condition =
    available >= specReplicas(d) - maxUnavailable(d)
      ? newDeploymentCondition(
          AVAILABLE,
          'True',
          REASONS.minimumReplicasAvailable,
          'Deployment has minimum availability.',
          now,
        )
      : newDeploymentCondition(
          AVAILABLE,
          'False',
          REASONS.minimumReplicasUnavailable,
          'Deployment does not have minimum availability.',
          now,
        );
  setDeploymentCondition(status, condition);
  return status;
}

/** isScalingEvent: an active ReplicaSet remembers a different desired count than spec.replicas. */
export function isScalingEvent(ops: DeploymentOps, d: Deployment, rsList: ReplicaSet[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ops, d, rsList, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = replicasAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
    if (desired !== undefined && desired !== specReplicas(d)) return true;
  }
  return false;
}

/**
 * checkPausedConditions: pausing sets Progressing=Unknown DeploymentPaused, resuming
 * DeploymentResumed (which restarts the progress clock); a timed-out rollout keeps
 * its ProgressDeadlineExceeded.
 */
export function checkPausedConditions(ops: DeploymentOps, d: Deployment): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, PROGRESSING);
  if (cond?.reason === REASONS.timedOut) return;
  const pausedCondExists = cond?.reason === REASONS.paused;
  const now = ops.timestamp();
  if (d.spec.paused && !pausedCondExists) {
    setDeploymentCondition(
      statusOf(d),
      newDeploymentCondition(PROGRESSING, 'Unknown', REASONS.paused, 'Deployment is paused', now),
    );
  } else if (!d.spec.paused && pausedCondExists) {
    setDeploymentCondition(
      statusOf(d),
      newDeploymentCondition(PROGRESSING, 'Unknown', REASONS.resumed, 'Deployment is resumed', now),
    );
  } else {
    return;
  }
  ops.updateDeploymentStatus(d);
}

/** syncDeploymentStatus: write calculateStatus when it differs. */
export function syncDeploymentStatus(
  ops: DeploymentOps,
  allRSs: (ReplicaSet | undefined)[],
  newRS: ReplicaSet | undefined,
  d: Deployment,
): void {
  const next = calculateStatus(allRSs, newRS, d, ops.timestamp());
  if (statusEqual(d.status, next)) return;
  d.status = next;
  ops.updateDeploymentStatus(d);
}

export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return jsonEqual(a ?? {}, b);
}

/**
 * sync: a resize without a rollout (or any change while paused): scale, prune history
 * when paused, write the status. A paused deployment never creates its new ReplicaSet.
 */
export function syncScaleOnly(ops: DeploymentOps, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ops, d, rsList, false);
  scale(ops, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(ops, oldRSs, d);
  syncDeploymentStatus(ops, [...oldRSs, newRS], newRS, d);
}

/** syncStatusOnly: a deployment being deleted only reports. */
export function syncStatusOnly(ops: DeploymentOps, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ops, d, rsList, false);
  syncDeploymentStatus(ops, [...oldRSs, newRS], newRS, d);
}
