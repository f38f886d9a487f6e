/**
 * Autosave: the scenario goes to IndexedDB a moment after things change. Saves
 * are debounced (a burst of changes is one save), capped (a cluster that changes
 * every second still saves at most once per MIN_INTERVAL_MS and at least every
 * MAX_WAIT_MS), and flushed when the page is hidden or left.
 */
import { get, set } from 'idb-keyval';
import { type ClusterState, useClusterStore } from '../state/clusterStore';
import { useEditorStore } from '../state/editorStore';
import { useUiStore } from '../state/uiStore';
import { markSaved } from './persistStore';
import { collectScenario, restoreClusterOnly } from './scenarioState';

export const AUTOSAVE_KEY = 'kube-playground.autosave';
/** a save that could not be restored is kept here, never overwritten by the next one */
export const BROKEN_SAVE_KEY = 'kube-playground.autosave.broken';

export const QUIET_MS = 1_000;
export const MAX_WAIT_MS = 5_000;
export const MIN_INTERVAL_MS = 2_000;

export interface Timers {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Where saves go; idb-keyval in the page, a Map in tests. */
export interface SaveStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export const idbStorage: SaveStorage = { get: (k) => get(k), set: (k, v) => set(k, v) };

/** Decides when to save; knows nothing about what is saved. */
export class SaveScheduler {
  private timer: unknown;
  private firstChange: number | null = null;
  private lastSave = Number.NEGATIVE_INFINITY;
  private saving: Promise<void> | null = null;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Something worth saving changed. */
  changed(): void {
    const now = this.timers.now();
    this.firstChange ??= now;
    const due = Math.max(Math.min(now + QUIET_MS, this.firstChange + MAX_WAIT_MS), this.lastSave + MIN_INTERVAL_MS);
    if (this.timer !== undefined) this.timers.clearTimer(this.timer);
    this.timer = this.timers.setTimer(() => {
      this.timer = undefined;
      void this.run();
    }, due - now);
  }

  /** Saves pending changes now (the page is going away). */
  flush(): Promise<void> {
    if (this.firstChange === null) return this.saving ?? Promise.resolve();
    if (this.timer !== undefined) this.timers.clearTimer(this.timer);
    this.timer = undefined;
    return this.run();
  }

  stop(): void {
    if (this.timer !== undefined) this.timers.clearTimer(this.timer);
    this.timer = undefined;
    this.firstChange = null;
  }

  private async run(): Promise<void> {
    if (this.saving) {
      // One save at a time; changes during it are saved after it.
      await this.saving;
      if (this.firstChange !== null && this.timer === undefined) this.changed();
      return;
    }
    this.firstChange = null;
    this.lastSave = this.timers.now();
    this.saving = this.save()
      .catch(() => {
        // A failed save (storage full, worker restarting) is retried on the next change.
      })
      .finally(() => {
        this.saving = null;
      });
    return this.saving;
  }
}

/** Saves the current scenario into `storage`. */
export async function saveNow(storage: SaveStorage = idbStorage): Promise<void> {
  const scenario = await collectScenario();
  await storage.set(AUTOSAVE_KEY, JSON.stringify(scenario));
  markSaved(Date.now());
}

/** Loads the last autosave into a restarted worker; without one the fresh cluster stays. */
async function recoverFromSave(storage: SaveStorage): Promise<void> {
  try {
    const saved = await storage.get(AUTOSAVE_KEY);
    if (typeof saved === 'string') await restoreClusterOnly(JSON.parse(saved));
  } catch {
    // The save cannot be loaded either: the fresh cluster is all there is.
  }
}

/** Starts saving on every change and when the page is hidden; returns a stop function. */
export function startAutosave(storage: SaveStorage = idbStorage, timers: Timers = realTimers): () => void {
  // A restarted worker comes back with a fresh cluster: no save may overwrite the
  // learner's cluster with it, and once it is up the last save's cluster is loaded into it.
  let recovering = false;
  let restoring = false;
  const scheduler = new SaveScheduler(() => (recovering ? Promise.resolve() : saveNow(storage)), timers);
  const changed = () => scheduler.changed();
  const onCluster = (s: ClusterState, prev: ClusterState) => {
    if (s.connection === 'restarting' && prev.connection !== 'restarting') {
      recovering = true;
      scheduler.stop();
      return;
    }
    if (!recovering) return changed();
    if (s.connection !== 'ready' || restoring) return;
    restoring = true;
    void recoverFromSave(storage).finally(() => {
      recovering = false;
      restoring = false;
      changed(); // what was typed meanwhile is saved with the recovered cluster
    });
  };
  const unsubs = [
    // Views and the clock: while the simulation runs, the cluster keeps changing.
    useClusterStore.subscribe(onCluster),
    useEditorStore.subscribe(changed),
    useUiStore.subscribe(changed),
  ];
  const onHide = () => {
    if (globalThis.document?.visibilityState !== 'visible') void scheduler.flush();
  };
  const onPageHide = () => void scheduler.flush();
  globalThis.addEventListener?.('pagehide', onPageHide);
  globalThis.document?.addEventListener('visibilitychange', onHide);
  return () => {
    scheduler.stop();
    for (const u of unsubs) u();
    globalThis.removeEventListener?.('pagehide', onPageHide);
    globalThis.document?.removeEventListener('visibilitychange', onHide);
  };
}
