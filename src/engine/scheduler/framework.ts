/**
 * One scheduling cycle for one pod (pkg/scheduler/schedule_one.go schedulePod):
 * PreFilter, Filter over the nodes starting where the last cycle stopped until enough
 * feasible nodes are found, then Score, NormalizeScore, weights and selectHost.
 * Pure: it reads NodeInfos and returns what happened; binding and events are the
 * controller's job.
 */
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage } from './fiterror';
import type { NodeInfo } from './nodeinfo';
import type { PodSchedInfo } from './podinfo';
import { IMAGE_LOCALITY, imageLocalityScore } from './plugins/imagelocality';
import { ERR_REASON_CONFLICT, NODE_AFFINITY, nodeAffinityFilter, nodeAffinityScore } from './plugins/nodeaffinity';
import { nodeNameFilter } from './plugins/nodename';
import { nodePortsFilter } from './plugins/nodeports';
import {
  balancedAllocationScore,
  NODE_RESOURCES_BALANCED_ALLOCATION,
  NODE_RESOURCES_FIT,
  nodeResourcesFitFilter,
  nodeResourcesFitScore,
} from './plugins/noderesources';
import { nodeUnschedulableFilter } from './plugins/nodeunschedulable';
import type { FilterStatus } from './plugins/status';
import { TAINT_TOLERATION, taintTolerationFilter, taintTolerationScore } from './plugins/tainttoleration';
import { DEFAULT_SCORE_WEIGHTS, defaultNormalizeScore, selectHost } from './score';
import { dryRunPreemption } from './preemption';

/** minFeasibleNodesToFind */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** minFeasibleNodesPercentageToFind */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * numFeasibleNodesToFind with the default adaptive percentageOfNodesToScore:
 * 50% − 1% per 125 nodes, at least 5%, and never fewer than 100 nodes.
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** The filter plugins in the default profile's order; the first rejection wins. */
export function runFilters(pod: PodSchedInfo, ni: NodeInfo): FilterStatus | undefined {
  return (
    nodeUnschedulableFilter(pod.tolerations, ni) ??
    nodeNameFilter(pod.nodeName, ni) ??
    taintTolerationFilter(pod.tolerations, ni) ??
    nodeAffinityFilter(pod.affinity, ni) ??
    (pod.ports.length > 0 ? nodePortsFilter(pod.ports, ni.usedPorts) : undefined) ??
    nodeResourcesFitFilter(pod.request, ni)
  );
}

export interface ScheduleInput {
  /** every node, in the snapshot's order */
  nodes: NodeInfo[];
  /** how many nodes hold an image (ImageLocality's spread) */
  nodesWithImage: (name: string) => number;
  /** sched.nextStartNodeIndex */
  startIndex: number;
  randomInt: (n: number) => number;
}

export interface ScoredNodes {
  nodes: NodeInfo[];
  /** per score plugin that ran: normalized scores aligned with `nodes` */
  plugins: Record<string, number[]>;
  totals: number[];
}

export interface ScheduleResult {
  node?: string;
  totalNodes: number;
  feasible: NodeInfo[];
  /** nodes a filter rejected, in evaluation order */
  failed: { node: NodeInfo; status: FilterStatus }[];
  /** PreFilter narrowed the nodes: the others share this status */
  absent?: { allowed: Set<string>; status: FilterStatus };
  scores?: ScoredNodes;
  /** the FitError text (or the scheduler error) when no node fits */
  message?: string;
  /** PodScheduled=False reason */
  reason?: 'Unschedulable' | 'SchedulerError';
  /** plugins that rejected the pod somewhere (QueuedPodInfo.UnschedulablePlugins) */
  unschedulablePlugins: string[];
  /** nodes where preemption would make room (not simulated) */
  preemptionCandidates?: string[];
  nextStartIndex: number;
}

