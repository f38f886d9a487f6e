/**
 * Everything the plugins need from the pod being scheduled, computed once per
 * scheduling attempt (the PreFilter/PreScore state of the real framework).
 */
import type { KubeObject, Toleration } from '../api/types';
import { type HostPort, hostPortsOf } from './nodeinfo';
import { normalizedImageName } from './plugins/imagelocality';
import { type PodNodeAffinity, podNodeAffinity } from './plugins/nodeaffinity';
import { preferNoScheduleTolerations } from './plugins/tainttoleration';
import { podRequests, type Resources } from './resources';

export interface PodSchedInfo {
  namespace: string;
  name: string;
  uid: string;
  priority: number;
  preemptionPolicy?: string;
  nodeName?: string;
  tolerations: Toleration[];
  /** PreScore of TaintToleration */
  preferTolerations: Toleration[];
  /** the real request (Filter, BalancedAllocation) */
  request: Resources;
  /** the request with 100m/200Mi for containers that ask for nothing (LeastAllocated) */
  nonZeroCpu: number;
  nonZeroMemory: number;
  ports: HostPort[];
  affinity: PodNodeAffinity;
  /** normalized image names of every container, init containers first */
  images: string[];
  /** no node name, node selector, required affinity or host ports: only NodeResourcesFit can reject on an untainted node */
  plainFilters: boolean;
}

export function podSchedInfo(pod: KubeObject): PodSchedInfo {
  const spec = pod.spec ?? {};
  const nonZero = podRequests(spec, true);
  const tolerations: Toleration[] = spec.tolerations ?? [];
  const affinity = podNodeAffinity(spec);
  const ports = hostPortsOf(spec);
  const nodeName = spec.nodeName || undefined;
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    priority: typeof spec.priority === 'number' ? spec.priority : 0,
    preemptionPolicy: spec.preemptionPolicy,
    nodeName,
    tolerations,
    preferTolerations: preferNoScheduleTolerations(tolerations),
    request: podRequests(spec),
    nonZeroCpu: nonZero.cpu,
    nonZeroMemory: nonZero.memory,
    ports,
    affinity,
    plainFilters: !nodeName && ports.length === 0 && !affinity.nodeSelector && !affinity.requiredTerms,
    images: [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: { image?: string }) =>
      normalizedImageName(c.image ?? ''),
    ),
  };
}
