/**
 * The garbage collector, after pkg/controller/garbagecollector (garbagecollector.go,
 * graph_builder.go). It follows metadata.ownerReferences, whatever the kinds:
 *
 * - a dependent none of whose owners exists any more (looked up live, uid compared)
 *   is deleted — background cascading deletion, and also dependents that point at a
 *   uid that never existed;
 * - an owner being deleted with the `foregroundDeletion` finalizer has its dependents
 *   deleted first and loses the finalizer once no dependent with blockOwnerDeletion
 *   is left;
 * - an owner being deleted with the `orphan` finalizer has its ownerReference removed
 *   from every dependent, then loses the finalizer.
 *
 * Deletions go through the API like any client's, so a pod on a node is deleted
 * gracefully and waits for its kubelet. The owner→dependents graph is kept as plain
 * JSON in the controller's state.
 */

import { lookupKind } from '../api/kinds';
import type { WatchEvent } from '../api/store';
import { jsonEqual, objectKey } from '../api/store';
import type { KubeObject, ObjectMeta, OwnerReference, PropagationPolicy } from '../api/types';
import type { ControllerContext } from './context';
import type { Controller } from './manager';

export const GARBAGE_COLLECTOR = 'garbagecollector';
export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export interface GcState {
  /** dependent (kind/namespace/name) → the owner uids it references */
  owners: Record<string, string[]>;
  /** owner uid → dependents (kind/namespace/name) */
  dependents: Record<string, string[]>;
}

function initState(): GcState {
  return { owners: {}, dependents: {} };
}

export function createGarbageCollector(): Controller {
  return {
    name: GARBAGE_COLLECTOR,
    onEvent(ev: WatchEvent, enqueue) {
      const o = ev.object;
      // Events never own or belong to anything; skipping them keeps the queue quiet.
      if (o.kind === 'Event') return;
      const key = objectKey(o.kind, o.metadata.namespace, o.metadata.name);
      const refs = o.metadata.ownerReferences ?? [];
      const oldRefs = ev.old?.metadata.ownerReferences ?? [];
      if (ev.type === 'DELETED') {
        if (refs.length > 0) enqueue(`dep/${key}`);
        // Owners in foreground deletion may have been waiting for this one.
        for (const r of refs) enqueue(`owner/${ownerKey(o, r)}`);
        enqueue(`gone/${o.metadata.uid}`);
        return;
      }
      if (ev.type === 'ADDED' ? refs.length > 0 : !jsonEqual(refs, oldRefs)) enqueue(`dep/${key}`);
      for (const r of oldRefs) if (!refs.some((x) => x.uid === r.uid)) enqueue(`owner/${ownerKey(o, r)}`);
      const fin = o.metadata.finalizers ?? [];
      if (o.metadata.deletionTimestamp && (fin.includes(FINALIZER_ORPHAN) || fin.includes(FINALIZER_FOREGROUND))) {
        enqueue(`owner/${key}`);
      }
    },
    reconcile(key, ctx) {
      const s = ctx.state(initState);
      if (key.startsWith('dep/')) syncDependent(ctx, s, key.slice(4));
      else if (key.startsWith('owner/')) syncOwner(ctx, s, key.slice(6));
      else if (key.startsWith('gone/')) {
        for (const dep of s.dependents[key.slice(5)] ?? []) ctx.enqueue(GARBAGE_COLLECTOR, `dep/${dep}`);
      }
    },
  };
}

/** Where an owner reference points: owners of namespaced objects live in the same namespace. */
function ownerKey(dependent: KubeObject, ref: OwnerReference): string {
  const namespaced = lookupKind(ref.kind)?.namespaced ?? true;
  return objectKey(ref.kind, namespaced ? dependent.metadata.namespace : undefined, ref.name);
}

function getByKey(ctx: ControllerContext, key: string): KubeObject | undefined {
  const [kind, ns, name] = key.split('/');
  return ctx.store.get(kind, ns === '' ? undefined : ns, name);
}

function hasFinalizer(o: KubeObject, f: string): boolean {
  return (o.metadata.finalizers ?? []).includes(f);
}

/** Keeps the graph in step with one object, then considers deleting it. */
function syncDependent(ctx: ControllerContext, s: GcState, key: string): void {
  const obj = getByKey(ctx, key);
  const next = obj ? [...new Set((obj.metadata.ownerReferences ?? []).map((r) => r.uid))] : [];
  const prev = s.owners[key] ?? [];
  for (const uid of prev) {
    if (next.includes(uid)) continue;
    const rest = (s.dependents[uid] ?? []).filter((k) => k !== key);
    if (rest.length > 0) s.dependents[uid] = rest;
    else delete s.dependents[uid];
  }
  for (const uid of next) {
    if (prev.includes(uid)) continue;
    s.dependents[uid] = [...(s.dependents[uid] ?? []), key];
  }
  if (next.length > 0) s.owners[key] = next;
  else delete s.owners[key];
  if (obj && next.length > 0) attemptToDelete(ctx, s, obj);
}

