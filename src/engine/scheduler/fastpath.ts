/**
 * The Filter and Score loops over the NodeTable's columns. Same plugins, same order,
 * same integer arithmetic as the per-NodeInfo functions (the tests compare the two);
 * a node that is not plain (cordoned, tainted, extended resources, images, soft
 * taints) falls back to those functions for the part that needs it.
 */
import { pickScores, type ScheduleInput, type ScheduleResult, type ScoredNodes } from './framework';
import type { NodeInfo } from './nodeinfo';
import type { NodeTable } from './nodetable';
import { IMAGE_LOCALITY, imageLocalityScoreWith, imageSpread } from './plugins/imagelocality';
import { NODE_AFFINITY, nodeAffinityScore } from './plugins/nodeaffinity';
import { MAX_NODE_SCORE, NODE_RESOURCES_BALANCED_ALLOCATION, NODE_RESOURCES_FIT } from './plugins/noderesources';
import type { FilterStatus } from './plugins/status';
import { TAINT_TOLERATION, taintTolerationScore } from './plugins/tainttoleration';
import type { PodSchedInfo } from './podinfo';
import { DEFAULT_SCORE_WEIGHTS } from './score';

export interface TableFilterResult {
  feasible: NodeInfo[];
  /** table rows of `feasible` */
  rows: number[];
  failed: ScheduleResult['failed'];
  processed: number;
}

/** findNodesThatPassFilters over every node, starting at `start`, until `toFind` fit. */
export function filterTable(
  pod: PodSchedInfo,
  t: NodeTable,
  start: number,
  toFind: number,
  runFilters: (pod: PodSchedInfo, ni: NodeInfo) => FilterStatus | undefined,
): TableFilterResult {
  const n = t.n;
  // Sized once for the most that can pass: growing two arrays of hundreds of entries
  // push by push was a good part of what a cycle allocated.
  const cap = Math.min(toFind, n);
  const feasible = new Array<NodeInfo>(cap);
  const rows = new Array<number>(cap);
  let found = 0;
  const failed: ScheduleResult['failed'] = [];
  const r = pod.request;
  const plainPod = pod.plainFilters && !r.scalar;
  let j = start % n;
  let processed = 0;
  while (processed < n && found < toFind) {
    processed++;
    let fits: boolean;
    if (
      plainPod &&
      t.plainFilter[j] === 1 &&
      t.podCount[j] < t.allowedPods[j] &&
      r.cpu <= t.allocCpu[j] - t.reqCpu[j] &&
      r.memory <= t.allocMemory[j] - t.reqMemory[j] &&
      r.ephemeral <= t.allocEphemeral[j] - t.reqEphemeral[j]
    ) {
      fits = true;
    } else {
      const status = runFilters(pod, t.infos[j]);
      if (status) failed.push({ node: t.infos[j], status });
      fits = !status;
    }
    if (fits) {
      feasible[found] = t.infos[j];
      rows[found] = j;
      found++;
    }
    if (++j === n) j = 0;
  }
  feasible.length = found;
  rows.length = found;
  return { feasible, rows, failed, processed };
}

/** leastRequestedScore */
function least(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity) | 0;
}

