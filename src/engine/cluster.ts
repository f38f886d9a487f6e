/**
 * One simulated cluster: the store, the virtual clock, the controllers and the
 * loop that runs them. index.ts is its public face.
 */
import { Api } from './api/api';
import { type ApplyResult, applyManifests } from './api/apply';
import { ApiError } from './api/errors';
import { lookupKind } from './api/kinds';
import type { Store, Watcher } from './api/store';
import { Store as StoreImpl } from './api/store';
import type { KubeEvent, KubeObject, PropagationPolicy } from './api/types';
import { bootstrapCluster, type NodeSpec, normalizeNodes } from './cluster-shape';
import { allControllers } from './controllers';
import type { ControllerContext } from './controllers/context';
import { ControllerManager, HOT_LOOP_LIMIT, INSTANT_RECONCILE_LIMIT } from './controllers/manager';
import { EventRecorder, type RecorderJson } from './events/recorder';
import { machines } from './kubelet/machines';
import { Clock } from './sim/clock';
import { advance as advanceLoop } from './sim/loop';
import { Rng } from './sim/rng';
import { TimerQueue } from './sim/timers';
import { validateSnapshot } from './snapshot';
import { type TimingProfile, type Timings, timingsFor } from './timings';

export interface ClusterOptions {
  seed?: number;
  nodes?: number | NodeSpec[];
  timings?: TimingProfile;
  timingOverrides?: Partial<Timings>;
  /** kube-proxy's --proxy-mode: iptables (random endpoint per connection, the default) or ipvs (round robin) */
  kubeProxyMode?: 'iptables' | 'ipvs';
}

export interface ClusterSnapshot {
  format: 'kube-playground/cluster';
  version: 1;
  options: {
    seed: number;
    timings: TimingProfile;
    timingOverrides: Partial<Timings>;
    kubeProxyMode?: 'iptables' | 'ipvs';
  };
  now: number;
  rng: number;
  store: { rv: number; objects: KubeObject[] };
  timers: { seq: number; timers: { at: number; seq: number; target: string; key: string }[] };
  queue: { controller: string; key: string }[];
  /** per-controller state, the machines and the event recorder's caches (plain JSON) */
  state: Record<string, unknown>;
}

/** Where the event recorder keeps its correlation caches inside ClusterCore.state. */
const RECORDER_STATE = 'event-recorder';

/** Everything inside one cluster, for the engine's own modules (kubectl, kubelet accessors, tests). */
export class ClusterCore {
  readonly clock = new Clock();
  readonly rng: Rng;
  readonly store: Store;
  readonly api: Api;
  readonly timers = new TimerQueue();
  readonly events: EventRecorder;
  readonly manager: ControllerManager;
  readonly timings: Timings;
  readonly options: ClusterSnapshot['options'];
  /** per-controller persistent state (plain JSON, carried by snapshots) */
  state: Record<string, object> = {};
  private contexts = new Map<string, ControllerContext>();

  constructor(options: ClusterSnapshot['options']) {
    this.options = options;
    this.timings = timingsFor(options.timings, options.timingOverrides);
    this.rng = new Rng(options.seed);
    this.store = new StoreImpl(this.clock, this.rng);
    this.api = new Api(this.store, this.clock, this.rng, this.timings);
    this.events = new EventRecorder(this.store, this.clock);
    this.manager = new ControllerManager(this.store, (c) => this.context(c.name));
    for (const c of allControllers()) this.manager.register(c);
  }

  context(name: string): ControllerContext {
    let ctx = this.contexts.get(name);
    if (!ctx) {
      ctx = {
        store: this.store,
        api: this.api,
        clock: this.clock,
        rng: this.rng,
        events: this.events,
        timings: this.timings,
        after: (ms, key) => this.timers.add(this.clock.now() + Math.max(0, ms), name, key),
        enqueue: (controller, key) => this.manager.enqueue(controller, key),
        state: <T extends object>(init: () => T): T => {
          let s = this.state[name] as T | undefined;
          if (!s) {
            s = init();
            this.state[name] = s;
          }
          return s;
        },
        machines: () => machines(this),
      };
      this.contexts.set(name, ctx);
    }
    return ctx;
  }

  /** Runs controllers until quiet, then fires timers in order up to now + ms (sim/loop.ts). */
  advance(ms: number): void {
    advanceLoop(
      {
        clock: this.clock,
        timers: this.timers,
        fire: (t) => this.manager.enqueue(t.target, t.key),
        settle: () => this.settle(),
      },
      ms,
    );
  }

