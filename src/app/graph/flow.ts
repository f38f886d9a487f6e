/**
 * Stage 5: the laid-out cluster as React Flow nodes. The cluster is a group box, each
 * Kubernetes node and the "not scheduled" box are children of it, and pods are drawn
 * inside their box's component rather than as React Flow nodes of their own: React Flow
 * renders nodes as siblings, and a pod's element must sit inside its node's element
 * (the page's accessibility and test contract, `el.closest('[data-kind="Node"]')`).
 */
import type { Node } from '@xyflow/react';
import type { GraphItem, GroupedCluster, NodeBox, UnscheduledBox } from './group';
import type { GraphLayout, Rect } from './layout';

export interface PlacedItem {
  item: GraphItem;
  rect: Rect;
}

export type ClusterData = { nodeCount: number; podCount: number };
export type NodeBoxData = { box: NodeBox; items: PlacedItem[] };
export type UnscheduledData = { box: UnscheduledBox; items: PlacedItem[] };

export type ClusterFlowNode = Node<ClusterData, 'cluster'>;
export type NodeBoxFlowNode = Node<NodeBoxData, 'k8sNode'>;
export type UnscheduledFlowNode = Node<UnscheduledData, 'unscheduled'>;
export type GraphFlowNode = ClusterFlowNode | NodeBoxFlowNode | UnscheduledFlowNode;

export const CLUSTER_ID = 'cluster';

/** Laid out by us, not by hand: nothing drags, nothing is deleted with Backspace. */
const FIXED = { draggable: false, deletable: false, connectable: false } as const;

export function toFlowNodes(grouped: GroupedCluster, layout: GraphLayout): GraphFlowNode[] {
  const rects = new Map(layout.boxes.map((b) => [b.key, b]));
  const place = (key: string, items: GraphItem[]): PlacedItem[] => {
    const box = rects.get(key);
    return box ? items.map((item) => ({ item, rect: box.items[item.key] })) : [];
  };
  const podCount = grouped.nodes.reduce((s, b) => s + b.podCount, grouped.unscheduled.podCount);
  const out: GraphFlowNode[] = [
    {
      id: CLUSTER_ID,
      type: 'cluster',
      position: { x: layout.cluster.x, y: layout.cluster.y },
      width: layout.cluster.width,
      height: layout.cluster.height,
      data: { nodeCount: grouped.nodes.length, podCount },
      selectable: false,
      focusable: false,
      ...FIXED,
    },
  ];
  for (const box of grouped.nodes) {
    const r = rects.get(box.key);
    if (!r) continue;
    out.push({
      id: box.key,
      type: 'k8sNode',
      parentId: CLUSTER_ID,
      position: { x: r.rect.x, y: r.rect.y },
      width: r.rect.width,
      height: r.rect.height,
      data: { box, items: place(box.key, box.items) },
      ...FIXED,
    });
  }
  const r = rects.get(grouped.unscheduled.key);
  if (r) {
    out.push({
      id: grouped.unscheduled.key,
      type: 'unscheduled',
      parentId: CLUSTER_ID,
      position: { x: r.rect.x, y: r.rect.y },
      width: r.rect.width,
      height: r.rect.height,
      data: { box: grouped.unscheduled, items: place(grouped.unscheduled.key, grouped.unscheduled.items) },
      ...FIXED,
    });
  }
  return out;
}

/**
 * Hands back last frame's node object wherever nothing about it changed, so React Flow
 * re-renders only the boxes whose pods moved on. The worker sends up to 30 views a
 * second; most of them change one pod or none.
 */
export function keepUnchanged(previous: readonly GraphFlowNode[], next: GraphFlowNode[]): GraphFlowNode[] {
  const old = new Map(previous.map((n) => [n.id, n]));
  let same = previous.length === next.length;
  const out = next.map((n, i) => {
    const was = old.get(n.id);
    const keep = was && JSON.stringify(was) === JSON.stringify(n) ? was : n;
    if (keep !== previous[i]) same = false;
    return keep;
  });
  return same ? (previous as GraphFlowNode[]) : out;
}
