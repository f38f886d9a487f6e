/**
 * NodeInfo, like pkg/scheduler/framework NodeInfo: one node plus the aggregate of the
 * pods bound to it (requested resources, the non-zero requests used for scoring,
 * the pod count and the host ports in use). Built from store objects only, so it can
 * always be rebuilt; the cache keeps it current from watch events.
 */
import { bytes } from '../api/quantity';
import type { Container, KubeObject, Node, Taint } from '../api/types';
import { emptyResources, parseResourceList, podRequests, type Resources } from './resources';

export interface HostPort {
  protocol: string;
  /** "0.0.0.0" when the pod did not name a host IP */
  ip: string;
  port: number;
}

/** What one bound pod adds to its node. */
export interface PodContribution {
  /** namespace/name */
  key: string;
  node: string;
  priority: number;
  requested: Resources;
  nonZeroCpu: number;
  nonZeroMemory: number;
  ports: HostPort[];
}

export interface NodeInfo {
  name: string;
  /** undefined for a node that does not exist (yet) but has pods bound to it */
  node?: Node;
  labels: Record<string, string>;
  unschedulable: boolean;
  /** NoSchedule and NoExecute taints in the node's order: what the TaintToleration filter checks */
  hardTaints: Taint[];
  /** PreferNoSchedule taints: what the TaintToleration score counts */
  softTaints: Taint[];
  allocatable: Resources;
  allowedPods: number;
  requested: Resources;
  nonZeroCpu: number;
  nonZeroMemory: number;
  podCount: number;
  pods: Map<string, PodContribution>;
  /** "TCP/8080" → host IP → how many pods use it */
  usedPorts: Map<string, Map<string, number>>;
  /** image name (every name of every image in node.status.images) → size in bytes */
  images: Map<string, number>;
}

/** DefaultBindAllHostIP */
export const ALL_HOST_IPS = '0.0.0.0';

export function newNodeInfo(name: string): NodeInfo {
  return {
    name,
    labels: {},
    unschedulable: false,
    hardTaints: [],
    softTaints: [],
    allocatable: emptyResources(),
    allowedPods: 0,
    requested: emptyResources(),
    nonZeroCpu: 0,
    nonZeroMemory: 0,
    podCount: 0,
    pods: new Map(),
    usedPorts: new Map(),
    images: new Map(),
  };
}

/** Replaces the node-derived fields (labels, taints, allocatable, images). */
export function setNode(ni: NodeInfo, node: Node | undefined): void {
  ni.node = node;
  ni.labels = node?.metadata.labels ?? {};
  ni.unschedulable = node?.spec?.unschedulable === true;
  const taints = node?.spec?.taints ?? [];
  ni.hardTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
  ni.softTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
  const alloc = node?.status?.allocatable;
  ni.allocatable = parseResourceList(alloc);
  ni.allowedPods = alloc?.pods !== undefined ? bytes(alloc.pods) : 0;
  ni.images = new Map();
  for (const img of node?.status?.images ?? []) {
    for (const name of img.names ?? []) ni.images.set(name, img.sizeBytes ?? 0);
  }
}

/** A pod uses node resources while it is bound and not terminated (Succeeded/Failed). */
export function occupiesNode(pod: KubeObject): boolean {
  if (!pod.spec?.nodeName) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** Host ports a pod asks for (GetContainerPorts: app containers; hostPort 0 means none). */
export function hostPortsOf(spec: { containers?: Container[] } | undefined): HostPort[] {
  const out: HostPort[] = [];
  for (const c of spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      out.push({ protocol: p.protocol || 'TCP', ip: p.hostIP || ALL_HOST_IPS, port: p.hostPort });
    }
  }
  return out;
}

export function contributionOf(pod: KubeObject): PodContribution | undefined {
  if (!occupiesNode(pod)) return undefined;
  const nonZero = podRequests(pod.spec, true);
  return {
    key: `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`,
    node: pod.spec.nodeName,
    priority: typeof pod.spec.priority === 'number' ? pod.spec.priority : 0,
    requested: podRequests(pod.spec),
    nonZeroCpu: nonZero.cpu,
    nonZeroMemory: nonZero.memory,
    ports: hostPortsOf(pod.spec),
  };
}

function addScalar(to: Resources, from: Resources | undefined, sign: 1 | -1): void {
  if (!from?.scalar) return;
  to.scalar ??= {};
  for (const k of Object.keys(from.scalar)) {
    const v = (to.scalar[k] ?? 0) + sign * from.scalar[k];
    if (v === 0) delete to.scalar[k];
    else to.scalar[k] = v;
  }
}

export function addPod(ni: NodeInfo, c: PodContribution): void {
  ni.pods.set(c.key, c);
  ni.podCount++;
  ni.requested.cpu += c.requested.cpu;
  ni.requested.memory += c.requested.memory;
  ni.requested.ephemeral += c.requested.ephemeral;
  addScalar(ni.requested, c.requested, 1);
  ni.nonZeroCpu += c.nonZeroCpu;
  ni.nonZeroMemory += c.nonZeroMemory;
  for (const p of c.ports) {
    const k = `${p.protocol}/${p.port}`;
    let byIp = ni.usedPorts.get(k);
    if (!byIp) {
      byIp = new Map();
      ni.usedPorts.set(k, byIp);
    }
    byIp.set(p.ip, (byIp.get(p.ip) ?? 0) + 1);
  }
}

export function removePod(ni: NodeInfo, c: PodContribution): void {
  if (!ni.pods.delete(c.key)) return;
  ni.podCount--;
  ni.requested.cpu -= c.requested.cpu;
  ni.requested.memory -= c.requested.memory;
  ni.requested.ephemeral -= c.requested.ephemeral;
  addScalar(ni.requested, c.requested, -1);
  ni.nonZeroCpu -= c.nonZeroCpu;
  ni.nonZeroMemory -= c.nonZeroMemory;
  for (const p of c.ports) {
    const k = `${p.protocol}/${p.port}`;
    const byIp = ni.usedPorts.get(k);
    if (!byIp) continue;
    const n = (byIp.get(p.ip) ?? 0) - 1;
    if (n > 0) byIp.set(p.ip, n);
    else byIp.delete(p.ip);
    if (byIp.size === 0) ni.usedPorts.delete(k);
  }
}

/**
 * HostPortInfo.CheckConflict: a wildcard (0.0.0.0) request conflicts with the same
 * protocol/port on any IP; a specific IP conflicts with itself and with the wildcard.
 */
export function portConflicts(used: Map<string, Map<string, number>>, want: HostPort): boolean {
  if (want.port <= 0) return false;
  const byIp = used.get(`${want.protocol}/${want.port}`);
  if (!byIp || byIp.size === 0) return false;
  if (want.ip === ALL_HOST_IPS) return true;
  return byIp.has(ALL_HOST_IPS) || byIp.has(want.ip);
}

/** Builds a NodeInfo from a node and the pods on it (tests and rebuilds). */
export function nodeInfoFrom(node: Node | undefined, pods: KubeObject[] = [], name?: string): NodeInfo {
  const ni = newNodeInfo(name ?? node?.metadata.name ?? '');
  setNode(ni, node);
  for (const p of pods) {
    const c = contributionOf(p);
    if (c) addPod(ni, c);
  }
  return ni;
}
