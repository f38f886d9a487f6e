/**
 * The controller manager: watch events become keys on de-duplicating queues, and
 * drain() runs reconcile(key) until no controller has work left. A key that keeps
 * re-queueing itself at one instant is a hot loop: it is dropped and reported as a
 * Warning event instead of hanging the page.
 */
import type { Store, WatchEvent } from '../api/store';
import type { ControllerContext } from './context';

export interface Controller {
  /** unique name; also the timer target and the key of its saved state */
  readonly name: string;
  /** Turns a watch event into keys for this controller (no store writes here). */
  onEvent?(ev: WatchEvent, enqueue: (key: string) => void): void;
  /** Reads the store, compares desired with actual and writes the difference. */
  reconcile(key: string, ctx: ControllerContext): void;
  /** Called once when the cluster is created (not on restore). */
  start?(ctx: ControllerContext): void;
}

/** How many times one key may be reconciled at a single instant before it counts as a hot loop. */
export const HOT_LOOP_LIMIT = 1000;
/**
 * How many reconciles of any keys one instant may take. A controller that chains
 * fresh keys forever (k1 → k2 → …) never repeats one; this catches it. Creating
 * 10,000 pods at once costs about a tenth of this.
 */
export const INSTANT_RECONCILE_LIMIT = 2_000_000;

interface QueueItem {
  controller: string;
  key: string;
}

interface Queued extends QueueItem {
  /** controller NUL key: the de-duplication and hot-loop counter key */
  id: string;
}

export class ControllerManager {
  private controllers = new Map<string, Controller>();
  private queue: Queued[] = [];
  private head = 0;
  private queued = new Set<string>();
  private runsAtInstant = new Map<string, number>();
  private instant = -1;
  private runsThisInstant = 0;
  hotLoops: { controller: string; key: string; at: number }[] = [];
  /** reconciles that threw (diagnostics for tests and tools; the newest 100) */
  errors: { controller: string; key: string; at: number; message: string }[] = [];

  constructor(
    store: Store,
    private readonly contextFor: (controller: Controller) => ControllerContext,
  ) {
    store.watch((ev) => {
      for (const c of this.controllers.values()) c.onEvent?.(ev, this.enqueuers.get(c.name) as (key: string) => void);
    });
  }

  /** Each controller's enqueue function, made once rather than per watch event. */
  private enqueuers = new Map<string, (key: string) => void>();

  register(c: Controller): void {
    this.controllers.set(c.name, c);
    this.enqueuers.set(c.name, (key) => this.enqueue(c.name, key));
  }

  get(name: string): Controller | undefined {
    return this.controllers.get(name);
  }

  names(): string[] {
    return [...this.controllers.keys()];
  }

  startAll(): void {
    for (const c of this.controllers.values()) c.start?.(this.contextFor(c));
  }

  enqueue(controller: string, key: string): void {
    const id = `${controller}\u0000${key}`;
    if (this.queued.has(id)) return;
    this.queued.add(id);
    this.queue.push({ controller, key, id });
  }

  pending(): number {
    return this.queue.length - this.head;
  }

  /** Runs queued work until every queue is empty. `now` resets the hot-loop counters. */
  drain(
    now: number,
    onHotLoop: (controller: string, key: string, kind: 'key' | 'instant') => void,
    onError?: (controller: string, key: string, message: string) => void,
  ): void {
    if (now !== this.instant) {
      this.instant = now;
      this.runsAtInstant.clear();
      this.runsThisInstant = 0;
    }
    while (this.head < this.queue.length) {
      const item = this.queue[this.head++];
      const id = item.id;
      this.queued.delete(id);
      if (++this.runsThisInstant > INSTANT_RECONCILE_LIMIT) {
        // Runaway at this instant: drop what is left and report (once) the key that was next.
        if (this.runsThisInstant === INSTANT_RECONCILE_LIMIT + 1) {
          this.hotLoops.push({ controller: item.controller, key: item.key, at: now });
          onHotLoop(item.controller, item.key, 'instant');
        }
        this.queued.clear();
        break;
      }
      const runs = (this.runsAtInstant.get(id) ?? 0) + 1;
      this.runsAtInstant.set(id, runs);
      if (runs > HOT_LOOP_LIMIT) {
        if (runs === HOT_LOOP_LIMIT + 1) {
          this.hotLoops.push({ controller: item.controller, key: item.key, at: now });
          onHotLoop(item.controller, item.key, 'key');
        }
        continue;
      }
      const c = this.controllers.get(item.controller);
      if (c) {
        try {
          c.reconcile(item.key, this.contextFor(c));
        } catch (e) {
          // A failing reconcile must not stop the simulation (upstream logs and requeues
          // with backoff); here it is recorded and reported, and the key dropped.
          const message = e instanceof Error ? e.message : String(e);
          this.errors.push({ controller: item.controller, key: item.key, at: now, message });
          if (this.errors.length > 100) this.errors.shift();
          onError?.(item.controller, item.key, message);
        }
      }
      if (this.head > 4096 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
    }
    this.queue = [];
    this.head = 0;
  }

  /** Pending queue entries, for snapshots. */
  dumpQueue(): QueueItem[] {
    return this.queue.slice(this.head).map((q) => ({ controller: q.controller, key: q.key }));
  }

  loadQueue(items: QueueItem[]): void {
    this.queue = [];
    this.head = 0;
    this.queued.clear();
    for (const i of items) this.enqueue(i.controller, i.key);
  }
}
