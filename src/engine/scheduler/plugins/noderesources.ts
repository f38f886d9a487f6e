/**
 * NodeResourcesFit and NodeResourcesBalancedAllocation
 * (pkg/scheduler/framework/plugins/noderesources).
 *
 * Filter (fitsRequest): one more pod must fit under allocatable pods; a request for
 * cpu/memory/ephemeral-storage/extended resources must fit in allocatable − requested.
 * A request larger than the whole node makes the node Unresolvable (preemption cannot
 * help), otherwise the code is Unschedulable.
 *
 * Score: LeastAllocated with cpu and memory weighted 1 on the non-zero requests, and
 * BalancedAllocation on the real requests (skipped for best-effort pods).
 */
import type { NodeInfo } from '../nodeinfo';
import { isZeroRequest, type Resources } from '../resources';
import type { FilterStatus } from './status';

export const NODE_RESOURCES_FIT = 'NodeResourcesFit';
export const NODE_RESOURCES_BALANCED_ALLOCATION = 'NodeResourcesBalancedAllocation';
/** framework.MaxNodeScore */
export const MAX_NODE_SCORE = 100;

export interface FitInput {
  allocatable: Resources;
  allowedPods: number;
  requested: Resources;
  podCount: number;
}

export interface InsufficientResource {
  reason: string;
  unresolvable: boolean;
}

/** fitsRequest: every shortfall, in upstream's order (pods, cpu, memory, ephemeral-storage, extended). */
export function fitsRequest(pod: Resources, node: FitInput): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  if (node.podCount + 1 > node.allowedPods) out.push({ reason: 'Too many pods', unresolvable: false });
  if (isZeroRequest(pod)) return out;
  const check = (name: string, want: number, alloc: number, used: number) => {
    if (want > 0 && want > alloc - used) out.push({ reason: `Insufficient ${name}`, unresolvable: want > alloc });
  };
  check('cpu', pod.cpu, node.allocatable.cpu, node.requested.cpu);
  check('memory', pod.memory, node.allocatable.memory, node.requested.memory);
  check('ephemeral-storage', pod.ephemeral, node.allocatable.ephemeral, node.requested.ephemeral);
  if (pod.scalar) {
    for (const name of Object.keys(pod.scalar).sort()) {
      check(name, pod.scalar[name], node.allocatable.scalar?.[name] ?? 0, node.requested.scalar?.[name] ?? 0);
    }
  }
  return out;
}

export function nodeResourcesFitFilter(pod: Resources, ni: FitInput): FilterStatus | undefined {
  // Fast path, taken by almost every node: nothing is short, so no reasons are built.
  if (
    ni.podCount < ni.allowedPods &&
    pod.cpu <= ni.allocatable.cpu - ni.requested.cpu &&
    pod.memory <= ni.allocatable.memory - ni.requested.memory &&
    pod.ephemeral <= ni.allocatable.ephemeral - ni.requested.ephemeral &&
    !pod.scalar
  ) {
    return undefined;
  }
  const insufficient = fitsRequest(pod, ni);
  if (insufficient.length === 0) return undefined;
  return {
    plugin: NODE_RESOURCES_FIT,
    code: insufficient.some((r) => r.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable',
    reasons: insufficient.map((r) => r.reason),
  };
}

/** leastRequestedScore: the unused share of one resource, 0-100 (0 when over-requested). */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** leastResourceScorer with equal weights; resources the node does not have are left out. */
export function leastAllocatedScore(requested: number[], allocatable: number[]): number {
  let sum = 0;
  let weights = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    sum += leastRequestedScore(requested[i], allocatable[i]);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.floor(sum / weights);
}

/** NodeResourcesFit Score (LeastAllocated on cpu and memory, non-zero requests). */
export function nodeResourcesFitScore(podNonZeroCpu: number, podNonZeroMemory: number, ni: NodeInfo): number {
  // leastAllocatedScore for exactly cpu and memory, without the arrays: this runs per node per pod.
  const cpu = ni.allocatable.cpu;
  const memory = ni.allocatable.memory;
  let sum = 0;
  let weights = 0;
  if (cpu !== 0) {
    sum += leastRequestedScore(ni.nonZeroCpu + podNonZeroCpu, cpu);
    weights++;
  }
  if (memory !== 0) {
    sum += leastRequestedScore(ni.nonZeroMemory + podNonZeroMemory, memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(sum / weights);
}

/** balancedResourceScorer: 100 × (1 − std of the requested fractions), fractions capped at 1. */
export function balancedResourceScore(requested: number[], allocatable: number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i] / allocatable[i], 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** NodeResourcesBalancedAllocation Score on the real requests (the pod's included). */
export function balancedAllocationScore(podCpu: number, podMemory: number, ni: NodeInfo): number {
  // balancedResourceScore for exactly cpu and memory: with one resource (or none) std is 0.
  const cpu = ni.allocatable.cpu;
  const memory = ni.allocatable.memory;
  if (cpu === 0 || memory === 0) return MAX_NODE_SCORE;
  const fc = Math.min((ni.requested.cpu + podCpu) / cpu, 1);
  const fm = Math.min((ni.requested.memory + podMemory) / memory, 1);
  return Math.trunc((1 - Math.abs((fc - fm) / 2)) * MAX_NODE_SCORE);
}
