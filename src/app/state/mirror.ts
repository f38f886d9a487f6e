/**
 * Folds a fresh ClusterView from the worker into the UI's mirror, keeping the old
 * object wherever nothing changed. Each card and chip subscribes to its own slice,
 * so keeping identities means only what changed re-renders.
 */
import type { ClusterView, NodeView, PodView } from '../../protocol/messages';

export interface Mirror {
  now: number;
  nodeNames: string[];
  nodes: Record<string, NodeView>;
  /** pods per node name; "" holds the unscheduled ones */
  podsByNode: Record<string, PodView[]>;
  events: ClusterView['events'];
}

export const EMPTY_MIRROR: Mirror = { now: 0, nodeNames: [], nodes: {}, podsByNode: {}, events: [] };

export function podKey(p: { namespace: string; name: string }): string {
  return `${p.namespace}/${p.name}`;
}

export function foldView(prev: Mirror, view: ClusterView): Mirror {
  const nodes: Record<string, NodeView> = {};
  for (const n of view.nodes) {
    const old = prev.nodes[n.name];
    nodes[n.name] = old && sameJson(old, n) ? old : n;
  }
  const nodeNames = view.nodes.map((n) => n.name);

  const oldPods = new Map<string, PodView>();
  for (const list of Object.values(prev.podsByNode)) for (const p of list) oldPods.set(podKey(p), p);
  const grouped: Record<string, PodView[]> = {};
  for (const p of view.pods) {
    const old = oldPods.get(podKey(p));
    const keep = old && sameJson(old, p) ? old : p;
    const list = grouped[p.node] ?? [];
    list.push(keep);
    grouped[p.node] = list;
  }
  const podsByNode: Record<string, PodView[]> = {};
  for (const [node, list] of Object.entries(grouped)) {
    const old = prev.podsByNode[node];
    podsByNode[node] = old && sameItems(old, list) ? old : list;
  }

  return {
    now: view.now,
    nodeNames: sameItems(prev.nodeNames, nodeNames) ? prev.nodeNames : nodeNames,
    nodes,
    podsByNode,
    events: view.events,
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Views are small flat records; comparing their JSON is cheap and exact. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
