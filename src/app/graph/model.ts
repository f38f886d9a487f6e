/**
 * Stage 1 of the graph: the worker's ClusterView as a tree the way a learner pictures
 * the cluster — the cluster, its control-plane and worker nodes, the pods bound to each
 * node, the containers in each pod — plus the pods no node holds yet.
 */
import type { ClusterView, NodeView, PodView } from '../../protocol/messages';
import { type PodBadge, podBadge, readyCounts } from './status';

/** Who made a pod: the controller ownerReference, or a guess from the pod's name. */
export interface OwnerModel {
  /** namespace/kind/name, or namespace//prefix for a guess */
  key: string;
  kind?: string;
  name: string;
}

export interface ContainerModel {
  /** 1-based position in the pod; ClusterView carries counts, not container names */
  index: number;
  ready: boolean;
}

export interface PodModel {
  /** namespace/name */
  key: string;
  namespace: string;
  name: string;
  /** kubectl's STATUS text */
  status: string;
  badge: PodBadge;
  /** kubectl's READY column ("1/1") */
  ready: string;
  podReady: boolean;
  restarts: number;
  ip: string;
  system: boolean;
  owner: OwnerModel;
  containers: ContainerModel[];
}

export interface NodeModel {
  name: string;
  status: string;
  ready: boolean;
  controlPlane: boolean;
  /** the machine is switched off: the node is drawn dark and its pods greyed */
  down: boolean;
  view: NodeView;
  pods: PodModel[];
}

export interface ClusterModel {
  nodes: NodeModel[];
  /** pods without spec.nodeName (or bound to a node the view no longer lists) */
  unscheduled: PodModel[];
  /** every namespace that has a pod, sorted */
  namespaces: string[];
}

export const SYSTEM_NAMESPACE = 'kube-system';

export function buildModel(view: Pick<ClusterView, 'nodes' | 'pods'>): ClusterModel {
  const nodes = [...view.nodes].sort(byNodeOrder).map(
    (n): NodeModel => ({
      name: n.name,
      status: n.status,
      ready: n.ready,
      controlPlane: n.roles.includes('control-plane'),
      down: n.machineDown === true,
      view: n,
      pods: [],
    }),
  );
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const unscheduled: PodModel[] = [];
  const namespaces = new Set<string>();
  for (const p of [...view.pods].sort(byKey)) {
    namespaces.add(p.namespace);
    const pod = podModel(p);
    const node = p.node ? byName.get(p.node) : undefined;
    (node ? node.pods : unscheduled).push(pod);
  }
  return { nodes, unscheduled, namespaces: [...namespaces].sort() };
}

export function podModel(p: PodView): PodModel {
  const { ready, total } = readyCounts(p.ready);
  const containers: ContainerModel[] = [];
  for (let i = 1; i <= total; i++) containers.push({ index: i, ready: i <= ready });
  return {
    key: `${p.namespace}/${p.name}`,
    namespace: p.namespace,
    name: p.name,
    status: p.status,
    badge: podBadge(p),
    ready: p.ready,
    podReady: p.podReady,
    restarts: p.restarts,
    ip: p.ip,
    system: p.namespace === SYSTEM_NAMESPACE,
    owner: ownerOf(p),
    containers,
  };
}

/**
 * The controller that made the pod. Without an ownerReference in the view, the name
 * says it: controllers name pods `<owner>-<suffix>` (ReplicaSet `web-5d8f7c9b6-x7k2p`,
 * StatefulSet `db-0`, Job `pi-abcde`), so dropping the last dash segment groups them.
 */
export function ownerOf(p: Pick<PodView, 'namespace' | 'name' | 'owner'>): OwnerModel {
  if (p.owner) {
    return { key: `${p.namespace}/${p.owner.kind}/${p.owner.name}`, kind: p.owner.kind, name: p.owner.name };
  }
  const dash = p.name.lastIndexOf('-');
  const prefix = dash > 0 ? p.name.slice(0, dash) : p.name;
  return { key: `${p.namespace}//${prefix}`, name: prefix };
}

/** Control-plane nodes first, then the rest in natural order (node-2 before node-10). */
function byNodeOrder(a: NodeView, b: NodeView): number {
  const cp = Number(b.roles.includes('control-plane')) - Number(a.roles.includes('control-plane'));
  return cp || naturalCompare(a.name, b.name);
}

function byKey(a: PodView, b: PodView): number {
  return naturalCompare(a.namespace, b.namespace) || naturalCompare(a.name, b.name);
}

const collator = new Intl.Collator('en', { numeric: true });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}
