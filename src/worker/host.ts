/**
 * Hosts one simulated cluster and speaks the worker protocol. It owns the pacing
 * loop (wall time × speed → advance), a dirty flag fed by the store's watch, and a
 * throttle so the UI receives at most ~30 updates a second and only when something
 * it shows has changed. Host timers and the wall clock are injected, so the same code
 * runs in the Web Worker and in Node tests.
 */
import { lookupKind, resourceRef } from '../engine/api/kinds';
import { type ApplyResult, type Cluster, type ClusterOptions, createCluster } from '../engine/index';
import {
  type ClockState,
  type Command,
  clampSpeed,
  type ResetOptions,
  WORKLOAD_KINDS,
  type WorkerMessage,
} from '../protocol/messages';
import { runChaos, skipToNextEvent } from './chaos';
import { complete, verbHelp } from './completion';
import { Inspector } from './inspect';
import { LessonHost, lessonList } from './lessons';
import { Pacer, Throttle, TICK_MS } from './pacer';
import { buildScenario, loadScenario } from './scenario';
import { SERIES_POST_MS, SeriesRecorder } from './series';
import { ViewBuilder } from './view';

export interface HostDeps {
  post(message: WorkerMessage): void;
  /** monotonic wall ms (performance.now in the worker) */
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** how to build a cluster (tests swap in a failing one) */
  createCluster?: (options: ClusterOptions) => Cluster;
}

/** Kinds the view shows; writes to anything else (Leases, heartbeats' siblings) do not repaint. */
const VIEW_KINDS = new Set<string>(['Pod', 'Node', 'Event', ...WORKLOAD_KINDS]);

export class ClusterHost {
  private cluster!: Cluster;
  private unwatch: () => void = () => {};
  private running = true;
  private speed = 1;
  private dirty = true;
  private lastWall: number;
  private lastClock = '';
  private timer: unknown;
  private readonly pacer = new Pacer();
  private readonly throttle = new Throttle();
  private views = new ViewBuilder();
  private readonly inspector = new Inspector();
  /** per-second samples for the charts; advancing through it samples every simulated second */
  private readonly series = new SeriesRecorder();
  private lastSeriesPost = Number.NEGATIVE_INFINITY;
  /** the running lesson, if any: it may replace the cluster and set the clock */
  private readonly lessons = new LessonHost({
    replaceCluster: (options) => {
      this.reset(options);
      return this.cluster;
    },
    setClock: (speed, running) => {
      this.speed = clampSpeed(speed);
      this.running = running;
    },
  });

  constructor(
    private readonly deps: HostDeps,
    options: ResetOptions = {},
  ) {
    this.lastWall = deps.now();
    this.reset(options);
    this.schedule(0);
  }

  handle(cmd: Command): void {
    try {
      this.run(cmd);
    } catch (e) {
      this.deps.post({ type: 'error', id: cmd?.id, command: cmd?.type, message: messageOf(e) });
    }
    this.schedule(0);
  }

  private run(cmd: Command): void {
    switch (cmd.type) {
      case 'apply': {
        const result = this.cluster.apply(cmd.text);
        this.deps.post({ type: 'applyResult', id: cmd.id, result, lines: applyLines(result) });
        return;
      }
      case 'kubectl': {
        const result = this.cluster.kubectl(stripKubectl(cmd.line));
        this.deps.post({ type: 'kubectlResult', id: cmd.id, line: cmd.line, result });
        return;
      }
      case 'play':
        if (!this.running) {
          this.running = true;
          this.lastWall = this.deps.now();
          this.pacer.reset();
        }
        return;
      case 'pause':
        this.catchUp();
        this.running = false;
        return;
      case 'step':
        if (!Number.isFinite(cmd.ms) || cmd.ms < 0) throw new RangeError(`step: ${cmd.ms} is not a duration`);
        this.series.advance(this.cluster, cmd.ms);
        return;
      case 'setSpeed':
        this.catchUp();
        this.speed = clampSpeed(cmd.speed);
        return;
      case 'reset':
        this.reset(cmd.options ?? {});
        return;
      case 'chaos':
        this.deps.post({ type: 'chaosResult', id: cmd.id, action: cmd.action, ...runChaos(this.cluster, cmd) });
        // Machine state is not an API object, so no watch event marks it.
        this.dirty = true;
        return;
      case 'skipToNextEvent':
        this.catchUp();
        skipToNextEvent(this.cluster, (ms) => this.series.advance(this.cluster, ms));
        return;
      case 'saveScenario':
        this.catchUp();
        this.deps.post({
          type: 'scenario',
          id: cmd.id,
          scenario: { ...buildScenario(this.cluster, this.clock()), lessons: this.lessons.saved() },
        });
        return;
      case 'loadScenario': {
        // loadScenario throws before anything is replaced, so a bad one leaves this cluster.
        const loaded = loadScenario(cmd.scenario);
        this.adopt(loaded.cluster);
        this.speed = loaded.clock.speed;
        this.running = loaded.clock.running;
        this.lessons.restore(loaded.lessons, loaded.cluster);
        this.deps.post({ type: 'scenarioLoaded', id: cmd.id, clock: this.clock() });
        return;
      }
      case 'complete':
        this.deps.post({ type: 'completion', id: cmd.id, ...complete(this.cluster, cmd.line, cmd.cursor) });
        return;
      case 'kubectlHelp':
        this.deps.post({ type: 'kubectlHelp', id: cmd.id, verbs: verbHelp() });
        return;
      case 'inspect':
        this.inspector.start(this.cluster, cmd.id, cmd.ref, this.deps.post);
        return;
      case 'lessons':
        this.deps.post({ type: 'lessonList', id: cmd.id, ...lessonList() });
        return;
      case 'lesson':
        this.catchUp();
        this.lessons.handle(cmd);
        return;
      default:
        throw new Error(`unknown command ${JSON.stringify((cmd as { type?: unknown }).type)}`);
    }
  }