/** NodeResourcesFit's LeastAllocated: cpu and memory weighted 1, on the non-zero requests. */
function leastAllocated(t: NodeTable, j: number, podNzCpu: number, podNzMemory: number): number {
  const cpu = t.allocCpu[j];
  const memory = t.allocMemory[j];
  let sum = 0;
  let weights = 0;
  if (cpu !== 0) {
    sum += least(t.nonZeroCpu[j] + podNzCpu, cpu);
    weights++;
  }
  if (memory !== 0) {
    sum += least(t.nonZeroMemory[j] + podNzMemory, memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(sum / weights) | 0;
}

/** BalancedAllocation on cpu and memory: 100 × (1 − |Δ fraction| / 2), fractions capped at 1. */
function balancedAllocation(t: NodeTable, j: number, podCpu: number, podMemory: number): number {
  const cpu = t.allocCpu[j];
  const memory = t.allocMemory[j];
  if (cpu === 0 || memory === 0) return MAX_NODE_SCORE;
  const fc = Math.min((t.reqCpu[j] + podCpu) / cpu, 1);
  const fm = Math.min((t.reqMemory[j] + podMemory) / memory, 1);
  return Math.trunc((1 - Math.abs((fc - fm) / 2)) * MAX_NODE_SCORE) | 0;
}

function normalize(scores: number[], highest: number, reverse: boolean): void {
  for (let i = 0; i < scores.length; i++) {
    if (highest === 0) scores[i] = reverse ? MAX_NODE_SCORE : 0;
    else {
      const scaled = Math.trunc((MAX_NODE_SCORE * scores[i]) / highest) | 0;
      scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
    }
  }
}

/**
 * The common case, in one pass and without per-plugin arrays: no preferred node
 * affinity and no feasible node with a PreferNoSchedule taint, so TaintToleration is
 * 100 everywhere and NodeAffinity does not run. Per-plugin scores are worked out
 * afterwards for the rows a decision keeps. Returns undefined when the case does not hold.
 */
function prioritizePlain(
  pod: PodSchedInfo,
  t: NodeTable,
  rows: number[],
  feasible: NodeInfo[],
  input: ScheduleInput,
): ScoredNodes | undefined {
  if (pod.affinity.preferred.length > 0) return undefined;
  const m = rows.length;
  for (let k = 0; k < m; k++) if (t.softTaints[rows[k]] === 1) return undefined;
  const W = DEFAULT_SCORE_WEIGHTS;
  const podNzCpu = pod.nonZeroCpu;
  const podNzMemory = pod.nonZeroMemory;
  const podCpu = pod.request.cpu;
  const podMemory = pod.request.memory;
  const withBalanced = podCpu !== 0 || podMemory !== 0;
  const spread = pod.images.length > 0 ? imageSpread(pod.images, input.nodesWithImage, input.nodes.length) : undefined;
  const shape = t.shapeId(podCpu, podMemory, podNzCpu, podNzMemory);
  const base = W.TaintToleration * MAX_NODE_SCORE;
  const totals = new Array<number>(m);
  for (let k = 0; k < m; k++) {
    const j = rows[k];
    if (t.memoShape[j] !== shape || t.memoVersion[j] !== t.version[j]) {
      t.memoShape[j] = shape;
      t.memoVersion[j] = t.version[j];
      t.memoFit[j] = leastAllocated(t, j, podNzCpu, podNzMemory);
      t.memoBalanced[j] = balancedAllocation(t, j, podCpu, podMemory);
    }
    let s = base + W.NodeResourcesFit * t.memoFit[j];
    if (withBalanced) s += W.NodeResourcesBalancedAllocation * t.memoBalanced[j];
    if (spread && t.images[j] === 1) s += W.ImageLocality * imageLocalityScoreWith(spread, t.infos[j]);
    totals[k] = s | 0;
  }
  const pluginScores = (positions?: number[]) => {
    const at = positions ?? rows.map((_, k) => k);
    const out: Record<string, number[]> = { [TAINT_TOLERATION]: at.map(() => MAX_NODE_SCORE) };
    out[NODE_RESOURCES_FIT] = at.map((k) => leastAllocated(t, rows[k], podNzCpu, podNzMemory));
    if (withBalanced)
      out[NODE_RESOURCES_BALANCED_ALLOCATION] = at.map((k) => balancedAllocation(t, rows[k], podCpu, podMemory));
    out[IMAGE_LOCALITY] = at.map((k) =>
      spread && t.images[rows[k]] === 1 ? imageLocalityScoreWith(spread, t.infos[rows[k]]) : 0,
    );
    return out;
  };
  return { nodes: feasible, totals, pluginScores };
}

/** prioritizeNodes for the default profile's score plugins, reading the table's rows. */
export function prioritizeTable(
  pod: PodSchedInfo,
  t: NodeTable,
  rows: number[],
  feasible: NodeInfo[],
  input: ScheduleInput,
): ScoredNodes {
  const plain = prioritizePlain(pod, t, rows, feasible, input);
  if (plain) return plain;
  const W = DEFAULT_SCORE_WEIGHTS;
  const m = rows.length;
  const taint = new Array<number>(m);
  const fit = new Array<number>(m);
  const images = new Array<number>(m);
  const affinity = pod.affinity.preferred.length > 0 ? new Array<number>(m) : undefined;
  const balanced = pod.request.cpu !== 0 || pod.request.memory !== 0 ? new Array<number>(m) : undefined;
  const podNzCpu = pod.nonZeroCpu;
  const podNzMemory = pod.nonZeroMemory;
  const podCpu = pod.request.cpu;
  const podMemory = pod.request.memory;
  const spread = pod.images.length > 0 ? imageSpread(pod.images, input.nodesWithImage, input.nodes.length) : undefined;
  const shape = t.shapeId(podCpu, podMemory, podNzCpu, podNzMemory);
  let maxTaint = 0;
  let maxAffinity = 0;
  for (let k = 0; k < m; k++) {
    const j = rows[k];
    const tt = t.softTaints[j] === 1 ? taintTolerationScore(pod.preferTolerations, t.infos[j]) : 0;
    taint[k] = tt;
    if (tt > maxTaint) maxTaint = tt;
    if (affinity) {
      const a = nodeAffinityScore(pod.affinity, t.infos[j]);
      affinity[k] = a;
      if (a > maxAffinity) maxAffinity = a;
    }
    if (t.memoShape[j] === shape && t.memoVersion[j] === t.version[j]) {
      fit[k] = t.memoFit[j];
      if (balanced) balanced[k] = t.memoBalanced[j];
    } else {
      const f = leastAllocated(t, j, podNzCpu, podNzMemory);
      const b = balancedAllocation(t, j, podCpu, podMemory);
      fit[k] = f;
      if (balanced) balanced[k] = b;
      t.memoShape[j] = shape;
      t.memoVersion[j] = t.version[j];
      t.memoFit[j] = f;
      t.memoBalanced[j] = b;
    }
    images[k] = spread && t.images[j] === 1 ? imageLocalityScoreWith(spread, t.infos[j]) : 0;
  }
  normalize(taint, maxTaint, true);
  if (affinity) normalize(affinity, maxAffinity, false);
  const plugins: Record<string, number[]> = { [TAINT_TOLERATION]: taint };
  if (affinity) plugins[NODE_AFFINITY] = affinity;
  plugins[NODE_RESOURCES_FIT] = fit;
  if (balanced) plugins[NODE_RESOURCES_BALANCED_ALLOCATION] = balanced;
  plugins[IMAGE_LOCALITY] = images;
  const totals = new Array<number>(m);
  for (let k = 0; k < m; k++) {
    let s = W.TaintToleration * taint[k] + W.NodeResourcesFit * fit[k] + W.ImageLocality * images[k];
    if (affinity) s += W.NodeAffinity * affinity[k];
    if (balanced) s += W.NodeResourcesBalancedAllocation * balanced[k];
    totals[k] = s | 0;
  }
  return { nodes: feasible, totals, pluginScores: pickScores(plugins) };
}
