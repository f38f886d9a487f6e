/**
 * The cache's NodeInfos laid out column by column in typed arrays, in node-list
 * order. Filtering and scoring read hundreds of nodes per pod; reading numbers from
 * a few dense arrays is several times faster than chasing each NodeInfo's objects,
 * and this is what lets a 1,000-node cluster schedule tens of thousands of pods per
 * CPU-second. Derived data only: the cache rebuilds it when the node list changes
 * and refreshes one row when a node or a pod on it changes.
 */
import type { NodeInfo } from './nodeinfo';

export class NodeTable {
  n = 0;
  infos: NodeInfo[] = [];
  readonly index = new Map<string, number>();
  allocCpu = new Float64Array(0);
  allocMemory = new Float64Array(0);
  allocEphemeral = new Float64Array(0);
  reqCpu = new Float64Array(0);
  reqMemory = new Float64Array(0);
  reqEphemeral = new Float64Array(0);
  nonZeroCpu = new Float64Array(0);
  nonZeroMemory = new Float64Array(0);
  podCount = new Int32Array(0);
  allowedPods = new Int32Array(0);
  /** 1 when only NodeResourcesFit can reject a plain pod here: not cordoned, no NoSchedule/NoExecute taint, no extended resources */
  plainFilter = new Uint8Array(0);
  /** 1 when the node has PreferNoSchedule taints (TaintToleration scores it) */
  softTaints = new Uint8Array(0);
  /** 1 when the node reports images (ImageLocality scores it) */
  images = new Uint8Array(0);
  /** bumped whenever a row is written: a cached score is valid only for the version it was computed at */
  version = new Uint32Array(0);
  /**
   * Score memo: NodeResourcesFit and BalancedAllocation are pure functions of the row
   * and the pod's requests. Replicas share their requests, and a bind changes one row,
   * so the next replica reuses every other node's scores instead of recomputing them.
   */
  memoShape = new Int32Array(0);
  memoVersion = new Uint32Array(0);
  memoFit = new Int32Array(0);
  memoBalanced = new Int32Array(0);
  private readonly shapes = new Map<string, number>();

  /** A small id for a pod's request shape (the memo key), stable while the table lives. */
  shapeId(cpu: number, memory: number, nonZeroCpu: number, nonZeroMemory: number): number {
    const key = `${cpu}|${memory}|${nonZeroCpu}|${nonZeroMemory}`;
    let id = this.shapes.get(key);
    if (id === undefined) {
      if (this.shapes.size >= 4096) {
        // Forget every memo: ids are about to be reused.
        this.shapes.clear();
        this.memoShape.fill(0);
      }
      id = this.shapes.size + 1;
      this.shapes.set(key, id);
    }
    return id;
  }

  rebuild(infos: NodeInfo[]): void {
    const n = infos.length;
    this.n = n;
    this.infos = infos;
    this.index.clear();
    this.allocCpu = new Float64Array(n);
    this.allocMemory = new Float64Array(n);
    this.allocEphemeral = new Float64Array(n);
    this.reqCpu = new Float64Array(n);
    this.reqMemory = new Float64Array(n);
    this.reqEphemeral = new Float64Array(n);
    this.nonZeroCpu = new Float64Array(n);
    this.nonZeroMemory = new Float64Array(n);
    this.podCount = new Int32Array(n);
    this.allowedPods = new Int32Array(n);
    this.plainFilter = new Uint8Array(n);
    this.softTaints = new Uint8Array(n);
    this.images = new Uint8Array(n);
    this.version = new Uint32Array(n);
    this.memoShape = new Int32Array(n);
    this.memoVersion = new Uint32Array(n);
    this.memoFit = new Int32Array(n);
    this.memoBalanced = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.index.set(infos[i].name, i);
      this.write(i, infos[i]);
    }
  }

  /** Refreshes the row of one node after its NodeInfo changed. */
  sync(ni: NodeInfo): void {
    const i = this.index.get(ni.name);
    if (i !== undefined && this.infos[i] === ni) this.write(i, ni);
  }

  private write(i: number, ni: NodeInfo): void {
    this.version[i]++;
    this.allocCpu[i] = ni.allocatable.cpu;
    this.allocMemory[i] = ni.allocatable.memory;
    this.allocEphemeral[i] = ni.allocatable.ephemeral;
    this.reqCpu[i] = ni.requested.cpu;
    this.reqMemory[i] = ni.requested.memory;
    this.reqEphemeral[i] = ni.requested.ephemeral;
    this.nonZeroCpu[i] = ni.nonZeroCpu;
    this.nonZeroMemory[i] = ni.nonZeroMemory;
    this.podCount[i] = ni.podCount;
    this.allowedPods[i] = ni.allowedPods;
    const scalar = ni.requested.scalar && Object.keys(ni.requested.scalar).length > 0;
    this.plainFilter[i] = !ni.unschedulable && ni.hardTaints.length === 0 && !scalar ? 1 : 0;
    this.softTaints[i] = ni.softTaints.length > 0 ? 1 : 0;
    this.images[i] = ni.images.size > 0 ? 1 : 0;
  }
}
