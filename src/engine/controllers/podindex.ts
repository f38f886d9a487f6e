/**
 * Pods by node, like the informer indexer upstream controllers use
 * (getPodsAssignedToNode): the node controllers touch a node's pods only when that
 * node changes, never by scanning every pod.
 *
 * The index is a cache derived from the store, not state: it follows the watch feed
 * and rebuilds itself from a full list whenever the store changed without it seeing
 * (a snapshot loaded into the store emits no watch events).
 */
import type { Store } from '../api/store';
import type { KubeObject, Pod } from '../api/types';

class PodsByNode {
  private byNode = new Map<string, Map<string, Pod>>();
  private seenRv = -1;

  constructor(private readonly store: Store) {
    store.watch((ev) => {
      // Only a feed seen without gaps can be trusted; otherwise sync() rebuilds on next use.
      if (this.seenRv === this.store.resourceVersion() - 1) {
        if (ev.object.kind === 'Pod') this.apply(ev.old, ev.type === 'DELETED' ? undefined : ev.object);
        this.seenRv = this.store.resourceVersion();
      }
    });
  }

  pods(node: string): Pod[] {
    this.sync();
    const m = this.byNode.get(node);
    if (!m) return [];
    // Sorted by namespace/name so the order never depends on how the index was built.
    return [...m.keys()].sort().map((k) => m.get(k) as Pod);
  }

  private sync(): void {
    if (this.seenRv === this.store.resourceVersion()) return;
    this.byNode.clear();
    for (const p of this.store.list('Pod')) this.apply(undefined, p);
    this.seenRv = this.store.resourceVersion();
  }

  private apply(old: KubeObject | undefined, next: KubeObject | undefined): void {
    const key = `${(old ?? next)?.metadata.namespace}/${(old ?? next)?.metadata.name}`;
    const oldNode = old?.spec?.nodeName as string | undefined;
    const nextNode = next?.spec?.nodeName as string | undefined;
    if (oldNode && oldNode !== nextNode) this.byNode.get(oldNode)?.delete(key);
    if (!next || !nextNode) return;
    let m = this.byNode.get(nextNode);
    if (!m) {
      m = new Map();
      this.byNode.set(nextNode, m);
    }
    m.set(key, next as Pod);
  }
}

const indexes = new WeakMap<Store, PodsByNode>();

/** The pods bound to `node`, ordered by namespace/name. */
export function podsOnNode(store: Store, node: string): Pod[] {
  let idx = indexes.get(store);
  if (!idx) {
    idx = new PodsByNode(store);
    indexes.set(store, idx);
  }
  return idx.pods(node);
}
