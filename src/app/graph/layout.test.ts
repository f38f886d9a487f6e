import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../protocol/messages';
import { SHOW_ALL } from './filter';
import { bigCluster, nodeView, podView } from './fixtures';
import { groupCluster } from './group';
import {
  absoluteRect,
  assignSlots,
  BOX_HEADER,
  BOX_PADDING,
  BOX_WIDTH,
  CAPACITY,
  COLUMNS,
  type GraphLayout,
  type LayoutMemory,
  layoutGraph,
  POD_GAP,
  POD_HEIGHT,
  POD_WIDTH,
} from './layout';
import { buildModel } from './model';
import { buildGraph } from './pipeline';

type View = Pick<ClusterView, 'nodes' | 'pods'>;

function lay(view: View, memory?: LayoutMemory): GraphLayout {
  return layoutGraph(groupCluster(buildModel(view), { capacity: CAPACITY, expanded: [] }), memory);
}

/** Every box and item position on the canvas, by box|item key. */
function positions(layout: GraphLayout): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of layout.boxes) {
    const r = absoluteRect(layout, b.key);
    // The unscheduled box sits last and may grow as pending pods arrive; where it starts must not move.
    out.set(b.key, b.key === 'unscheduled' ? `${r?.x},${r?.y}` : `${r?.x},${r?.y},${r?.width},${r?.height}`);
    for (const key of Object.keys(b.items)) {
      const p = absoluteRect(layout, b.key, key);
      out.set(`${b.key}|${key}`, `${p?.x},${p?.y}`);
    }
  }
  return out;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const three: View = {
  nodes: ['control-plane', 'node-1', 'node-2', 'node-3'].map((n) => nodeView(n)),
  pods: [podView('web-a', 'node-1'), podView('web-c', 'node-1'), podView('api', 'node-2')],
};

describe('assignSlots', () => {
  it('keeps old slots and fills the lowest free ones in order', () => {
    const items = ['a', 'b', 'c', 'd'].map((k) => ({ type: 'pod', key: k }) as never);
    expect(assignSlots(items, { b: 0, d: 3, gone: 1 })).toEqual({ b: 0, d: 3, a: 1, c: 2 });
  });
});

