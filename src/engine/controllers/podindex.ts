/**
 * Pod indexes for the cluster-level controllers, like the informer indexers upstream
 * controllers use (getPodsAssignedToNode): the node controllers touch a node's pods
 * only when that node changes, and pod GC looks only at terminated or terminating
 * pods, never at all 10,000 running ones.
 *
 * The index is a cache derived from the store, not state: it follows the watch feed
 * and rebuilds itself from a full list whenever the store changed without it seeing
 * (a snapshot loaded into the store emits no watch events). Every list it returns is
 * sorted by namespace/name, so results never depend on how the index was built.
 */
import type { Store } from '../api/store';
import type { KubeObject, Pod } from '../api/types';

/**
 * Pods by namespace/name that remember their keys in sorted order until one is added
 * or removed, so a controller asking for the same big set on every sync pays a walk,
 * not a sort (a pod's status update replaces a value, which keeps the order).
 */
class PodMap extends Map<string, Pod> {
  private sortedKeys: string[] | undefined;

  override set(key: string, pod: Pod): this {
    if (this.sortedKeys && !this.has(key)) this.sortedKeys = undefined;
    return super.set(key, pod);
  }

  override delete(key: string): boolean {
    const had = super.delete(key);
    if (had) this.sortedKeys = undefined;
    return had;
  }

  override clear(): void {
    this.sortedKeys = undefined;
    super.clear();
  }

  keysInOrder(): string[] {
    this.sortedKeys ??= [...this.keys()].sort();
    return this.sortedKeys;
  }
}

function sorted(m: PodMap | undefined): Pod[] {
  if (!m || m.size === 0) return [];
  return m.keysInOrder().map((k) => m.get(k) as Pod);
}

function isTerminated(p: KubeObject): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function controllerUid(p: KubeObject | undefined): string | undefined {
  return p?.metadata.ownerReferences?.find((r) => r.controller === true)?.uid;
}

function moveBetween(
  index: Map<string, PodMap>,
  from: string | undefined,
  to: string | undefined,
  key: string,
  pod: Pod | undefined,
): void {
  if (from !== undefined && from !== to) {
    const m = index.get(from);
    m?.delete(key);
    if (m?.size === 0) index.delete(from);
  }
  if (pod && to !== undefined) {
    let m = index.get(to);
    if (!m) {
      m = new PodMap();
      index.set(to, m);
    }
    m.set(key, pod);
  }
}

class PodIndex {
  readonly byNode = new Map<string, PodMap>();
  /** controllerRef uid → the pods it controls */
  readonly byController = new Map<string, PodMap>();
  /** namespace → the pods no controller owns */
  readonly orphans = new Map<string, PodMap>();
  readonly terminated = new PodMap();
  readonly terminating = new PodMap();
  private seenRv = -1;

  constructor(private readonly store: Store) {
    store.watch((ev) => {
      // Only a feed seen without gaps can be trusted; otherwise sync() rebuilds on next use.
      if (this.seenRv !== this.store.resourceVersion() - 1) return;
      if (ev.object.kind === 'Pod') this.apply(ev.old, ev.type === 'DELETED' ? undefined : ev.object);
      this.seenRv = this.store.resourceVersion();
    });
  }

  sync(): this {
    if (this.seenRv === this.store.resourceVersion()) return this;
    this.byNode.clear();
    this.byController.clear();
    this.orphans.clear();
    this.terminated.clear();
    this.terminating.clear();
    for (const p of this.store.list('Pod')) this.apply(undefined, p);
    this.seenRv = this.store.resourceVersion();
    return this;
  }

  private apply(old: KubeObject | undefined, next: KubeObject | undefined): void {
    const o = (next ?? old) as KubeObject;
    const key = `${o.metadata.namespace}/${o.metadata.name}`;
    const oldNode = old?.spec?.nodeName as string | undefined;
    const nextNode = next?.spec?.nodeName as string | undefined;
    if (oldNode && oldNode !== nextNode) {
      const m = this.byNode.get(oldNode);
      m?.delete(key);
      if (m?.size === 0) this.byNode.delete(oldNode);
    }
    if (next && nextNode) {
      let m = this.byNode.get(nextNode);
      if (!m) {
        m = new PodMap();
        this.byNode.set(nextNode, m);
      }
      m.set(key, next as Pod);
    }
    const ns = o.metadata.namespace ?? '';
    const oldOwner = old ? controllerUid(old) : undefined;
    const nextOwner = next ? controllerUid(next) : undefined;
    moveBetween(this.byController, oldOwner, nextOwner, key, next as Pod | undefined);
    const wasOrphan = old !== undefined && oldOwner === undefined;
    const isOrphan = next !== undefined && nextOwner === undefined;
    moveBetween(
      this.orphans,
      wasOrphan ? ns : undefined,
      isOrphan ? ns : undefined,
      key,
      isOrphan ? (next as Pod) : undefined,
    );
    if (next && isTerminated(next)) this.terminated.set(key, next as Pod);
    else this.terminated.delete(key);
    if (next?.metadata.deletionTimestamp) this.terminating.set(key, next as Pod);
    else this.terminating.delete(key);
  }
}

const indexes = new WeakMap<Store, PodIndex>();

function indexFor(store: Store): PodIndex {
  let idx = indexes.get(store);
  if (!idx) {
    idx = new PodIndex(store);
    indexes.set(store, idx);
  }
  return idx.sync();
}

/** The pods bound to `node`. */
export function podsOnNode(store: Store, node: string): Pod[] {
  return sorted(indexFor(store).byNode.get(node));
}

/** The pods whose controllerRef has this uid. */
export function podsControlledBy(store: Store, uid: string): Pod[] {
  return sorted(indexFor(store).byController.get(uid));
}

/** The pods of a namespace that no controller owns (candidates for adoption). */
export function orphanPods(store: Store, namespace: string): Pod[] {
  return sorted(indexFor(store).orphans.get(namespace));
}

/** Every node name some pod is bound to (whether or not the Node exists), sorted. */
export function nodesWithPods(store: Store): string[] {
  return [...indexFor(store).byNode.keys()].sort();
}

/** Pods in phase Succeeded or Failed. */
export function terminatedPods(store: Store): Pod[] {
  return sorted(indexFor(store).terminated);
}

/** How many pods are in phase Succeeded or Failed (no sorting, for the threshold check). */
export function terminatedCount(store: Store): number {
  return indexFor(store).terminated.size;
}

/** Pods with a deletionTimestamp. */
export function terminatingPods(store: Store): Pod[] {
  return sorted(indexFor(store).terminating);
}
