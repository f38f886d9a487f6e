/** Small ClusterView builders for the graph's tests. */
import type { ClusterView, NodeView, PodView } from '../../protocol/messages';

const resource = { allocatable: '2', requested: '0', percent: 0 };

export function nodeView(name: string, extra: Partial<NodeView> = {}): NodeView {
  return {
    name,
    status: 'Ready',
    ready: true,
    roles: name === 'control-plane' ? ['control-plane'] : [],
    cpu: resource,
    memory: { ...resource, allocatable: '3.9Gi' },
    podCIDR: '10.244.0.0/24',
    unschedulable: false,
    ...extra,
  };
}

export function podView(name: string, node: string, extra: Partial<PodView> = {}): PodView {
  return {
    namespace: 'default',
    name,
    node,
    phase: 'Running',
    status: 'Running',
    ready: '1/1',
    podReady: true,
    restarts: 0,
    ip: '10.244.1.5',
    ...extra,
  };
}

/** `workers` nodes (plus the control plane) with `podsPerNode` pods of a few owners each. */
export function bigCluster(workers: number, podsPerNode: number, owners = 4): Pick<ClusterView, 'nodes' | 'pods'> {
  const nodes = [nodeView('control-plane')];
  const pods: PodView[] = [];
  for (let n = 1; n <= workers; n++) {
    nodes.push(nodeView(`node-${n}`));
    for (let i = 0; i < podsPerNode; i++) {
      const owner = `app${i % owners}-5d8f7c9b6`;
      pods.push(podView(`${owner}-n${n}p${i}`, `node-${n}`, { owner: { kind: 'ReplicaSet', name: owner } }));
    }
  }
  return { nodes, pods };
}
