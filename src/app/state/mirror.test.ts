import { describe, expect, it } from 'vitest';
import type { ClusterView, NodeView, PodView } from '../../protocol/messages';
import { EMPTY_MIRROR, foldView } from './mirror';

const node = (name: string, status = 'Ready'): NodeView => ({
  name,
  status,
  ready: status === 'Ready',
  roles: [],
  cpu: { allocatable: '2', requested: '0', percent: 0 },
  memory: { allocatable: '4Gi', requested: '0', percent: 0 },
  podCIDR: '10.244.1.0/24',
  unschedulable: false,
});
const pod = (name: string, nodeName: string, status = 'Running'): PodView => ({
  namespace: 'default',
  name,
  node: nodeName,
  phase: 'Running',
  status,
  ready: '1/1',
  podReady: true,
  restarts: 0,
  ip: '',
});
const view = (nodes: NodeView[], pods: PodView[], now = 0): ClusterView => ({ now, nodes, pods, events: [] });

describe('foldView', () => {
  it('groups pods by node, unscheduled ones under ""', () => {
    const m = foldView(EMPTY_MIRROR, view([node('node-1')], [pod('a', 'node-1'), pod('b', '')]));
    expect(m.nodeNames).toEqual(['node-1']);
    expect(m.podsByNode['node-1'].map((p) => p.name)).toEqual(['a']);
    expect(m.podsByNode[''].map((p) => p.name)).toEqual(['b']);
  });

  it('keeps the identity of unchanged nodes, pods and per-node lists', () => {
    const first = foldView(
      EMPTY_MIRROR,
      view([node('node-1'), node('node-2')], [pod('a', 'node-1'), pod('b', 'node-2')]),
    );
    const second = foldView(
      first,
      view([node('node-1'), node('node-2', 'NotReady')], [pod('a', 'node-1'), pod('b', 'node-2', 'Terminating')], 5),
    );
    expect(second.nodeNames).toBe(first.nodeNames);
    expect(second.nodes['node-1']).toBe(first.nodes['node-1']);
    expect(second.nodes['node-2']).not.toBe(first.nodes['node-2']);
    expect(second.podsByNode['node-1']).toBe(first.podsByNode['node-1']);
    expect(second.podsByNode['node-2']).not.toBe(first.podsByNode['node-2']);
    expect(second.podsByNode['node-2'][0].status).toBe('Terminating');
    expect(second.now).toBe(5);
  });

  it('drops nodes and pods that are gone', () => {
    const first = foldView(EMPTY_MIRROR, view([node('node-1')], [pod('a', 'node-1')]));
    const second = foldView(first, view([], []));
    expect(second.nodeNames).toEqual([]);
    expect(second.podsByNode['node-1']).toBeUndefined();
  });
});
