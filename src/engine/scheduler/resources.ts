/**
 * A pod's resource request as the scheduler sees it, after
 * k8s.io/component-helpers/resource PodRequests: the sum of the app containers,
 * raised to the peak of any init container (restartable "sidecar" init containers
 * keep running, so they add to everything after them), plus spec.overhead.
 *
 * Two flavours: the real request (NodeResourcesFit's Filter, BalancedAllocation) and
 * the "non-zero" request used by LeastAllocated scoring, where a container with no
 * cpu or memory request counts as 100m / 200Mi (schedutil.DefaultMilliCPURequest,
 * DefaultMemoryRequest) so that best-effort pods still spread.
 */
import { bytes, cpuMilli } from '../api/quantity';
import type { Container } from '../api/types';

/** pkg/scheduler/util: DefaultMilliCPURequest */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** pkg/scheduler/util: DefaultMemoryRequest (200 MiB) */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Resources {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
  /** bytes */
  ephemeral: number;
  /** extended resources, hugepages: whole units */
  scalar?: Record<string, number>;
}

type ResourceList = Record<string, string | number> | undefined;

export function emptyResources(): Resources {
  return { cpu: 0, memory: 0, ephemeral: 0 };
}

/**
 * v1helper.IsScalarResourceName: extended resources (domain-prefixed names),
 * prefixed native resources, hugepages-* and attachable-volumes-*.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('requests.')) return false;
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

/**
 * Quantity strings repeat (every replica asks for "100m"), and parsing one exactly is
 * slow, so parsed values are remembered. A pure function's memo: it cannot change a result.
 */
const MEMO_LIMIT = 4096;
const cpuMemo = new Map<string | number, number>();
const bytesMemo = new Map<string | number, number>();

function remember(
  table: Map<string | number, number>,
  q: string | number,
  parse: (q: string | number) => number,
): number {
  let v = table.get(q);
  if (v === undefined) {
    v = parse(q);
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(q, v);
  }
  return v;
}

/** Parses a ResourceList (requests, allocatable, overhead) into numbers. */
export function parseResourceList(list: ResourceList): Resources {
  const r = emptyResources();
  if (!list) return r;
  for (const name of Object.keys(list)) {
    const q = list[name];
    if (name === 'cpu') r.cpu = remember(cpuMemo, q, cpuMilli);
    else if (name === 'memory') r.memory = remember(bytesMemo, q, bytes);
    else if (name === 'ephemeral-storage') r.ephemeral = remember(bytesMemo, q, bytes);
    else if (isScalarResourceName(name)) {
      r.scalar ??= {};
      r.scalar[name] = remember(bytesMemo, q, bytes);
    }
  }
  return r;
}

function addInto(to: Resources, from: Resources): void {
  to.cpu += from.cpu;
  to.memory += from.memory;
  to.ephemeral += from.ephemeral;
  if (from.scalar) {
    to.scalar ??= {};
    for (const k of Object.keys(from.scalar)) to.scalar[k] = (to.scalar[k] ?? 0) + from.scalar[k];
  }
}

function maxInto(to: Resources, from: Resources): void {
  to.cpu = Math.max(to.cpu, from.cpu);
  to.memory = Math.max(to.memory, from.memory);
  to.ephemeral = Math.max(to.ephemeral, from.ephemeral);
  if (from.scalar) {
    to.scalar ??= {};
    for (const k of Object.keys(from.scalar)) to.scalar[k] = Math.max(to.scalar[k] ?? 0, from.scalar[k]);
  }
}

function copy(r: Resources): Resources {
  return { ...r, ...(r.scalar ? { scalar: { ...r.scalar } } : {}) };
}

/** A container's requests; with `nonZero`, a missing cpu/memory key takes the scheduler default. */
function containerRequests(c: Container, nonZero: boolean): Resources {
  const requests = c.resources?.requests;
  const r = parseResourceList(requests);
  if (nonZero) {
    if (!requests || !('cpu' in requests)) r.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (!requests || !('memory' in requests)) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

interface PodSpecLike {
  containers?: Container[];
  initContainers?: Container[];
  overhead?: Record<string, string | number>;
}

/** resourcehelper.PodRequests. The result is shared (memoized): read it, never change it. */
export function podRequests(spec: PodSpecLike, nonZero = false): Readonly<Resources> {
  const memo = memoized(spec);
  if (memo) return nonZero ? memo.nonZero : memo.real;
  return computePodRequests(spec, nonZero);
}

function computePodRequests(spec: PodSpecLike, nonZero: boolean): Resources {
  const reqs = emptyResources();
  for (const c of spec.containers ?? []) addInto(reqs, containerRequests(c, nonZero));
  const restartable = emptyResources();
  const initPeak = emptyResources();
  for (const c of spec.initContainers ?? []) {
    const cr = containerRequests(c, nonZero);
    let effective: Resources;
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running next to the app containers and every later init container.
      addInto(reqs, cr);
      addInto(restartable, cr);
      effective = copy(restartable);
    } else {
      effective = copy(cr);
      addInto(effective, restartable);
    }
    maxInto(initPeak, effective);
  }
  maxInto(reqs, initPeak);
  if (spec.overhead) addInto(reqs, parseResourceList(spec.overhead));
  return reqs;
}

interface Memo {
  initContainers: unknown;
  overhead: unknown;
  real: Resources;
  nonZero: Resources;
}

/**
 * Stored objects are immutable and a write copies the spec but keeps its containers
 * array (binding only sets nodeName), so the parsed requests are cached per containers
 * array: a pod's quantities are parsed once, not at every cycle and cache update.
 */
const memo = new WeakMap<object, Memo>();

function memoized(spec: PodSpecLike): Memo | undefined {
  const containers = spec.containers;
  if (!containers || typeof containers !== 'object') return undefined;
  const hit = memo.get(containers);
  if (hit && hit.initContainers === spec.initContainers && hit.overhead === spec.overhead) return hit;
  const m: Memo = {
    initContainers: spec.initContainers,
    overhead: spec.overhead,
    real: computePodRequests(spec, false),
    nonZero: computePodRequests(spec, true),
  };
  memo.set(containers, m);
  return m;
}

/** True when the request asks for nothing at all (fitsRequest's early return). */
export function isZeroRequest(r: Resources): boolean {
  if (r.cpu !== 0 || r.memory !== 0 || r.ephemeral !== 0) return false;
  return !r.scalar || Object.keys(r.scalar).length === 0;
}
