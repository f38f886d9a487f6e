/**
 * Builds the compact ClusterView the UI renders from the engine's objects. Stored
 * objects are immutable, so per-object results are cached by object identity: an
 * unchanged pod costs a WeakMap lookup on the next frame. Workload rows come from the
 * engine's kubectl table printers, so the page shows exactly what `kubectl get` prints.
 */
import { bytes, cpuMilli, formatBytes, formatCpu } from '../engine/api/quantity';
import type { Container, KubeEvent, KubeObject, Node, Pod } from '../engine/api/types';
import type { Cluster } from '../engine/index';
import { podColumns } from '../engine/kubectl/podstatus';
import { printerFor } from '../engine/kubectl/printers';
import { fromTimestamp } from '../engine/sim/clock';
import {
  type ClusterView,
  type EventView,
  type NodeView,
  type PodView,
  WORKLOAD_KINDS,
  type WorkloadView,
} from '../protocol/messages';
import { stuckPodNote } from './stuck-pods';
import { type WorkloadStatus, workloadStatus } from './workload-status';

/**
 * How many events the view carries (the newest ones). A 20-replica Deployment writes
 * ~170 events in its first minute; 200 events are ~53 KB of the view (50 were ~13 KB).
 */
export const VIEW_EVENTS = 200;

const ROLE_PREFIX = 'node-role.kubernetes.io/';

interface Requests {
  cpu: number;
  memory: number;
}

export class ViewBuilder {
  private pods = new WeakMap<KubeObject, PodView>();
  private requests = new WeakMap<KubeObject, Requests>();
  private events = new WeakMap<KubeObject, EventView>();
  private statuses = new WeakMap<KubeObject, WorkloadStatus>();
  /** the last workload views by kind/namespace/name, reused while their row reads the same */
  private workloadViews = new Map<string, WorkloadView>();
  private lastWorkloads: WorkloadView[] = [];

