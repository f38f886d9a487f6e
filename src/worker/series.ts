/**
 * Time series for the live charts: one sample every simulated second, kept in a ring
 * buffer of the last SERIES_WINDOW_MS. A sample holds, per Deployment, the replica
 * counts its status reports (desired = spec.replicas, updated, ready, available), the
 * cluster's Running and Pending pod counts, and the CPU requested on each node as a
 * percentage of its allocatable (the figure `kubectl describe node` shows).
 *
 * `advance` splits a run of simulated time at whole seconds so every second gets its
 * own sample, even when one tick covers many seconds at high speed.
 */
import { cpuMilli } from '../engine/api/quantity';
import type { Node, Pod } from '../engine/api/types';
import type { Cluster } from '../engine/index';
import { SERIES_WINDOW_MS, type SeriesView } from '../protocol/messages';

export const SAMPLE_MS = 1000;
export const SERIES_CAPACITY = SERIES_WINDOW_MS / SAMPLE_MS;

/** [desired, updated, ready, available] */
type Replicas = [number, number, number, number];

interface Sample {
  t: number;
  deployments: Map<string, Replicas>;
  running: number;
  pending: number;
  cpu: Map<string, number>;
}

interface DeploymentLike {
  metadata: { name: string; namespace?: string };
  spec?: { replicas?: number };
  status?: { updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number };
}

export function sample(cluster: Cluster): Sample {
  const deployments = new Map<string, Replicas>();
  for (const d of cluster.list('Deployment') as unknown as DeploymentLike[]) {
    const s = d.status ?? {};
    deployments.set(`${d.metadata.namespace ?? 'default'}/${d.metadata.name}`, [
      d.spec?.replicas ?? 1,
      s.updatedReplicas ?? 0,
      s.readyReplicas ?? 0,
      s.availableReplicas ?? 0,
    ]);
  }
  let running = 0;
  let pending = 0;
  const requested = new Map<string, number>();
  for (const p of cluster.list('Pod') as Pod[]) {
    const phase = p.status?.phase;
    if (phase === 'Running') running++;
    else if (phase === 'Pending' || phase === undefined) pending++;
    const node = p.spec?.nodeName;
    // describe node sums the non-terminated pods only
    if (!node || phase === 'Succeeded' || phase === 'Failed') continue;
    requested.set(node, (requested.get(node) ?? 0) + podCpu(p));
  }
  const cpu = new Map<string, number>();
  for (const n of cluster.list('Node') as Node[]) {
    const alloc = cpuMilli(n.status?.allocatable?.cpu);
    const req = requested.get(n.metadata.name) ?? 0;
    cpu.set(n.metadata.name, alloc > 0 ? Math.round((req / alloc) * 1000) / 10 : 0);
  }
  return { t: cluster.now(), deployments, running, pending, cpu };
}

/** A pod's effective CPU request: its containers' sum, or its largest init container if larger. */
function podCpu(p: Pod): number {
  let sum = 0;
  for (const c of p.spec?.containers ?? []) sum += cpuMilli(c.resources?.requests?.cpu);
  for (const c of p.spec?.initContainers ?? []) sum = Math.max(sum, cpuMilli(c.resources?.requests?.cpu));
  return sum;
}

export class SeriesRecorder {
  private ring: Sample[] = [];
  private head = 0;
  private lastSecond = Number.NaN;
  private changed = true;

  /** Records a sample for the current second unless this second already has one. */
  record(cluster: Cluster): void {
    const second = Math.floor(cluster.now() / SAMPLE_MS);
    if (second === this.lastSecond) return;
    this.lastSecond = second;
    this.push(sample(cluster));
  }

  /** Advances the cluster by `ms`, stopping at each whole simulated second to sample it. */
  advance(cluster: Cluster, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: ${ms} is not a duration`);
    const until = cluster.now() + Math.floor(ms);
    this.record(cluster);
    // Seconds older than the window would be dropped at once: skip straight past them.
    const from = Math.max(cluster.now(), until - SERIES_WINDOW_MS);
    if (from > cluster.now()) cluster.advance(from - cluster.now());
    for (;;) {
      const next = (Math.floor(cluster.now() / SAMPLE_MS) + 1) * SAMPLE_MS;
      if (next > until) break;
      cluster.advance(next - cluster.now());
      this.record(cluster);
    }
    if (until > cluster.now()) cluster.advance(until - cluster.now());
  }

  /** Forgets everything (a new cluster). */
  clear(): void {
    this.ring = [];
    this.head = 0;
    this.lastSecond = Number.NaN;
    this.changed = true;
  }

  /** Whether a sample arrived since the last view(). */
  get dirty(): boolean {
    return this.changed;
  }

  get size(): number {
    return this.ring.length;
  }

  private push(s: Sample): void {
    this.changed = true;
    if (this.ring.length < SERIES_CAPACITY) {
      this.ring.push(s);
      return;
    }
    this.ring[this.head] = s;
    this.head = (this.head + 1) % SERIES_CAPACITY;
  }

  /** Samples oldest first, within the window of the newest one. */
  samples(): Sample[] {
    const all = [...this.ring.slice(this.head), ...this.ring.slice(0, this.head)];
    const last = all[all.length - 1];
    return last ? all.filter((s) => s.t > last.t - SERIES_WINDOW_MS) : all;
  }

  view(): SeriesView {
    this.changed = false;
    const samples = this.samples();
    const deploymentKeys = new Set<string>();
    const nodeNames = new Set<string>();
    for (const s of samples) {
      for (const k of s.deployments.keys()) deploymentKeys.add(k);
      for (const n of s.cpu.keys()) nodeNames.add(n);
    }
    const column = (key: string, i: number) => samples.map((s) => s.deployments.get(key)?.[i] ?? null);
    return {
      t: samples.map((s) => s.t),
      deployments: [...deploymentKeys].sort().map((key) => {
        const slash = key.indexOf('/');
        return {
          namespace: key.slice(0, slash),
          name: key.slice(slash + 1),
          desired: column(key, 0),
          updated: column(key, 1),
          ready: column(key, 2),
          available: column(key, 3),
        };
      }),
      pods: { running: samples.map((s) => s.running), pending: samples.map((s) => s.pending) },
      nodes: [...nodeNames].sort().map((name) => ({ name, cpuPercent: samples.map((s) => s.cpu.get(name) ?? null) })),
    };
  }
}

/** Posts the series at most once per SERIES_POST_MS of wall time, and only after new samples. */
export const SERIES_POST_MS = 500;