/** The dependents of an owner uid that still reference it, per the live store. */
function dependentsOf(ctx: ControllerContext, s: GcState, uid: string): { key: string; obj: KubeObject }[] {
  const out: { key: string; obj: KubeObject }[] = [];
  for (const key of s.dependents[uid] ?? []) {
    const obj = getByKey(ctx, key);
    if (obj?.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push({ key, obj });
  }
  return out;
}

type OwnerClass = 'solid' | 'dangling' | 'waiting';

/** classifyReferences: is each owner there (same uid), and is it waiting for its dependents? */
function classify(ctx: ControllerContext, item: KubeObject, ref: OwnerReference): OwnerClass {
  const info = lookupKind(ref.kind);
  // A kind the API server cannot map is never collected (upstream retries forever).
  if (!info) return 'solid';
  // A cluster-scoped object cannot have a namespaced owner. Upstream stops on such a
  // reference (namespacedOwnerOfClusterScopedObjectErr) and never collects the object.
  if (info.namespaced && !item.metadata.namespace) return 'solid';
  const owner = ctx.store.get(info.kind, info.namespaced ? item.metadata.namespace : undefined, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  if (owner.metadata.deletionTimestamp && hasFinalizer(owner, FINALIZER_FOREGROUND)) return 'waiting';
  return 'solid';
}

/** attemptToDeleteItem */
function attemptToDelete(ctx: ControllerContext, s: GcState, item: KubeObject): void {
  if (item.metadata.deletionTimestamp) {
    // Being deleted is a one-way trip; only an owner deleting its dependents has work here.
    if (hasFinalizer(item, FINALIZER_FOREGROUND)) processDeletingDependents(ctx, s, item);
    return;
  }
  const refs = item.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const solid: OwnerReference[] = [];
  const gone = new Set<string>();
  let waiting = 0;
  for (const ref of refs) {
    const c = classify(ctx, item, ref);
    if (c === 'solid') solid.push(ref);
    else {
      gone.add(ref.uid);
      if (c === 'waiting') waiting++;
    }
  }
  if (solid.length > 0) {
    // Still owned: just drop the references to owners that are gone or going.
    if (gone.size === 0) return;
    const ownerReferences = refs.filter((r) => !gone.has(r.uid));
    ctx.api.replace({ ...item, metadata: { ...item.metadata, ownerReferences } });
    return;
  }
  let policy: PropagationPolicy;
  if (waiting > 0 && dependentsOf(ctx, s, item.metadata.uid).length > 0) {
    // Its owner waits on it and it has dependents of its own: delete it in the foreground too.
    policy = 'Foreground';
  } else if (hasFinalizer(item, FINALIZER_ORPHAN)) {
    policy = 'Orphan';
  } else if (hasFinalizer(item, FINALIZER_FOREGROUND)) {
    policy = 'Foreground';
  } else {
    policy = 'Background';
  }
  deleteObject(ctx, item, policy);
}

function deleteObject(ctx: ControllerContext, item: KubeObject, propagationPolicy: PropagationPolicy): void {
  // Preconditions{UID}: only the object we judged, not a namesake created since.
  const live = ctx.store.get(item.kind, item.metadata.namespace, item.metadata.name);
  if (!live || live.metadata.uid !== item.metadata.uid) return;
  ctx.api.delete(item.kind, item.metadata.namespace, item.metadata.name, { propagationPolicy });
}

/** An owner under deletion with the orphan or foregroundDeletion finalizer. */
function syncOwner(ctx: ControllerContext, s: GcState, key: string): void {
  const owner = getByKey(ctx, key);
  if (!owner?.metadata.deletionTimestamp) return;
  if (hasFinalizer(owner, FINALIZER_ORPHAN)) {
    orphanDependents(ctx, s, owner);
    return;
  }
  if (hasFinalizer(owner, FINALIZER_FOREGROUND)) processDeletingDependents(ctx, s, owner);
}

/** attemptToOrphan: every dependent loses its reference to the owner, then the owner its finalizer. */
function orphanDependents(ctx: ControllerContext, s: GcState, owner: KubeObject): void {
  const uid = owner.metadata.uid;
  for (const { obj } of dependentsOf(ctx, s, uid)) {
    const rest = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    const metadata: ObjectMeta = { ...obj.metadata, ownerReferences: rest };
    if (rest.length === 0) delete metadata.ownerReferences;
    ctx.api.replace({ ...obj, metadata });
  }
  removeFinalizer(ctx, owner, FINALIZER_ORPHAN);
}

/**
 * processDeletingDependentsItem: dependents are sent to attemptToDelete; once none
 * that blocks the owner's deletion is left, the finalizer goes and so does the owner.
 */
function processDeletingDependents(ctx: ControllerContext, s: GcState, owner: KubeObject): void {
  const uid = owner.metadata.uid;
  const deps = dependentsOf(ctx, s, uid);
  const blocking = deps.filter(({ obj }) =>
    obj.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion === true),
  );
  if (blocking.length === 0) {
    removeFinalizer(ctx, owner, FINALIZER_FOREGROUND);
    return;
  }
  for (const { key, obj } of deps) {
    if (!obj.metadata.deletionTimestamp) ctx.enqueue(GARBAGE_COLLECTOR, `dep/${key}`);
  }
}

function removeFinalizer(ctx: ControllerContext, owner: KubeObject, finalizer: string): void {
  const live = ctx.store.get(owner.kind, owner.metadata.namespace, owner.metadata.name);
  if (!live || live.metadata.uid !== owner.metadata.uid || !hasFinalizer(live, finalizer)) return;
  const finalizers = (live.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const metadata: ObjectMeta = { ...live.metadata, finalizers };
  if (finalizers.length === 0) delete metadata.finalizers;
  ctx.api.replace({ ...live, metadata });
}