  private reset(options: ResetOptions): void {
    const make = this.deps.createCluster ?? createCluster;
    const cluster = make({
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
      ...(options.timings ? { timings: options.timings } : {}),
    });
    this.adopt(cluster);
  }

  /** Makes `cluster` the hosted one: watch it, rebuild views from scratch. */
  private adopt(cluster: Cluster): void {
    this.unwatch();
    this.cluster = cluster;
    this.inspector.markDirty();
    this.lessons?.attach(cluster);
    this.unwatch = cluster.watch((ev) => {
      this.inspector.observe(ev);
      this.lessons.markDirty();
      if (VIEW_KINDS.has(ev.object.kind)) this.dirty = true;
    });
    this.views = new ViewBuilder();
    this.series.clear();
    this.series.record(cluster);
    this.dirty = true;
    this.lastWall = this.deps.now();
    this.pacer.reset();
  }

  /** Advances the simulation for the wall time that passed since the last tick. */
  private catchUp(): void {
    const wall = this.deps.now();
    const elapsed = wall - this.lastWall;
    this.lastWall = wall;
    if (!this.running) return;
    const ms = this.pacer.simMsFor(elapsed, this.speed);
    if (ms > 0) this.series.advance(this.cluster, ms);
  }

  private tick = (): void => {
    this.timer = undefined;
    try {
      this.catchUp();
    } catch (e) {
      // A failing controller would fail again on every tick: stop the clock, say why.
      this.running = false;
      this.deps.post({ type: 'error', command: 'tick', message: `simulation paused: ${messageOf(e)}` });
    }
    const wall = this.deps.now();
    const wait = this.throttle.wait(wall);
    if (wait === 0) this.flush(wall);
    if (this.running) this.schedule(TICK_MS);
    else if (this.dirty || this.series.dirty || this.clockKey() !== this.lastClock) this.schedule(Math.max(wait, 1));
  };

  private flush(wall: number): void {
    let posted = false;
    const key = this.clockKey();
    if (key !== this.lastClock) {
      this.lastClock = key;
      this.deps.post({ type: 'clock', clock: this.clock() });
      posted = true;
      // No watch event fires when only time passes, yet the workloads' AGE (a Job's
      // DURATION, a CronJob's LAST SCHEDULE) may now read differently.
      if (!this.dirty) this.dirty = this.workloadTimesMoved();
    }
    if (this.dirty) {
      this.dirty = false;
      try {
        this.deps.post({ type: 'view', view: this.views.build(this.cluster) });
      } catch (e) {
        this.deps.post({ type: 'error', command: 'tick', message: `could not build the view: ${messageOf(e)}` });
      }
      posted = true;
    }
    // The inspected object follows at the same throttle as the view.
    this.inspector.flush(this.cluster, this.deps.post);
    this.lessons.flush(this.deps.post);
    if (this.series.dirty && wall - this.lastSeriesPost >= SERIES_POST_MS) {
      this.lastSeriesPost = wall;
      this.deps.post({ type: 'series', series: this.series.view() });
      posted = true;
    }
    if (posted) this.throttle.mark(wall);
  }

  private workloadTimesMoved(): boolean {
    try {
      return this.views.workloadsChanged(this.cluster);
    } catch {
      // build() below reports the same failure as an error message
      return true;
    }
  }

  clock(): ClockState {
    return { now: this.cluster.now(), running: this.running, speed: this.speed };
  }

  /** The UI shows whole seconds, so a clock message is due only when one of these changes. */
  private clockKey(): string {
    return `${Math.floor(this.cluster.now() / 1000)}|${this.running}|${this.speed}`;
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) {
      if (ms > 0) return;
      this.deps.clearTimer(this.timer);
    }
    this.timer = this.deps.setTimer(this.tick, ms);
  }

  /** Stops the loop (tests; the worker simply ends). */
  dispose(): void {
    if (this.timer !== undefined) this.deps.clearTimer(this.timer);
    this.timer = undefined;
    this.running = false;
    this.unwatch();
  }
}

/** kubectl apply's output: one "<resource>/<name> <action>" line per object. */
export function applyLines(result: ApplyResult): string[] {
  return result.results.map((r) => {
    const info = lookupKind(r.kind);
    return `${info ? resourceRef(info, r.name) : `${r.kind.toLowerCase()}/${r.name}`} ${r.action}`;
  });
}

/** The console accepts "kubectl get pods" and "get pods" alike. */
export function stripKubectl(line: string): string {
  return line.trim().replace(/^kubectl(\s+|$)/, '');
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
