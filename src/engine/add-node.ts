/**
 * Joining a worker to a running cluster, as `kubeadm join` would: the kubelet
 * registers its Node (with the next free pod CIDR and address), creates its Lease,
 * and kube-proxy starts on it. The kubelet controller sees the new Node and starts
 * its agent (Starting, NodeReady, heartbeats), the scheduler sees a new place for
 * Pending pods, and DaemonSet controllers add their pods.
 */
import type { Node } from './api/types';
import type { ClusterCore } from './cluster';
import {
  CONTROL_PLANE,
  clusterCIDR,
  kubeProxyPod,
  MAX_WORKERS,
  makeLease,
  makeNode,
  type NodeSpec,
  nodeIP,
  nodePodCIDR,
  normalizeNodes,
} from './cluster-shape';

/** Adds one worker node and returns its name (node-N, the lowest N not taken, unless named). */
export function addNode(core: ClusterCore, spec: NodeSpec = {}): string {
  const nodes = core.store.list('Node') as Node[];
  if (nodes.length - 1 >= MAX_WORKERS) throw new Error(`addNode: the cluster already has ${MAX_WORKERS} workers`);
  const taken = new Set(nodes.map((n) => n.metadata.name));
  let name = spec.name;
  if (name === undefined) {
    let n = 1;
    while (taken.has(`node-${n}`)) n++;
    name = `node-${n}`;
  }
  if (taken.has(name) || name === CONTROL_PLANE) throw new Error(`addNode: a node named "${name}" already exists`);
  // Reuses createCluster's checks for the name and the capacities.
  const [checked] = normalizeNodes([{ ...spec, name }]);

  // The cluster CIDR was fixed when the cluster was made; pick the first free slot in it.
  const cidr = clusterCIDR(nodes.length);
  const usedCIDRs = new Set(nodes.map((n) => n.spec?.podCIDR));
  const usedIPs = new Set(nodes.flatMap((n) => (n.status?.addresses ?? []).map((a) => a.address)));
  let index = 1;
  while (usedCIDRs.has(nodePodCIDR(index, nodes.length + 1)) || usedIPs.has(nodeIP(index))) index++;
  if (clusterCIDR(nodes.length + 1) !== cidr || (cidr === '10.244.0.0/16' && index > 255)) {
    throw new Error(`addNode: no pod CIDR left in the cluster CIDR ${cidr}`);
  }

  const node = core.api.store.create(makeNode(checked, index, false, core.rng, nodes.length + 1));
  core.api.store.create(makeLease(node, core.clock));
  core.api.create(kubeProxyPod(name));
  core.settle();
  return name;
}
