/**
 * The scheduler cache (pkg/scheduler/backend/cache): a NodeInfo per node with the
 * aggregate of its bound pods, updated from watch events so a scheduling cycle never
 * rescans every pod.
 *
 * It is derived data, not state: everything in it can be rebuilt from the store, and
 * it is rebuilt whenever it might have missed a write (a restored snapshot starts with
 * a fresh store and no cache). Its node order is the store's, so a rebuilt cache and
 * an incrementally kept one schedule identically.
 */
import type { Store, WatchEvent } from '../api/store';
import type { KubeObject, Node } from '../api/types';
import {
  addPod,
  contributionOf,
  type NodeInfo,
  newNodeInfo,
  occupiesNode,
  type PodContribution,
  removePod,
  setNode,
} from './nodeinfo';
import { NodeTable } from './nodetable';

export class SchedulerCache {
  /** the store resourceVersion this cache reflects */
  rv: number;
  private readonly nodes = new Map<string, NodeInfo>();
  /** NodeInfos of node names that pods are bound to but that do not exist */
  private readonly ghosts = new Map<string, NodeInfo>();
  private readonly pods = new Map<string, PodContribution>();
  /** image name → how many nodes list it */
  private readonly imageNodes = new Map<string, number>();
  private list: NodeInfo[] | undefined;
  private readonly table = new NodeTable();
  /** the node list the table was built for */
  private tableList: NodeInfo[] | undefined;

  constructor(readonly store: Store) {
    for (const n of store.list('Node')) this.apply({ type: 'ADDED', object: n });
    for (const p of store.list('Pod')) this.apply({ type: 'ADDED', object: p });
    this.rv = store.resourceVersion();
  }

  /** True when the cache reflects every write the store has seen. */
  current(store: Store): boolean {
    return (
      store === this.store &&
      this.rv === store.resourceVersion() &&
      this.nodes.size === store.count('Node') &&
      this.pods.size <= store.count('Pod')
    );
  }

  /** Existing nodes, in store order. */
  nodeList(): NodeInfo[] {
    this.list ??= [...this.nodes.values()];
    return this.list;
  }

  /** The node list as columns, for the filter and score loops. */
  nodeTable(): NodeTable {
    const list = this.nodeList();
    if (this.tableList !== list) {
      this.table.rebuild(list);
      this.tableList = list;
    }
    return this.table;
  }

  private sync(ni: NodeInfo): void {
    if (this.tableList !== undefined && this.tableList === this.list) this.table.sync(ni);
  }

  node(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  nodesWithImage(name: string): number {
    return this.imageNodes.get(name) ?? 0;
  }

  /** Applies one watch event. Must see every store write, in order. */
  apply(ev: WatchEvent): void {
    const obj = ev.object;
    if (obj.kind === 'Pod') this.applyPod(ev);
    else if (obj.kind === 'Node') this.applyNode(ev);
  }

  private applyPod(ev: WatchEvent): void {
    const pod = ev.object;
    const old = ev.old;
    if (ev.type === 'MODIFIED' && old && old.spec === pod.spec && occupiesNode(old) === occupiesNode(pod)) return;
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
    const before = this.pods.get(key);
    if (before) {
      const ni = this.nodes.get(before.node) ?? this.ghosts.get(before.node);
      if (ni) {
        removePod(ni, before);
        this.sync(ni);
        if (!ni.node && ni.podCount === 0) this.ghosts.delete(ni.name);
      }
      this.pods.delete(key);
    }
    const after = ev.type === 'DELETED' ? undefined : contributionOf(pod);
    if (after) {
      let ni = this.nodes.get(after.node) ?? this.ghosts.get(after.node);
      if (!ni) {
        ni = newNodeInfo(after.node);
        this.ghosts.set(after.node, ni);
      }
      addPod(ni, after);
      this.sync(ni);
      this.pods.set(key, after);
    }
  }

  private applyNode(ev: WatchEvent): void {
    const node = ev.object as Node;
    // Heartbeats rewrite conditions only: nothing a NodeInfo holds changed.
    const old = ev.old as Node | undefined;
    if (
      ev.type === 'MODIFIED' &&
      old &&
      old.spec === node.spec &&
      old.metadata.labels === node.metadata.labels &&
      old.status?.allocatable === node.status?.allocatable &&
      old.status?.images === node.status?.images
    ) {
      return;
    }
    const name = node.metadata.name;
    let ni = this.nodes.get(name);
    if (ni) this.countImages(ni, -1);
    if (ev.type === 'DELETED') {
      if (!ni) return;
      this.nodes.delete(name);
      this.list = undefined;
      setNode(ni, undefined);
      if (ni.podCount > 0) this.ghosts.set(name, ni);
      return;
    }
    if (!ni) {
      ni = this.ghosts.get(name) ?? newNodeInfo(name);
      this.ghosts.delete(name);
      this.nodes.set(name, ni);
      this.list = undefined;
    }
    setNode(ni, node);
    this.sync(ni);
    this.countImages(ni, 1);
  }

  private countImages(ni: NodeInfo, sign: 1 | -1): void {
    for (const name of ni.images.keys()) {
      const n = (this.imageNodes.get(name) ?? 0) + sign;
      if (n > 0) this.imageNodes.set(name, n);
      else this.imageNodes.delete(name);
    }
  }
}

/** Pod key used throughout the scheduler. */
export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}