  build(cluster: Cluster): ClusterView {
    const podObjects = cluster.list('Pod') as Pod[];
    const requested = new Map<string, Requests>();
    const pods: PodView[] = [];
    for (const p of podObjects) {
      pods.push(this.pod(p));
      const node = p.spec?.nodeName;
      // kubectl describe node sums the non-terminated pods only.
      if (!node || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      const r = this.podRequests(p);
      const sum = requested.get(node) ?? { cpu: 0, memory: 0 };
      sum.cpu += r.cpu;
      sum.memory += r.memory;
      requested.set(node, sum);
    }
    const down = machinesDown(cluster);
    const nodes = (cluster.list('Node') as Node[]).map((n) =>
      nodeView(n, requested.get(n.metadata.name) ?? { cpu: 0, memory: 0 }, down.has(n.metadata.name)),
    );
    const events = cluster
      .events()
      .slice(-VIEW_EVENTS)
      .map((e) => this.event(e));
    const workloads = this.workloads(cluster, podObjects);
    this.lastWorkloads = workloads;
    return { now: cluster.now(), nodes, pods, workloads, events };
  }

  /**
   * Whether the workload rows read differently than in the last view although no object
   * changed: AGE, a Job's DURATION and a CronJob's LAST SCHEDULE move on with the clock.
   */
  workloadsChanged(cluster: Cluster): boolean {
    const next = this.workloads(cluster, cluster.list('Pod') as Pod[]);
    return next.length !== this.lastWorkloads.length || next.some((v, i) => v !== this.lastWorkloads[i]);
  }

  private workloads(cluster: Cluster, pods: readonly Pod[]): WorkloadView[] {
    const ctx = { now: cluster.now(), wide: false, cluster };
    const views = new Map<string, WorkloadView>();
    const out: WorkloadView[] = [];
    for (const kind of WORKLOAD_KINDS) {
      const objects = cluster.list(kind);
      if (objects.length === 0) continue;
      // A kind without its own printer gets the generic NAME and AGE columns.
      const printer = printerFor(kind);
      const columns = printer.headers(false);
      for (const o of [...objects].sort(byNamespaceAndName)) {
        const namespace = o.metadata.namespace ?? 'default';
        const key = `${kind}/${namespace}/${o.metadata.name}`;
        const cells = printer.row(o, ctx);
        const status = withStuckPod(this.workloadStatus(o), o, pods);
        const old = this.workloadViews.get(key);
        const same =
          old &&
          old.tone === status.tone &&
          old.summary === status.summary &&
          sameStrings(old.columns, columns) &&
          sameStrings(old.cells, cells);
        const v: WorkloadView = same
          ? old
          : { kind, namespace, name: o.metadata.name, columns, cells, tone: status.tone, summary: status.summary };
        views.set(key, v);
        out.push(v);
      }
    }
    this.workloadViews = views;
    return out;
  }

  private workloadStatus(o: KubeObject): WorkloadStatus {
    let s = this.statuses.get(o);
    if (!s) {
      s = workloadStatus(o);
      this.statuses.set(o, s);
    }
    return s;
  }

  private pod(p: Pod): PodView {
    let v = this.pods.get(p);
    if (!v) {
      const cols = podColumns(p);
      v = {
        namespace: p.metadata.namespace ?? 'default',
        name: p.metadata.name,
        node: p.spec?.nodeName ?? '',
        phase: p.status?.phase ?? 'Pending',
        status: cols.status,
        ready: cols.ready,
        podReady: (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
        restarts: cols.restarts,
        ip: p.status?.podIP ?? '',
      };
      const owner = p.metadata.ownerReferences?.find((r) => r.controller);
      if (owner) v.owner = { kind: owner.kind, name: owner.name };
      this.pods.set(p, v);
    }
    return v;
  }

  /** A pod's effective request: its containers' sum, or its largest init container if larger. */
  private podRequests(p: Pod): Requests {
    let r = this.requests.get(p);
    if (!r) {
      const sum = (cs: Container[] = []) =>
        cs.reduce(
          (a, c) => ({
            cpu: a.cpu + cpuMilli(c.resources?.requests?.cpu),
            memory: a.memory + bytes(c.resources?.requests?.memory),
          }),
          { cpu: 0, memory: 0 },
        );
      r = sum(p.spec?.containers);
      for (const c of p.spec?.initContainers ?? []) {
        const one = sum([c]);
        r = { cpu: Math.max(r.cpu, one.cpu), memory: Math.max(r.memory, one.memory) };
      }
      this.requests.set(p, r);
    }
    return r;
  }

  private event(e: KubeEvent): EventView {
    let v = this.events.get(e);
    if (!v) {
      const o = e.involvedObject;
      const ts = e.lastTimestamp || e.firstTimestamp;
      v = {
        type: e.type,
        reason: e.reason,
        object: `${o.kind.toLowerCase()}/${o.name}`,
        kind: o.kind,
        name: o.name,
        id: e.metadata.name,
        ...(o.namespace ? { namespace: o.namespace } : {}),
        message: e.message,
        count: e.count,
        at: ts ? fromTimestamp(ts) : 0,
      };
      this.events.set(e, v);
    }
    return v;
  }
}

/** A workload still on its way says which of its pods holds it up, as kubectl rollout status does. */
function withStuckPod(status: WorkloadStatus, o: KubeObject, pods: readonly Pod[]): WorkloadStatus {
  if (status.tone !== 'progress') return status;
  const note = stuckPodNote(o, pods);
  return note ? { tone: 'warning', summary: `${status.summary}; ${note}` } : status;
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function nodeView(n: Node, requested: Requests, machineDown: boolean): NodeView {
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
  // kubectl printNode: Ready / NotReady from the Ready condition, Unknown without one.
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  const unschedulable = n.spec?.unschedulable === true;
  if (unschedulable) status.push('SchedulingDisabled');
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith(ROLE_PREFIX))
    .map((k) => k.slice(ROLE_PREFIX.length))
    .filter((r) => r !== '');
  const alloc = n.status?.allocatable ?? {};
  const cpuAlloc = cpuMilli(alloc.cpu);
  const memAlloc = bytes(alloc.memory);
  return {
    name: n.metadata.name,
    status: status.join(','),
    ready: ready?.status === 'True',
    roles,
    cpu: {
      allocatable: alloc.cpu ?? '0',
      requested: formatCpu(requested.cpu),
      percent: percentOf(requested.cpu, cpuAlloc),
    },
    memory: {
      allocatable: readableBytes(memAlloc),
      requested: formatBytes(requested.memory),
      percent: percentOf(requested.memory, memAlloc),
    },
    podCIDR: n.spec?.podCIDR ?? '',
    unschedulable,
    ...(machineDown ? { machineDown: true } : {}),
  };
}

/**
 * Memory as a person reads it: exact binary units when they fit (4Gi), else one
 * decimal (4091904Ki → 3.9Gi). `kubectl describe node` shows the exact value.
 */
export function readableBytes(n: number): string {
  const GI = 1024 ** 3;
  const MI = 1024 ** 2;
  const oneDecimal = (x: number) => x.toFixed(1).replace(/\.0$/, '');
  if (n >= GI) return n % GI === 0 ? `${n / GI}Gi` : `${oneDecimal(n / GI)}Gi`;
  if (n >= MI) return n % MI === 0 ? `${n / MI}Mi` : `${oneDecimal(n / MI)}Mi`;
  return formatBytes(n);
}

/** kubectl describe node truncates the percentage toward zero. */
function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.trunc((part / whole) * 100) : 0;
}

/**
 * Which machines chaos has switched off. The API cannot see this (that is the point),
 * so it is read from the node agents' shared state in the engine core.
 */
function machinesDown(cluster: Cluster): Set<string> {
  const state = cluster.core.state.machines as { down?: Record<string, number> } | undefined;
  return new Set(Object.keys(state?.down ?? {}));
}
