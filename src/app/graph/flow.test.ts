import { describe, expect, it } from 'vitest';
import { SHOW_ALL } from './filter';
import { nodeView, podView } from './fixtures';
import { CLUSTER_ID, type GraphFlowNode, keepUnchanged } from './flow';
import { EMPTY_MEMORY } from './layout';
import { buildGraph } from './pipeline';

const view = {
  nodes: [nodeView('control-plane'), nodeView('node-1'), nodeView('node-2')],
  pods: [podView('web', 'node-1'), podView('big', '', { status: 'Pending', phase: 'Pending' })],
};
const graph = (v = view) => buildGraph({ view: v, filter: SHOW_ALL, expanded: [], memory: EMPTY_MEMORY });

describe('toFlowNodes', () => {
  it('makes the cluster a parent of every node box and of the unscheduled box', () => {
    const nodes = graph().nodes;
    expect(nodes.map((n) => [n.id, n.type, n.parentId])).toEqual([
      [CLUSTER_ID, 'cluster', undefined],
      ['node:control-plane', 'k8sNode', CLUSTER_ID],
      ['node:node-1', 'k8sNode', CLUSTER_ID],
      ['node:node-2', 'k8sNode', CLUSTER_ID],
      ['unscheduled', 'unscheduled', CLUSTER_ID],
    ]);
  });

  it('hands each box its pods with their positions, and nothing can be dragged or deleted', () => {
    const nodes = graph().nodes;
    const node1 = nodes[2];
    expect(node1.type === 'k8sNode' && node1.data.items.map((i) => [i.item.key, i.rect.x > 0])).toEqual([
      ['pod:default/web', true],
    ]);
    expect(nodes.every((n) => n.draggable === false && n.deletable === false)).toBe(true);
    // a fixed size, so React Flow need not measure before the first fit
    expect(nodes.every((n) => (n.width ?? 0) > 0 && (n.height ?? 0) > 0)).toBe(true);
  });

  it('leaves the unscheduled box out while every pod has a node', () => {
    const nodes = graph({ ...view, pods: [view.pods[0]] }).nodes;
    expect(nodes.map((n) => n.id)).not.toContain('unscheduled');
  });
});

describe('keepUnchanged', () => {
  it('hands back the old objects where nothing changed', () => {
    const first = graph().nodes;
    const same = keepUnchanged(first, graph().nodes);
    expect(same).toBe(first);
    const changed = keepUnchanged(
      first,
      graph({ ...view, pods: [podView('web', 'node-1', { status: 'Terminating' }), view.pods[1]] }).nodes,
    );
    expect(changed).not.toBe(first);
    const changedIds = changed.filter((n, i) => n !== first[i]).map((n: GraphFlowNode) => n.id);
    expect(changedIds).toEqual(['node:node-1']);
  });
});
