// What the page restores on load: the autosave, a broken save, a share link.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const restoreScenario = vi.fn(async (_input: unknown) => {});
const startAutosave = vi.fn(() => () => {});
vi.mock('./scenarioState', () => ({ restoreScenario: (x: unknown) => restoreScenario(x) }));
vi.mock('./autosave', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./autosave')>()),
  startAutosave: () => startAutosave(),
}));

import { AUTOSAVE_KEY, BROKEN_SAVE_KEY, type SaveStorage } from './autosave';
import { restoreOnBoot } from './boot';
import { encodeShare } from './codec';
import { usePersistStore } from './persistStore';

function memoryStorage(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: SaveStorage = { get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
  return { data, storage };
}

let events: EventTarget;
function stubPage(hash: string) {
  events = new EventTarget();
  vi.stubGlobal('location', { hash, pathname: '/', search: '', reload: vi.fn() });
  vi.stubGlobal('history', { replaceState: vi.fn() });
  vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
  vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
}

beforeEach(() => {
  restoreScenario.mockReset();
  restoreScenario.mockImplementation(async () => {});
  startAutosave.mockClear();
  usePersistStore.setState({ notice: null, holdingAutosave: false, savedAt: null });
  stubPage('');
});
afterEach(() => vi.unstubAllGlobals());

describe('restoreOnBoot from the autosave', () => {
  it('starts fresh and starts autosaving when nothing was saved', async () => {
    await restoreOnBoot(memoryStorage().storage);
    expect(restoreScenario).not.toHaveBeenCalled();
    expect(usePersistStore.getState().notice).toBeNull();
    expect(startAutosave).toHaveBeenCalledTimes(1);
  });

  it('restores a saved scenario', async () => {
    const saved = { format: 'kube-playground/scenario', version: 1 };
    await restoreOnBoot(memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify(saved) }).storage);
    expect(restoreScenario).toHaveBeenCalledWith(saved);
    expect(usePersistStore.getState().notice).toBeNull();
  });

  it('keeps a save that is not JSON and says so, then autosaves afresh', async () => {
    const { data, storage } = memoryStorage({ [AUTOSAVE_KEY]: '{"format": "kube-pl' });
    await restoreOnBoot(storage);
    const notice = usePersistStore.getState().notice;
    expect(notice).toMatchObject({ kind: 'brokenSave', brokenSave: '{"format": "kube-pl' });
    expect(notice?.detail).toMatch(/^the save is not JSON/);
    expect(data.get(BROKEN_SAVE_KEY)).toBe('{"format": "kube-pl');
    expect(startAutosave).toHaveBeenCalledTimes(1);
  });

  it('shows the worker reason when the saved scenario is refused', async () => {
    restoreScenario.mockRejectedValue(new Error('snapshot is damaged: snapshot.now must be a number'));
    const { data, storage } = memoryStorage({ [AUTOSAVE_KEY]: '{"format":"kube-playground/scenario"}' });
    await restoreOnBoot(storage);
    expect(usePersistStore.getState().notice).toMatchObject({
      kind: 'brokenSave',
      detail: 'snapshot is damaged: snapshot.now must be a number',
    });
    expect(data.get(BROKEN_SAVE_KEY)).toBe('{"format":"kube-playground/scenario"}');
  });
});

describe('restoreOnBoot from a share link', () => {
  it('opens the linked scenario over the autosave and holds the autosave until the learner acts', async () => {
    const shared = { format: 'kube-playground/scenario', version: 1, editor: { text: 'x' } };
    stubPage(`#scenario=${await encodeShare(shared)}`);
    const { data, storage } = memoryStorage({ [AUTOSAVE_KEY]: '"mine"' });
    await restoreOnBoot(storage);
    expect(restoreScenario).toHaveBeenCalledTimes(1);
    expect(restoreScenario).toHaveBeenCalledWith(shared);
    expect(usePersistStore.getState().notice?.kind).toBe('openedShared');
    expect(usePersistStore.getState().holdingAutosave).toBe(true);
    expect(startAutosave).not.toHaveBeenCalled();
    events.dispatchEvent(new Event('keydown'));
    expect(startAutosave).toHaveBeenCalledTimes(1);
    expect(usePersistStore.getState().holdingAutosave).toBe(false);
    expect(data.get(AUTOSAVE_KEY)).toBe('"mine"');
  });

  it('explains a garbage link, restores nothing and leaves the autosave alone', async () => {
    stubPage('#scenario=%%%garbage');
    const { data, storage } = memoryStorage({ [AUTOSAVE_KEY]: '"mine"' });
    await restoreOnBoot(storage);
    expect(restoreScenario).not.toHaveBeenCalled();
    expect(usePersistStore.getState().notice).toMatchObject({ kind: 'badShareLink', problem: 'notBase64' });
    expect(startAutosave).not.toHaveBeenCalled();
    expect(data.get(AUTOSAVE_KEY)).toBe('"mine"');
  });
});