  settle(): void {
    this.manager.drain(
      this.clock.now(),
      (controller, key, kind) => this.reportHotLoop(controller, key, kind),
      (controller, key, message) => this.reportError(controller, key, message),
    );
  }

  /** A reconcile that threw: a Warning event, so the failure is visible instead of fatal. */
  private reportError(controller: string, key: string, message: string): void {
    const ns = this.store.get('Namespace', undefined, 'kube-system');
    if (!ns) return;
    this.events.warning(
      { component: 'kube-controller-manager' },
      ns,
      'ReconcileError',
      `${controller} ${key}: ${message}`,
    );
  }

  /** A runaway controller is reported as a Warning event on the kube-system namespace. */
  private reportHotLoop(controller: string, key: string, kind: 'key' | 'instant'): void {
    const ns = this.store.get('Namespace', undefined, 'kube-system');
    if (!ns) return;
    const what =
      kind === 'key'
        ? `controller ${controller} reconciled ${key} more than ${HOT_LOOP_LIMIT} times at one instant`
        : `controllers ran more than ${INSTANT_RECONCILE_LIMIT} reconciles at one instant (next: ${controller} ${key})`;
    this.events.warning(
      { component: 'kube-controller-manager' },
      ns,
      'HotLoop',
      `${what}; the rest of its work at this instant was dropped to keep the simulation responsive`,
    );
  }

  snapshot(): ClusterSnapshot {
    return structuredClone({
      format: 'kube-playground/cluster',
      version: 1,
      options: this.options,
      now: this.clock.now(),
      rng: this.rng.getState(),
      store: this.store.dump(),
      timers: this.timers.toJSON(),
      queue: this.manager.dumpQueue(),
      state: { ...this.state, [RECORDER_STATE]: this.events.toJSON() },
    }) as ClusterSnapshot;
  }

  load(s: ClusterSnapshot): void {
    const data = structuredClone(s);
    // The recorder's caches are checked as they load, so load them before anything else.
    const { [RECORDER_STATE]: recorder, ...state } = data.state;
    if (recorder !== undefined) {
      try {
        this.events.load(recorder as RecorderJson, `snapshot.state.${RECORDER_STATE}`);
      } catch (e) {
        throw new Error(`restoreCluster: ${(e as Error).message}`);
      }
    }
    this.clock.set(data.now);
    this.rng.setState(data.rng);
    this.store.load(data.store);
    const timers = TimerQueue.fromJSON(data.timers);
    Object.assign(this.timers, timers);
    this.manager.loadQueue(data.queue);
    this.state = state as Record<string, object>;
  }
}

export function newCluster(options: ClusterOptions = {}): ClusterCore {
  const core = new ClusterCore({
    seed: options.seed ?? 1,
    timings: options.timings ?? 'real',
    timingOverrides: options.timingOverrides ?? {},
    ...(options.kubeProxyMode ? { kubeProxyMode: options.kubeProxyMode } : {}),
  });
  bootstrapCluster(core.api, core.clock, normalizeNodes(options.nodes), core.rng);
  core.manager.startAll();
  core.settle();
  return core;
}

/**
 * Rebuilds a cluster from a snapshot. Everything is checked before anything is built,
 * and the cluster is assembled in a fresh core, so a bad snapshot yields an Error and
 * never a half-restored cluster.
 */
export function loadCluster(snapshot: ClusterSnapshot): ClusterCore {
  validateSnapshot(snapshot);
  const core = new ClusterCore(snapshot.options);
  core.load(snapshot);
  return core;
}

export function applyText(core: ClusterCore, text: string, namespace?: string): ApplyResult {
  return applyManifests(core.api, text, { namespace });
}

export function deleteObject(
  core: ClusterCore,
  kind: string,
  name: string,
  namespace?: string,
  opts: { propagationPolicy?: PropagationPolicy; gracePeriodSeconds?: number } = {},
): ApplyResult {
  const info = lookupKind(kind);
  try {
    const obj = core.api.delete(kind, namespace, name, opts);
    return {
      ok: true,
      results: [
        {
          kind: obj.kind,
          name,
          ...(info?.namespaced ? { namespace: namespace ?? 'default' } : {}),
          action: 'deleted',
        },
      ],
      errors: [],
      warnings: [],
    };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, results: [], errors: [{ message: e.message }], warnings: [] };
    throw e;
  }
}

export function listEvents(core: ClusterCore): KubeEvent[] {
  const events = core.store.list('Event') as KubeEvent[];
  return [...events].sort((a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp));
}

export type { Watcher };
