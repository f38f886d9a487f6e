/**
 * One scheduling cycle for one pod (pkg/scheduler/schedule_one.go schedulePod):
 * PreFilter, Filter over the nodes starting where the last cycle stopped until enough
 * feasible nodes are found, then Score, NormalizeScore, weights and selectHost.
 * Pure: it reads NodeInfos and returns what happened; binding and events are the
 * controller's job.
 */
import { filterTable, prioritizeTable } from './fastpath';
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage } from './fiterror';
import type { NodeInfo } from './nodeinfo';
import type { NodeTable } from './nodetable';
import { IMAGE_LOCALITY, imageLocalityScoreWith, imageSpread } from './plugins/imagelocality';
import { ERR_REASON_CONFLICT, NODE_AFFINITY, nodeAffinityFilter, nodeAffinityScore } from './plugins/nodeaffinity';
import { nodeNameFilter } from './plugins/nodename';
import { nodePortsFilter } from './plugins/nodeports';
import {
  balancedAllocationScore,
  MAX_NODE_SCORE,
  NODE_RESOURCES_BALANCED_ALLOCATION,
  NODE_RESOURCES_FIT,
  nodeResourcesFitFilter,
  nodeResourcesFitScore,
} from './plugins/noderesources';
import { nodeUnschedulableFilter } from './plugins/nodeunschedulable';
import type { FilterStatus } from './plugins/status';
import { TAINT_TOLERATION, taintTolerationFilter, taintTolerationScore } from './plugins/tainttoleration';
import type { PodSchedInfo } from './podinfo';
import { dryRunPreemption } from './preemption';
import { DEFAULT_SCORE_WEIGHTS, selectHost } from './score';

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
  return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
}

/** The filter plugins simulated, in the default profile's order (default_plugins.go). */
export const FILTER_PLUGINS = [
  'NodeUnschedulable',
  'NodeName',
  'TaintToleration',
  'NodeAffinity',
  'NodePorts',
  'NodeResourcesFit',
] as const;

/** The filter plugins in the default profile's order; the first rejection wins. */
export function runFilters(pod: PodSchedInfo, ni: NodeInfo): FilterStatus | undefined {
  // Fast path for the usual node (not cordoned, no NoSchedule/NoExecute taints) and pod
  // (no node name, selector, affinity or host ports): only the resource check can fail,
  // and when it passes nothing is allocated.
  if (!ni.unschedulable && ni.hardTaints.length === 0 && pod.plainFilters) {
    const r = pod.request;
    if (
      ni.podCount < ni.allowedPods &&
      r.cpu <= ni.allocatable.cpu - ni.requested.cpu &&
      r.memory <= ni.allocatable.memory - ni.requested.memory &&
      r.ephemeral <= ni.allocatable.ephemeral - ni.requested.ephemeral &&
      !r.scalar
    ) {
      return undefined;
    }
    return nodeResourcesFitFilter(r, ni);
  }
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
  /** the same nodes as columns (the cache's), for the fast loops; optional */
  table?: NodeTable;
}

export interface ScoredNodes {
  nodes: NodeInfo[];
  /** weighted totals aligned with `nodes` */
  totals: number[];
  /**
   * Each score plugin that ran: its normalized scores at the given positions of `nodes`
   * (all when omitted), in the profile's order. Read before the bind changes the node.
   */
  pluginScores(positions?: number[]): Record<string, number[]>;
}

/** pluginScores over arrays computed for every node. */
export function pickScores(plugins: Record<string, number[]>): ScoredNodes['pluginScores'] {
  return (positions) => {
    if (!positions) return plugins;
    const out: Record<string, number[]> = {};
    for (const name of Object.keys(plugins)) {
      const from = plugins[name];
      const to: number[] = [];
      for (const i of positions) to.push(from[i]);
      out[name] = to;
    }
    return out;
  };
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
  /** index of the chosen node in `feasible` */
  chosen?: number;
  /** nodes where preemption would make room (not simulated) */
  preemptionCandidates?: string[];
  nextStartIndex: number;
}

/** DefaultNormalizeScore in place, given the highest raw score. */
function normalizeInPlace(scores: number[], highest: number, reverse: boolean): void {
  for (let i = 0; i < scores.length; i++) {
    if (highest === 0) scores[i] = reverse ? MAX_NODE_SCORE : 0;
    else {
      const scaled = Math.trunc((MAX_NODE_SCORE * scores[i]) / highest);
      scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
    }
  }
}

