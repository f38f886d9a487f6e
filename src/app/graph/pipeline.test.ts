import { describe, expect, it } from 'vitest';
import { SHOW_ALL } from './filter';
import { bigCluster, nodeView, podView } from './fixtures';
import type { GraphFlowNode } from './flow';
import { EMPTY_MEMORY } from './layout';
import { buildGraph, type GraphInput } from './pipeline';

/** Every pod or group on the canvas: box position plus item position. */
function canvas(nodes: GraphFlowNode[]): Map<string, string> {
  const boxes = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string>();
  for (const n of nodes) {
    if (n.type === 'cluster') continue;
    const parent = boxes.get(n.parentId ?? '');
    const x = (parent?.position.x ?? 0) + n.position.x;
    const y = (parent?.position.y ?? 0) + n.position.y;
    out.set(n.id, `${x},${y}`);
    for (const { item, rect } of n.data.items) out.set(item.key, `${x + rect.x},${y + rect.y}`);
  }
  return out;
}

const input = (view: GraphInput['view'], memory = EMPTY_MEMORY): GraphInput => ({
  view,
  filter: SHOW_ALL,
  expanded: [],
  memory,
});

describe('buildGraph', () => {
  it('adding a pod through the whole pipeline leaves every other position on the canvas as it was', () => {
    const view = bigCluster(3, 8);
    const before = buildGraph(input(view));
    const after = buildGraph(
      input({ ...view, pods: [...view.pods, podView('aaa-first-by-name', 'node-2')] }, before.layout.memory),
    );
    const a = canvas(after.nodes);
    for (const [key, pos] of canvas(before.nodes)) expect(a.get(key)).toBe(pos);
    expect(a.has('pod:default/aaa-first-by-name')).toBe(true);
  });

  it('3 nodes × 30 pods: each node shows one group per owner instead of 30 cards', () => {
    const g = buildGraph(input(bigCluster(3, 30, 3)));
    const node1 = g.nodes.find((n) => n.id === 'node:node-1');
    expect(
      node1?.type === 'k8sNode' && node1.data.items.map((i) => (i.item.type === 'group' ? i.item.label : i.item.key)),
    ).toEqual([
      '10 pods of ReplicaSet app0-5d8f7c9b6',
      '10 pods of ReplicaSet app1-5d8f7c9b6',
      '10 pods of ReplicaSet app2-5d8f7c9b6',
    ]);
  });

  it('opening a group shows its pods; the other nodes stay folded', () => {
    const view = bigCluster(3, 30, 3);
    const g = buildGraph({ ...input(view), expanded: ['node:node-1|group:default/ReplicaSet/app0-5d8f7c9b6'] });
    const items = (id: string) => {
      const n = g.nodes.find((x) => x.id === id);
      return n && n.type !== 'cluster' ? n.data.items.length : 0;
    };
    expect(items('node:node-1')).toBe(12);
    expect(items('node:node-2')).toBe(3);
  });

  it('counts what the filters hide and lists every namespace for the toggles', () => {
    const view = {
      nodes: [nodeView('control-plane'), nodeView('node-1')],
      pods: [podView('etcd', 'control-plane', { namespace: 'kube-system' }), podView('web', 'node-1')],
    };
    const g = buildGraph({ ...input(view), filter: { showSystemPods: false, hiddenNamespaces: [] } });
    expect(g.hidden).toBe(1);
    expect(g.namespaces).toEqual(['default', 'kube-system']);
  });
});
