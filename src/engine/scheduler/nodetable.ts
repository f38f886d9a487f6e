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