/**
 * Score and NormalizeScore for the default profile's plugins, in its order. One pass
 * over the nodes fills every plugin's array: this is the hot loop of a cycle.
 */
function prioritize(pod: PodSchedInfo, nodes: NodeInfo[], input: ScheduleInput): ScoredNodes {
  const n = nodes.length;
  const W = DEFAULT_SCORE_WEIGHTS;
  const taint = new Array<number>(n);
  const fit = new Array<number>(n);
  const images = new Array<number>(n);
  // NodeAffinity's PreScore skips pods without preferred terms; BalancedAllocation's skips best-effort pods.
  const affinity = pod.affinity.preferred.length > 0 ? new Array<number>(n) : undefined;
  const balanced = pod.request.cpu !== 0 || pod.request.memory !== 0 ? new Array<number>(n) : undefined;
  const spread = pod.images.length > 0 ? imageSpread(pod.images, input.nodesWithImage, input.nodes.length) : undefined;
  let maxTaint = 0;
  let maxAffinity = 0;
  for (let i = 0; i < n; i++) {
    const ni = nodes[i];
    const t = ni.softTaints.length === 0 ? 0 : taintTolerationScore(pod.preferTolerations, ni);
    taint[i] = t;
    if (t > maxTaint) maxTaint = t;
    if (affinity) {
      const a = nodeAffinityScore(pod.affinity, ni);
      affinity[i] = a;
      if (a > maxAffinity) maxAffinity = a;
    }
    fit[i] = nodeResourcesFitScore(pod.nonZeroCpu, pod.nonZeroMemory, ni);
    if (balanced) balanced[i] = balancedAllocationScore(pod.request.cpu, pod.request.memory, ni);
    images[i] = spread && ni.images.size > 0 ? imageLocalityScoreWith(spread, ni) : 0;
  }
  normalizeInPlace(taint, maxTaint, true);
  if (affinity) normalizeInPlace(affinity, maxAffinity, false);
  const plugins: Record<string, number[]> = { [TAINT_TOLERATION]: taint };
  if (affinity) plugins[NODE_AFFINITY] = affinity;
  plugins[NODE_RESOURCES_FIT] = fit;
  if (balanced) plugins[NODE_RESOURCES_BALANCED_ALLOCATION] = balanced;
  plugins[IMAGE_LOCALITY] = images;
  const totals = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = W.TaintToleration * taint[i] + W.NodeResourcesFit * fit[i] + W.ImageLocality * images[i];
    if (affinity) sum += W.NodeAffinity * affinity[i];
    if (balanced) sum += W.NodeResourcesBalancedAllocation * balanced[i];
    totals[i] = sum;
  }
  return { nodes, totals, pluginScores: pickScores(plugins) };
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
  const table = input.table && input.table.infos === nodes ? input.table : undefined;
  let feasible: NodeInfo[] = [];
  let failed: ScheduleResult['failed'] = [];
  let rows: number[] | undefined;
  let processed = 0;
  if (table) {
    ({ feasible, failed, rows, processed } = filterTable(pod, table, input.startIndex, toFind, runFilters));
  } else {
    for (let i = 0; i < n && feasible.length < toFind; i++) {
      const ni = nodes[(input.startIndex + i) % n];
      processed++;
      const status = runFilters(pod, ni);
      if (status) failed.push({ node: ni, status });
      else feasible.push(ni);
    }
  }
  const nextStartIndex = (input.startIndex + processed) % totalNodes;
  const unschedulablePlugins: string[] = absent ? [NODE_AFFINITY] : [];
  for (const f of failed)
    if (!unschedulablePlugins.includes(f.status.plugin)) unschedulablePlugins.push(f.status.plugin);

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
    return {
      node: feasible[0].name,
      chosen: 0,
      totalNodes,
      feasible,
      failed,
      absent,
      unschedulablePlugins,
      nextStartIndex,
    };
  }
  const scores = table && rows ? prioritizeTable(pod, table, rows, feasible, input) : prioritize(pod, feasible, input);
  const best = selectHost(scores.totals, input.randomInt);
  return {
    node: feasible[best].name,
    chosen: best,
    totalNodes,
    feasible,
    failed,
    absent,
    scores,
    unschedulablePlugins,
    nextStartIndex,
  };
}
