// Autosave timing with fake timers and an in-memory stand-in for IndexedDB.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const restoreScenario = vi.fn(async (_input: unknown) => {});
vi.mock('./scenarioState', () => ({
  collectScenario: vi.fn(async () => ({ format: 'kube-playground/scenario', version: 1, editor: { text: 'x' } })),
  restoreClusterOnly: (x: unknown) => restoreScenario(x),
}));

import { useClusterStore } from '../state/clusterStore';
import { useEditorStore } from '../state/editorStore';
import {
  AUTOSAVE_KEY,
  MAX_WAIT_MS,
  MIN_INTERVAL_MS,
  QUIET_MS,
  SaveScheduler,
  type SaveStorage,
  startAutosave,
  type Timers,
} from './autosave';
import { usePersistStore } from './persistStore';

const fakeTimers: Timers = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

function memoryStorage() {
  const data = new Map<string, unknown>();
  const writes: string[] = [];
  const storage: SaveStorage = {
    get: async (k) => data.get(k),
    set: async (k, v) => {
      writes.push(k);
      data.set(k, v);
    },
  };
  return { data, writes, storage };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SaveScheduler', () => {
  it('saves once after a burst of changes has been quiet for QUIET_MS', async () => {
    const save = vi.fn(async () => {});
    const s = new SaveScheduler(save, fakeTimers);
    for (let i = 0; i < 5; i++) {
      s.changed();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves at least every MAX_WAIT_MS while changes never stop, and never twice within MIN_INTERVAL_MS', async () => {
    const saves: number[] = [];
    const s = new SaveScheduler(async () => {
      saves.push(Date.now());
    }, fakeTimers);
    for (let t = 0; t < 30_000; t += 100) {
      s.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves.length).toBeGreaterThanOrEqual(30_000 / MAX_WAIT_MS - 1);
    for (let i = 1; i < saves.length; i++) {
      expect(saves[i]! - saves[i - 1]!).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
      expect(saves[i]! - saves[i - 1]!).toBeLessThanOrEqual(MAX_WAIT_MS + 100);
    }
  });

  it('keeps MIN_INTERVAL_MS between a save and the next change', async () => {
    const saves: number[] = [];
    const s = new SaveScheduler(async () => {
      saves.push(Date.now());
    }, fakeTimers);
    s.changed();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    s.changed();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MIN_INTERVAL_MS);
    expect(saves).toHaveLength(2);
    expect(saves[1]! - saves[0]!).toBe(MIN_INTERVAL_MS);
  });

  it('flush saves pending changes at once and nothing when there are none', async () => {
    const save = vi.fn(async () => {});
    const s = new SaveScheduler(save, fakeTimers);
    await s.flush();
    expect(save).not.toHaveBeenCalled();
    s.changed();
    await s.flush();
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('a failing save does not stop later ones', async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new Error('quota exceeded');
    });
    const s = new SaveScheduler(save, fakeTimers);
    s.changed();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    fail = false;
    s.changed();
    await vi.advanceTimersByTimeAsync(MIN_INTERVAL_MS);
    expect(save).toHaveBeenCalledTimes(2);
  });
});

describe('startAutosave', () => {
  it('writes the scenario as JSON into storage after the editor changes', async () => {
    const { data, writes, storage } = memoryStorage();
    const stop = startAutosave(storage, fakeTimers);
    useEditorStore.getState().setText('kind: Pod');
    useEditorStore.getState().setText('kind: Pod\nmetadata: {}');
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(writes).toEqual([AUTOSAVE_KEY]);
    expect(JSON.parse(data.get(AUTOSAVE_KEY) as string)).toMatchObject({ format: 'kube-playground/scenario' });
    expect(usePersistStore.getState().savedAt).toBe(Date.now());
    stop();
    useEditorStore.getState().setText('after stop');
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(writes).toHaveLength(1);
  });

  it('never saves the fresh cluster of a restarted worker, and loads the last save into it', async () => {
    const { data, writes, storage } = memoryStorage();
    const mine = JSON.stringify({ format: 'kube-playground/scenario', mine: true });
    data.set(AUTOSAVE_KEY, mine);
    const stop = startAutosave(storage, fakeTimers);
    useClusterStore.setState({ connection: 'restarting' });
    useClusterStore.setState({ connection: 'starting' });
    useEditorStore.getState().setText('typed while it restarts');
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(writes).toEqual([]);
    expect(data.get(AUTOSAVE_KEY)).toBe(mine);
    useClusterStore.setState({ connection: 'ready' });
    await vi.advanceTimersByTimeAsync(0);
    expect(restoreScenario).toHaveBeenCalledWith({ format: 'kube-playground/scenario', mine: true });
    // then the recovered cluster is saved with what was typed meanwhile
    await vi.advanceTimersByTimeAsync(MIN_INTERVAL_MS);
    expect(writes).toEqual([AUTOSAVE_KEY]);
    stop();
  });
});
