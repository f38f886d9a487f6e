/**
 * Folds a fresh ClusterView from the worker into the UI's mirror, keeping the old
 * object wherever nothing changed. Each card and chip subscribes to its own slice,
 * so keeping identities means only what changed re-renders.
 */
import type { ClusterView, NodeView, PodView, WorkloadKind, WorkloadView } from '../../protocol/messages';

export interface Mirror {
  now: number;
  nodeNames: string[];
  nodes: Record<string, NodeView>;
  /** pods per node name; "" holds the unscheduled ones */
  podsByNode: Record<string, PodView[]>;
  /** the kinds that have objects, in the view's order */
  workloadKinds: WorkloadKind[];
  /** workloads per kind, in the view's order (namespace, then name) */
  workloadsByKind: Partial<Record<WorkloadKind, WorkloadView[]>>;
  events: ClusterView['events'];
}

export const EMPTY_MIRROR: Mirror = {
  now: 0,
  nodeNames: [],
  nodes: {},
  podsByNode: {},
  workloadKinds: [],
  workloadsByKind: {},
  events: [],
};

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

  const { kinds, byKind } = foldWorkloads(prev, view.workloads);

  return {
    now: view.now,
    nodeNames: sameItems(prev.nodeNames, nodeNames) ? prev.nodeNames : nodeNames,
    nodes,
    podsByNode,
    workloadKinds: sameItems(prev.workloadKinds, kinds) ? prev.workloadKinds : kinds,
    workloadsByKind: byKind,
    events: view.events,
  };
}

export function workloadKey(w: { kind: string; namespace: string; name: string }): string {
  return `${w.kind}/${w.namespace}/${w.name}`;
}

/** Groups the workloads by kind, keeping every unchanged row and per-kind list. */
function foldWorkloads(prev: Mirror, workloads: readonly WorkloadView[]) {
  const old = new Map<string, WorkloadView>();
  for (const list of Object.values(prev.workloadsByKind)) for (const w of list ?? []) old.set(workloadKey(w), w);
  const grouped = new Map<WorkloadKind, WorkloadView[]>();
  for (const w of workloads) {
    const was = old.get(workloadKey(w));
    const list = grouped.get(w.kind) ?? [];
    list.push(was && sameJson(was, w) ? was : w);
    grouped.set(w.kind, list);
  }
  const byKind: Partial<Record<WorkloadKind, WorkloadView[]>> = {};
  for (const [kind, list] of grouped) {
    const was = prev.workloadsByKind[kind];
    byKind[kind] = was && sameItems(was, list) ? was : list;
  }
  return { kinds: [...grouped.keys()], byKind };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Views are small flat records; comparing their JSON is cheap and exact. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
