/**
 * TestCluster: a headless cluster with chainable steps that read like the behaviour
 * under test.
 *
 *   const t = testCluster({ nodes: 2, heartbeats: true })
 *     .apply(pod('web', { node: 'node-1' }))
 *     .markReady('web')
 *     .kill('node-1')
 *     .advance('5m');
 *   expect(t.pod('web').metadata.deletionTimestamp).toBeDefined();
 *
 * Every step runs at once (no deferred plan), so a failing step points at its own
 * line. `t.cluster` is the public Cluster (kubectl, logs, exec, schedulingDecision…)
 * and `t.core` the engine inside it, for anything else. Options:
 * - `heartbeats: true` installs the stand-in for the kubelet's Lease renewals
 *   (controllers/fake-heartbeats.ts), for node-lifecycle tests that must not depend
 *   on the real kubelet.
 * - `timings` / `timingOverrides` / `seed` / `nodes` as createCluster.
 */
import type { ApplyResult } from '../api/apply';
import { lookupKind } from '../api/kinds';
import type { KubeEvent, KubeObject, Node, Pod, PropagationPolicy } from '../api/types';
import {
  applyText,
  type ClusterCore,
  type ClusterOptions,
  type ClusterSnapshot,
  deleteObject,
  listEvents,
} from '../cluster';
import { installFakeHeartbeats, killMachine, restoreMachine } from '../controllers/fake-heartbeats';
import { type Cluster, createCluster, type ExecResult, restoreCluster } from '../index';
import { machines } from '../kubelet/machines';
import { killNode, restoreNode } from '../kubelet/public';

export interface TestClusterOptions extends ClusterOptions {
  heartbeats?: boolean;
}

/** "90s", "5m", "1h30m", "250ms" or a number of ms. */
export function duration(d: number | string): number {
  if (typeof d === 'number') return d;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let consumed = 0;
  for (const m of d.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]];
    consumed += m[0].length;
  }
  if (consumed !== d.length || consumed === 0) throw new Error(`not a duration: ${JSON.stringify(d)}`);
  return Math.round(total);
}

function splitName(ref: string): [string, string] {
  const i = ref.indexOf('/');
  return i < 0 ? ['default', ref] : [ref.slice(0, i), ref.slice(i + 1)];
}

export class TestCluster {
  readonly core: ClusterCore;

  constructor(
    readonly cluster: Cluster,
    private readonly heartbeats: boolean,
  ) {
    this.core = cluster.core;
  }

  /** Runs a kubectl command line; throws with its stderr unless it exits 0. */
  kubectl(line: string, stdin?: string): this {
    const r = this.cluster.kubectl(line, stdin);
    if (r.exitCode !== 0) throw new Error(`kubectl ${line} exited ${r.exitCode}: ${r.stderr}`);
    return this;
  }

  /** Runs a kubectl command line and returns what it printed, whatever the exit code. */
  run(line: string, stdin?: string): ExecResult {
    return this.cluster.kubectl(line, stdin);
  }

  /** Applies YAML/JSON text or manifest objects; throws with the API's errors if any. */
  apply(...manifests: (string | object)[]): this {
    const text = manifests.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join('\n---\n');
    const r = applyText(this.core, text);
    if (!r.ok) throw new Error(`apply failed: ${r.errors.map((e) => e.message).join('; ')}`);
    return this;
  }

  /** Applies and returns the result as is (for tests of failures). */
  tryApply(manifest: string | object): ApplyResult {
    return applyText(this.core, typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  }

  delete(kind: string, ref: string, opts: { propagationPolicy?: PropagationPolicy; gracePeriodSeconds?: number } = {}) {
    const info = lookupKind(kind);
    const [ns, name] = info?.namespaced ? splitName(ref) : [undefined, ref];
    const r = deleteObject(this.core, kind, name, ns, opts);
    if (!r.ok) throw new Error(`delete failed: ${r.errors.map((e) => e.message).join('; ')}`);
    return this;
  }

  advance(d: number | string): this {
    this.core.advance(duration(d));
    return this;
  }

  /** Runs a check against the cluster (chainable), e.g. `.expect((t) => expect(...))`. */
  expect(check: (t: this) => void): this {
    check(this);
    return this;
  }

  /** The machine under a node goes down: its kubelet stops heartbeating. */
  kill(nodeName: string): this {
    killNode(this.core, nodeName);
    if (machines(this.core).down[nodeName] === undefined) killMachine(this.core, nodeName);
    return this;
  }

  restore(nodeName: string): this {
    restoreNode(this.core, nodeName);
    restoreMachine(this.core, nodeName);
    return this;
  }

  /**
   * Stands in for a kubelet that started the pod: phase Running, every condition True.
   * Use it where no kubelet runs the pod (its machine is off): a running kubelet posts
   * its own status over this at its next sync.
   */
  markReady(ref: string): this {
    const [ns, name] = splitName(ref);
    const p = this.pod(`${ns}/${name}`);
    const at = this.core.clock.timestamp();
    const types = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
    const conditions = types.map((type) => ({
      type,
      status: 'True' as const,
      lastProbeTime: null,
      lastTransitionTime: at,
    }));
    this.core.api.updateStatus({ ...p, status: { ...p.status, phase: 'Running', conditions, startTime: at } });
    this.core.settle();
    return this;
  }

  get<T extends KubeObject = KubeObject>(kind: string, ref: string): T | undefined {
    const info = lookupKind(kind);
    if (!info) return undefined;
    const [ns, name] = info.namespaced ? splitName(ref) : [undefined, ref];
    return this.core.store.get(info.kind, ns, name) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): T[] {
    const info = lookupKind(kind);
    return info ? (this.core.store.list(info.kind, info.namespaced ? namespace : undefined) as T[]) : [];
  }

  /** The pod `ns/name` (or `name` in default); throws if it is gone. */
  pod(ref: string): Pod {
    const p = this.get<Pod>('Pod', ref);
    if (!p) throw new Error(`pod ${ref} not found`);
    return p;
  }

  node(name: string): Node {
    const n = this.get<Node>('Node', name);
    if (!n) throw new Error(`node ${name} not found`);
    return n;
  }

  /** Events oldest first, optionally only those with this reason. */
  events(reason?: string): KubeEvent[] {
    const all = listEvents(this.core);
    return reason ? all.filter((e) => e.reason === reason) : all;
  }

  now(): number {
    return this.core.clock.now();
  }

  snapshot(): ClusterSnapshot {
    return this.core.snapshot();
  }

  /** A new TestCluster restored from this one's snapshot (heartbeats carried over). */
  fork(): TestCluster {
    return restoreTestCluster(this.snapshot(), { heartbeats: this.heartbeats });
  }
}

export function testCluster(opts: TestClusterOptions = {}): TestCluster {
  const { heartbeats, ...options } = opts;
  const cluster = createCluster(options);
  if (heartbeats) installFakeHeartbeats(cluster.core);
  return new TestCluster(cluster, heartbeats ?? false);
}

export function restoreTestCluster(snapshot: ClusterSnapshot, opts: { heartbeats?: boolean } = {}): TestCluster {
  const cluster = restoreCluster(snapshot);
  if (opts.heartbeats) installFakeHeartbeats(cluster.core, { start: false });
  return new TestCluster(cluster, opts.heartbeats ?? false);
}
