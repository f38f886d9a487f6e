/**
 * Ownership between a controller and the objects it manages, after
 * pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject,
 * PodControllerRefManager.ClaimPods) and metav1.GetControllerOf.
 *
 * A controller owns what carries its controllerRef (an ownerReference with
 * controller: true and its uid), not what its selector matches. Claiming reconciles
 * the two: orphans that match are adopted, owned objects that stopped matching are
 * released, and objects another controller owns are left alone. This is what lets a
 * ReplicaSet pick up a hand-made pod with the right labels, and lets you pull a pod
 * out of a ReplicaSet by relabelling it.
 *
 * Generic over kinds: the owner's apiVersion/kind go into the reference, the
 * candidates may be Pods, ReplicaSets, ControllerRevisions, ...
 */
import { ApiError } from '../api/errors';
import { lookupKind } from '../api/kinds';
import { matches, type Selector } from '../api/labels';
import type { KubeObject, OwnerReference } from '../api/types';
import type { ControllerContext } from './context';

/** metav1.GetControllerOf: the ownerReference with controller: true, if any. */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** Is `obj` controlled by `owner` (same uid)? */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return getControllerOf(obj)?.uid === owner.metadata.uid;
}

/** metav1.NewControllerRef: what a controller stamps on what it creates or adopts. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * controller.RecheckDeletionTimestamp over a fresh read of the owner: adoption is
 * refused once the owner is being deleted or was replaced by a namesake. Returns the
 * reason as upstream words it, or undefined when adoption may go ahead.
 */
export function recheckDeletionTimestamp(ctx: ControllerContext, owner: KubeObject): string | undefined {
  const m = owner.metadata;
  const info = lookupKind(owner.kind);
  const fresh = ctx.store.get(owner.kind, info?.namespaced === false ? undefined : m.namespace, m.name);
  const ns = m.namespace ? `${m.namespace}/` : '';
  if (!fresh) return `${info?.plural ?? owner.kind} "${m.name}" not found`;
  if (fresh.metadata.uid !== m.uid) {
    return `original ${owner.kind} ${ns}${m.name} is gone: got uid ${fresh.metadata.uid}, wanted ${m.uid}`;
  }
  if (fresh.metadata.deletionTimestamp)
    return `${ns}${m.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`;
  return undefined;
}

export interface ClaimOptions<T extends KubeObject> {
  /** the controller doing the claiming (as read this sync) */
  owner: KubeObject;
  /** which candidates the owner wants (usually its label selector) */
  selector: Selector;
  /** extra conditions a candidate must meet to be matched (ClaimPods' filters) */
  filter?: (obj: T) => boolean;
  /**
   * Checked once, before the first adoption (upstream's sync.Once CanAdopt). Returns
   * why adoption is refused, or undefined. Defaults to recheckDeletionTimestamp.
   */
  canAdopt?: () => string | undefined;
}

export interface ClaimResult<T extends KubeObject> {
  /** what the owner owns and matches after claiming (adopted objects as written) */
  claimed: T[];
  /** errors from adoption or release; upstream fails the sync with them */
  errors: string[];
}

/**
 * ClaimObjects (ClaimPods, ClaimReplicaSets, ClaimControllerRevisions): adopt matching
 * orphans, release owned non-matching objects, ignore objects controlled by someone
 * else. Writes through ctx.api.
 */
export function claimObjects<T extends KubeObject>(
  ctx: ControllerContext,
  candidates: T[],
  opts: ClaimOptions<T>,
): ClaimResult<T> {
  const { owner } = opts;
  const match = (o: T) => matches(opts.selector, o.metadata.labels) && (opts.filter?.(o) ?? true);
  let adoptCheck: { done: boolean; err?: string } = { done: false };
  const canAdopt = () => {
    if (!adoptCheck.done) {
      adoptCheck = { done: true, err: (opts.canAdopt ?? (() => recheckDeletionTimestamp(ctx, owner)))() };
    }
    return adoptCheck.err;
  };
  const claimed: T[] = [];
  const errors: string[] = [];
  for (const obj of candidates) {
    try {
      const got = claimObject(ctx, owner, obj, match, canAdopt);
      if (got) claimed.push(got);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { claimed, errors };
}

/** ClaimObject for one candidate: the object if the owner keeps or takes it. */
function claimObject<T extends KubeObject>(
  ctx: ControllerContext,
  owner: KubeObject,
  obj: T,
  match: (o: T) => boolean,
  canAdopt: () => string | undefined,
): T | undefined {
  const ref = getControllerOf(obj);
  if (ref) {
    // Owned by someone else: not ours to touch.
    if (ref.uid !== owner.metadata.uid) return undefined;
    if (match(obj)) return obj;
    // Ours but no longer selected. An owner being deleted lets the GC decide instead.
    if (owner.metadata.deletionTimestamp) return undefined;
    release(ctx, owner, obj);
    return undefined;
  }
  // An orphan.
  if (owner.metadata.deletionTimestamp || !match(obj)) return undefined;
  // Never adopt something on its way out.
  if (obj.metadata.deletionTimestamp) return undefined;
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return undefined;
  const refused = canAdopt();
  if (refused)
    throw new ApiError(
      `can't adopt ${obj.kind} ${obj.metadata.namespace}/${obj.metadata.name} (${obj.metadata.uid}): ${refused}`,
      'Conflict',
    );
  return adopt(ctx, owner, obj);
}

/** The live object with the same uid, or undefined when it is gone (NotFound is ignored upstream). */
function fresh<T extends KubeObject>(ctx: ControllerContext, obj: T): T | undefined {
  const cur = ctx.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name) as T | undefined;
  return cur && cur.metadata.uid === obj.metadata.uid ? cur : undefined;
}

/** The adoption patch: our controllerRef appended (the uid precondition is the fresh read). */
function adopt<T extends KubeObject>(ctx: ControllerContext, owner: KubeObject, obj: T): T | undefined {
  const cur = fresh(ctx, obj);
  if (!cur || cur.metadata.deletionTimestamp) return undefined;
  const other = getControllerOf(cur);
  // Someone adopted it since our read; the API server would refuse a second controller.
  if (other) return other.uid === owner.metadata.uid ? cur : undefined;
  const refs = (cur.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  const next = { ...cur, metadata: { ...cur.metadata, ownerReferences: [...refs, newControllerRef(owner)] } };
  return ctx.api.replace(next) as T;
}

/** The release patch: our ownerReference removed (by uid). */
function release(ctx: ControllerContext, owner: KubeObject, obj: KubeObject): void {
  const cur = fresh(ctx, obj);
  if (!cur) return;
  const refs = (cur.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  const metadata = { ...cur.metadata, ownerReferences: refs };
  if (refs.length === 0) delete (metadata as { ownerReferences?: OwnerReference[] }).ownerReferences;
  ctx.api.replace({ ...cur, metadata });
}
