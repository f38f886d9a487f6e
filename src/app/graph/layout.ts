/**
 * Stage 4: where everything goes. A pure function of the grouped cluster and the slots
 * handed out last time, so the picture is stable: an item keeps its slot for as long as
 * it exists, a new item takes the lowest free slot, and every box has a fixed size
 * until it overflows. Adding a pod therefore moves nothing else.
 *
 * Boxes sit on a grid (nodes in the view's order, the "not scheduled" box in the cell
 * after the last node, so it can come and go without moving a node). Positions of
 * boxes are relative to the cluster box and positions of items relative to their box,
 * as React Flow's parent/child nodes want them.
 */
import type { GraphItem, GroupedCluster } from './group';

export const POD_WIDTH = 172;
export const POD_HEIGHT = 56;
export const POD_GAP = 6;
/** pods per row in a box */
export const COLUMNS = 2;
/** rows every box has room for before it grows */
export const MIN_ROWS = 5;
/** rows of the "not scheduled yet" box before it grows */
export const UNSCHEDULED_MIN_ROWS = 2;
/** items a box shows before it folds pods by owner */
export const CAPACITY = COLUMNS * MIN_ROWS;
export const BOX_PADDING = 10;
/** node name, status, resources and the kill button above the pods */
export const BOX_HEADER = 66;
export const BOX_GAP = 20;
export const CLUSTER_PADDING = 16;
export const CLUSTER_HEADER = 34;
export const BOX_WIDTH = 2 * BOX_PADDING + COLUMNS * POD_WIDTH + (COLUMNS - 1) * POD_GAP;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The slot of every item last time, per box; plain data, kept by the caller. */
export interface LayoutMemory {
  slots: Record<string, Record<string, number>>;
}

export const EMPTY_MEMORY: LayoutMemory = { slots: {} };

export interface BoxLayout {
  key: string;
  /** relative to the cluster box */
  rect: Rect;
  /** relative to the box, by item key */
  items: Record<string, Rect>;
}

export interface GraphLayout {
  cluster: Rect;
  boxes: BoxLayout[];
  memory: LayoutMemory;
}

export function layoutGraph(grouped: GroupedCluster, previous: LayoutMemory = EMPTY_MEMORY): GraphLayout {
  const slots: LayoutMemory['slots'] = {};
  const sized = grouped.nodes.map((b) => ({ key: b.key, items: b.items }));
  if (grouped.unscheduled.items.length > 0)
    sized.push({ key: grouped.unscheduled.key, items: grouped.unscheduled.items });

  const placed = sized.map((b) => {
    const boxSlots = assignSlots(b.items, previous.slots[b.key] ?? {});
    slots[b.key] = boxSlots;
    const used = Math.max(-1, ...Object.values(boxSlots)) + 1;
    // The unscheduled box sits last, so it may start small and grow without moving a node.
    const minRows = b.key === grouped.unscheduled.key ? UNSCHEDULED_MIN_ROWS : MIN_ROWS;
    const rows = Math.max(minRows, Math.ceil(used / COLUMNS));
    const items: Record<string, Rect> = {};
    for (const [key, slot] of Object.entries(boxSlots)) items[key] = slotRect(slot);
    return { key: b.key, rows, items };
  });

  // A grid that widens with the node count: 2 columns up to 4 nodes, then √n.
  const columns = gridColumns(grouped.nodes.length);
  const rowHeights: number[] = [];
  placed.forEach((b, i) => {
    const row = Math.floor(i / columns);
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, boxHeight(b.rows));
  });
  const rowTops: number[] = [];
  let y = CLUSTER_HEADER;
  for (const h of rowHeights) {
    rowTops.push(y);
    y += h + BOX_GAP;
  }
  const boxes: BoxLayout[] = placed.map((b, i) => ({
    key: b.key,
    rect: {
      x: CLUSTER_PADDING + (i % columns) * (BOX_WIDTH + BOX_GAP),
      y: rowTops[Math.floor(i / columns)],
      width: BOX_WIDTH,
      height: boxHeight(b.rows),
    },
    items: b.items,
  }));
  const usedColumns = Math.min(columns, Math.max(1, placed.length));
  const cluster: Rect = {
    x: 0,
    y: 0,
    width: 2 * CLUSTER_PADDING + usedColumns * BOX_WIDTH + (usedColumns - 1) * BOX_GAP,
    height: Math.max(y - BOX_GAP, CLUSTER_HEADER) + CLUSTER_PADDING,
  };
  return { cluster, boxes, memory: { slots } };
}

export function gridColumns(nodes: number): number {
  return nodes <= 4 ? 2 : Math.ceil(Math.sqrt(nodes));
}

export function boxHeight(rows: number): number {
  return BOX_HEADER + rows * POD_HEIGHT + (rows - 1) * POD_GAP + BOX_PADDING;
}

function slotRect(slot: number): Rect {
  return {
    x: BOX_PADDING + (slot % COLUMNS) * (POD_WIDTH + POD_GAP),
    y: BOX_HEADER + Math.floor(slot / COLUMNS) * (POD_HEIGHT + POD_GAP),
    width: POD_WIDTH,
    height: POD_HEIGHT,
  };
}

/** Items that were here keep their slot; new ones take the lowest free slots, in order. */
export function assignSlots(
  items: readonly GraphItem[],
  before: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  const taken = new Set<number>();
  for (const it of items) {
    const slot = before[it.key];
    if (slot !== undefined && !taken.has(slot)) {
      out[it.key] = slot;
      taken.add(slot);
    }
  }
  let next = 0;
  for (const it of items) {
    if (it.key in out) continue;
    while (taken.has(next)) next++;
    out[it.key] = next;
    taken.add(next);
  }
  return out;
}

/** An item's position on the canvas (cluster, box and item offsets added up). */
export function absoluteRect(layout: GraphLayout, boxKey: string, itemKey?: string): Rect | undefined {
  const box = layout.boxes.find((b) => b.key === boxKey);
  if (!box) return undefined;
  const base = { x: layout.cluster.x + box.rect.x, y: layout.cluster.y + box.rect.y };
  if (itemKey === undefined) return { ...box.rect, ...base };
  const r = box.items[itemKey];
  return r && { ...r, x: base.x + r.x, y: base.y + r.y };
}