describe('layoutGraph', () => {
  it('lays four nodes out two by two inside the cluster box, without overlaps', () => {
    const layout = lay(three);
    expect(layout.boxes.map((b) => b.key)).toEqual(['node:control-plane', 'node:node-1', 'node:node-2', 'node:node-3']);
    const rects = layout.boxes.map((b) => b.rect);
    expect(new Set(rects.map((r) => r.x)).size).toBe(2);
    expect(new Set(rects.map((r) => r.y)).size).toBe(2);
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i], rects[j])).toBe(false);
      expect(rects[i].x + rects[i].width).toBeLessThanOrEqual(layout.cluster.width);
      expect(rects[i].y + rects[i].height).toBeLessThanOrEqual(layout.cluster.height);
    }
  });

  it('places pods inside their box without overlaps', () => {
    const view = bigCluster(3, CAPACITY);
    const layout = lay(view);
    for (const b of layout.boxes) {
      const items = Object.values(b.items);
      for (const r of items) {
        expect(r.x + r.width).toBeLessThanOrEqual(BOX_WIDTH);
        expect(r.y + r.height).toBeLessThanOrEqual(b.rect.height);
        expect([r.width, r.height]).toEqual([POD_WIDTH, POD_HEIGHT]);
      }
      for (let i = 0; i < items.length; i++)
        for (let j = i + 1; j < items.length; j++) expect(overlaps(items[i], items[j])).toBe(false);
    }
  });

  it('is stable: a new pod moves no box and no other pod', () => {
    const before = lay(three);
    const after = lay({ ...three, pods: [...three.pods, podView('web-b', 'node-1')] }, before.memory);
    const a = positions(after);
    for (const [key, pos] of positions(before)) expect(a.get(key)).toBe(pos);
    // the newcomer took the free slot after the two pods already there
    expect(after.boxes[1].items['pod:default/web-b']).toEqual({
      x: BOX_PADDING + (2 % COLUMNS) * (POD_WIDTH + POD_GAP),
      y: BOX_HEADER + Math.floor(2 / COLUMNS) * (POD_HEIGHT + POD_GAP),
      width: POD_WIDTH,
      height: POD_HEIGHT,
    });
  });

  it('is stable: a deleted pod leaves its slot to the next new one and moves nobody', () => {
    const before = lay(three);
    const gone = lay({ ...three, pods: three.pods.filter((p) => p.name !== 'web-a') }, before.memory);
    expect(gone.boxes[1].items['pod:default/web-c']).toEqual(before.boxes[1].items['pod:default/web-c']);
    const replaced = lay(
      { ...three, pods: [...three.pods.filter((p) => p.name !== 'web-a'), podView('web-z', 'node-1')] },
      gone.memory,
    );
    expect(replaced.boxes[1].items['pod:default/web-z']).toEqual(before.boxes[1].items['pod:default/web-a']);
  });

  it('puts unscheduled pods in a box after the last node, so the nodes stay put', () => {
    const before = lay(three);
    const after = lay({ ...three, pods: [...three.pods, podView('big', '', { status: 'Pending' })] }, before.memory);
    expect(after.boxes.at(-1)?.key).toBe('unscheduled');
    const a = positions(after);
    for (const [key, pos] of positions(before)) expect(a.get(key)).toBe(pos);
    expect(after.cluster.height).toBeGreaterThan(before.cluster.height);
    // it starts low and grows with its pods
    expect(after.boxes.at(-1)?.rect.height).toBeLessThan(after.boxes[0].rect.height);
  });

  it('is stable under any sequence of pods coming and going (property)', () => {
    const names = fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `p${i}`));
    const step = fc.record({ add: fc.boolean(), name: names, node: fc.constantFrom('node-1', 'node-2', 'node-3', '') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const present = new Map<string, string>();
        let memory: LayoutMemory | undefined;
        let last = new Map<string, string>();
        for (const s of steps) {
          if (s.add && !present.has(s.name)) present.set(s.name, s.node);
          else if (!s.add) present.delete(s.name);
          // at most CAPACITY pods per box, so nothing folds
          const counts = new Map<string, number>();
          for (const n of present.values()) counts.set(n, (counts.get(n) ?? 0) + 1);
          if ([...counts.values()].some((c) => c > CAPACITY)) return;
          const layout = lay({ nodes: three.nodes, pods: [...present].map(([n, node]) => podView(n, node)) }, memory);
          const now = positions(layout);
          for (const [key, pos] of now) if (last.has(key)) expect(pos).toBe(last.get(key));
          memory = layout.memory;
          last = now;
        }
      }),
    );
  });

  /** Mean wall time of one full pipeline run, carrying the slot memory like the page does. */
  function msPerFrame(view: View, frames: number): number {
    let memory: LayoutMemory = { slots: {} };
    const t0 = performance.now();
    for (let frame = 0; frame < frames; frame++) {
      memory = buildGraph({ view, filter: SHOW_ALL, expanded: [], memory }).layout.memory;
    }
    return (performance.now() - t0) / frames;
  }

  it('runs the whole pipeline for 20 nodes and 300 pods well within a frame', () => {
    // generous bounds: the suite shares two cores with other work
    expect(msPerFrame(bigCluster(20, 15, 3), 20)).toBeLessThan(50);
  });

  it('folds 20 nodes × 300 pods each (6,000) into a few groups per node, still quickly', () => {
    const view = bigCluster(20, 300, 6);
    expect(msPerFrame(view, 3)).toBeLessThan(500);
    const layout = lay(view);
    expect(layout.boxes).toHaveLength(21);
    // 300 pods of 6 owners fold into 6 groups per node
    expect(Object.keys(layout.boxes[1].items)).toHaveLength(6);
    // 21 boxes on a 5-wide grid
    expect(new Set(layout.boxes.map((b) => b.rect.x)).size).toBe(5);
  });

  it('lays out 20 nodes × 15 pods each (300 in all) without folding', () => {
    const layout = lay(bigCluster(20, 15, 20));
    expect(Object.keys(layout.boxes[1].items)).toHaveLength(15);
    // 15 items need a fifth row: the box grows instead of overlapping
    expect(layout.boxes[1].rect.height).toBeGreaterThan(layout.boxes[0].rect.height);
  });
});