function prioritize(pod: PodSchedInfo, nodes: NodeInfo[], input: ScheduleInput): ScoredNodes {
  const plugins: Record<string, number[]> = {};
  const totals = new Array<number>(nodes.length).fill(0);
  const add = (name: keyof typeof DEFAULT_SCORE_WEIGHTS, scores: number[]) => {
    plugins[name] = scores;
    const w = DEFAULT_SCORE_WEIGHTS[name];
    for (let i = 0; i < scores.length; i++) totals[i] += w * scores[i];
  };
  // Plugins in the default profile's order.
  add(
    TAINT_TOLERATION,
    defaultNormalizeScore(
      nodes.map((ni) => taintTolerationScore(pod.preferTolerations, ni)),
      true,
    ),
  );
  if (pod.affinity.preferred.length > 0) {
    add(
      NODE_AFFINITY,
      defaultNormalizeScore(
        nodes.map((ni) => nodeAffinityScore(pod.affinity, ni)),
        false,
      ),
    );
  }
  add(
    NODE_RESOURCES_FIT,
    nodes.map((ni) => nodeResourcesFitScore(pod.nonZeroCpu, pod.nonZeroMemory, ni)),
  );
  // PreScore skips best-effort pods so they do not all pile onto one node.
  if (pod.request.cpu !== 0 || pod.request.memory !== 0) {
    add(
      NODE_RESOURCES_BALANCED_ALLOCATION,
      nodes.map((ni) => balancedAllocationScore(pod.request.cpu, pod.request.memory, ni)),
    );
  }
  const total = input.nodes.length;
  add(
    IMAGE_LOCALITY,
    nodes.map((ni) => (ni.images.size === 0 ? 0 : imageLocalityScore(pod.images, ni, input.nodesWithImage, total))),
  );
  return { nodes, plugins, totals };
}

export function schedulePod(pod: PodSchedInfo, input: ScheduleInput): ScheduleResult {
  const all = input.nodes;
  const totalNodes = all.length;
  if (totalNodes === 0) {
    return {
      totalNodes,
      feasible: [],
      failed: [],
      message: ERR_NO_NODES_AVAILABLE,
      reason: 'SchedulerError',
      unschedulablePlugins: [],
      nextStartIndex: input.startIndex,
    };
  }

  // PreFilter: NodeAffinity may pin the pod to named nodes (matchFields metadata.name).
  const names = pod.affinity.nodeNames;
  if (names === 'conflict') {
    const message = fitErrorMessage({ numAllNodes: totalNodes, preFilterMsg: ERR_REASON_CONFLICT, nodeReasons: [] });
    const postFilter = `preemption: ${fitErrorMessage({ numAllNodes: totalNodes, nodeReasons: [], absentReasons: ['Preemption is not helpful for scheduling'] })}`;
    return {
      totalNodes,
      feasible: [],
      failed: [],
      message: `${message} ${postFilter}`,
      reason: 'Unschedulable',
      unschedulablePlugins: [NODE_AFFINITY],
      nextStartIndex: input.startIndex,
    };
  }
  let nodes = all;
  let absent: ScheduleResult['absent'];
  if (names) {
    nodes = all.filter((ni) => names.has(ni.name));
    absent = {
      allowed: names,
      status: {
        plugin: NODE_AFFINITY,
        code: 'UnschedulableAndUnresolvable',
        reasons: [`node(s) didn't satisfy plugin(s) [${NODE_AFFINITY}]`],
      },
    };
  }

  // Filter, starting where the previous cycle left off so every node gets its turn.
  const n = nodes.length;
  const toFind = numFeasibleNodesToFind(n);
  const feasible: NodeInfo[] = [];
  const failed: ScheduleResult['failed'] = [];
  let processed = 0;
  for (let i = 0; i < n && feasible.length < toFind; i++) {
    const ni = nodes[(input.startIndex + i) % n];
    processed++;
    const status = runFilters(pod, ni);
    if (status) failed.push({ node: ni, status });
    else feasible.push(ni);
  }
  const nextStartIndex = (input.startIndex + processed) % totalNodes;
  const unschedulablePlugins = [...new Set([...(absent ? [NODE_AFFINITY] : []), ...failed.map((f) => f.status.plugin)])];

  if (feasible.length === 0) {
    const nodeReasons = failed.map((f) => f.status.reasons);
    const preemption = dryRunPreemption(pod, failed, totalNodes, runFilters);
    const message = fitErrorMessage({
      numAllNodes: totalNodes,
      nodeReasons,
      absentReasons: absent?.status.reasons,
      postFilterMsg: preemption.message,
    });
    return {
      totalNodes,
      feasible,
      failed,
      absent,
      message,
      reason: 'Unschedulable',
      unschedulablePlugins,
      ...(preemption.candidates.length > 0 ? { preemptionCandidates: preemption.candidates } : {}),
      nextStartIndex,
    };
  }

  // A single feasible node is taken without scoring.
  if (feasible.length === 1) {
    return { node: feasible[0].name, totalNodes, feasible, failed, absent, unschedulablePlugins, nextStartIndex };
  }
  const scores = prioritize(pod, feasible, input);
  const best = selectHost(scores.totals, input.randomInt);
  return { node: feasible[best].name, totalNodes, feasible, failed, absent, scores, unschedulablePlugins, nextStartIndex };
}
