/**
 * Pod admission on the node: before running a new pod the kubelet checks that it
 * fits beside the pods it already runs (pkg/kubelet/lifecycle/predicate.go
 * generalFilter: node resources, pod count, node selector). A pod bound with
 * spec.nodeName skips the scheduler, so this is where it can still be refused:
 * phase Failed with reason OutOfcpu / OutOfmemory / OutOfpods / NodeAffinity.
 */
import { bytes, cpuMilli } from '../api/quantity';
import type { Store } from '../api/store';
import type { Node, Pod } from '../api/types';
import { podsOnNode } from '../controllers/podindex';
import { podRequests } from '../scheduler/resources';
import type { KubeletState } from './state';

/** reason and message as the event carries them; the status message adds "Pod was rejected: " (rejectPod). */
export interface Rejection {
  reason: string;
  message: string;
}

function selectorMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  return true;
}

/** Why the node refuses the pod, or undefined when it is admitted. */
export function admitPod(pod: Pod, node: Node, st: KubeletState, store: Store): Rejection | undefined {
  if (!selectorMatches(pod, node)) {
    return {
      reason: 'NodeAffinity',
      message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    };
  }
  const name = node.metadata.name;
  const alloc = node.status?.allocatable ?? {};
  const used = { cpu: 0, memory: 0, pods: 0 };
  // The pods this kubelet already runs: bound here, admitted, not finished. Walking the
  // node's pods (not every pod the kubelets know) keeps admission O(pods on the node).
  for (const other of podsOnNode(store, name)) {
    const rec = st.pods[`${other.metadata.namespace}/${other.metadata.name}`];
    if (!rec || rec.node !== name || rec.finished || other.metadata.uid === pod.metadata.uid) continue;
    const r = podRequests(other.spec);
    used.cpu += r.cpu;
    used.memory += r.memory;
    used.pods++;
  }
  const want = podRequests(pod.spec);
  const checks: [string, number, number, number][] = [
    ['pods', 1, used.pods, Number(alloc.pods ?? 110)],
    ['cpu', want.cpu, used.cpu, cpuMilli(alloc.cpu ?? '0')],
    ['memory', want.memory, used.memory, bytes(alloc.memory ?? '0')],
  ];
  for (const [res, requested, inUse, capacity] of checks) {
    if (requested > 0 && inUse + requested > capacity) {
      return {
        reason: `OutOf${res}`,
        message: `Node didn't have enough resource: ${res}, requested: ${requested}, used: ${inUse}, capacity: ${capacity}`,
      };
    }
  }
  return undefined;
}
