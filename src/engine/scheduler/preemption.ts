/**
 * The PostFilter message of DefaultPreemption, without the preemption itself.
 *
 * After a failed Filter phase upstream asks whether evicting lower-priority pods
 * could make room. Nodes rejected as UnschedulableAndUnresolvable (taints, affinity,
 * cordon, a request bigger than the node) are never candidates: they count as
 * "Preemption is not helpful for scheduling". On the others it removes every pod with
 * a lower priority and filters again: no such pod → "No preemption victims found for
 * incoming pod", still no fit → the filter's reasons. When some node would fit after
 * evictions upstream preempts and the FitError carries no PostFilter message; this
 * simulation does not evict, so it reports that a candidate exists.
 */
import { fitErrorMessage } from './fiterror';
import { type NodeInfo, removePod } from './nodeinfo';
import type { FilterStatus } from './plugins/status';
import type { PodSchedInfo } from './podinfo';

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export interface PreemptionOutcome {
  /** the PostFilter message ("preemption: ..."), absent when a candidate node exists */
  message?: string;
  /** nodes where evicting lower-priority pods would make the pod fit */
  candidates: string[];
}

/** The node as it would be without the given pods. */
function withoutPods(ni: NodeInfo, victims: string[]): NodeInfo {
  const copy: NodeInfo = {
    ...ni,
    requested: { ...ni.requested, ...(ni.requested.scalar ? { scalar: { ...ni.requested.scalar } } : {}) },
    pods: new Map(ni.pods),
    usedPorts: new Map([...ni.usedPorts].map(([k, v]) => [k, new Map(v)])),
  };
  for (const key of victims) {
    const c = ni.pods.get(key);
    if (c) removePod(copy, c);
  }
  return copy;
}

export function dryRunPreemption(
  pod: PodSchedInfo,
  failed: { node: NodeInfo; status: FilterStatus }[],
  numAllNodes: number,
  runFilters: (pod: PodSchedInfo, ni: NodeInfo) => FilterStatus | undefined,
): PreemptionOutcome {
  if (pod.preemptionPolicy === 'Never') {
    return { message: 'preemption: not eligible due to preemptionPolicy=Never.', candidates: [] };
  }
  const nodeReasons: string[][] = [];
  const candidates: string[] = [];
  for (const { node, status } of failed) {
    if (status.code !== 'Unschedulable') continue;
    const victims = [...node.pods.values()].filter((c) => c.priority < pod.priority).map((c) => c.key);
    if (victims.length === 0) {
      nodeReasons.push([NO_VICTIMS]);
      continue;
    }
    const refiltered = runFilters(pod, withoutPods(node, victims));
    if (refiltered) nodeReasons.push(refiltered.reasons);
    else candidates.push(node.name);
  }
  if (candidates.length > 0) return { candidates };
  const text = fitErrorMessage({ numAllNodes, nodeReasons, absentReasons: [PREEMPTION_NOT_HELPFUL] });
  return { message: `preemption: ${text}`, candidates };
}
