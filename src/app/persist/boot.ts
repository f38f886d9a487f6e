/**
 * What the page restores before its first paint: a shared scenario from the URL
 * fragment if there is one (it wins over the autosave, which is then left alone
 * until the learner does something), else the autosave. A broken save or link
 * never blocks the app: it shows a notice and the cluster starts fresh.
 */
import { AUTOSAVE_KEY, BROKEN_SAVE_KEY, idbStorage, type SaveStorage, startAutosave } from './autosave';
import { decodeShare, PersistError, type PersistProblem, sharePayload } from './codec';
import { setHoldingAutosave, showNotice } from './persistStore';
import { restoreScenario } from './scenarioState';

/** The app paints after this long even if the worker or IndexedDB have not answered. */
const BOOT_TIMEOUT_MS = 4_000;

function problemOf(e: unknown): { problem: PersistProblem; detail: string } {
  if (e instanceof PersistError) return { problem: e.problem, detail: e.message };
  return { problem: 'storage', detail: e instanceof Error ? e.message : String(e) };
}

export async function restoreOnBoot(storage: SaveStorage = idbStorage): Promise<void> {
  const work = restore(storage);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, BOOT_TIMEOUT_MS));
  await Promise.race([work.catch(() => {}), timeout]);
}

/** A share link opened in a tab that already shows the app changes only the hash: load it afresh. */
function reloadOnSharedHash(): void {
  globalThis.addEventListener?.('hashchange', () => {
    if (sharePayload(globalThis.location.hash) !== null) globalThis.location.reload();
  });
}

async function restore(storage: SaveStorage): Promise<void> {
  reloadOnSharedHash();
  const payload = sharePayload(globalThis.location?.hash ?? '');
  if (payload !== null) {
    try {
      await restoreScenario(await decodeShare(payload));
      showNotice({ kind: 'openedShared' });
      holdAutosaveUntilTheLearnerActs(storage);
      return;
    } catch (e) {
      showNotice({ kind: 'badShareLink', ...problemOf(e) });
      // The bad link is not the learner's work: start fresh and leave the autosave as it is
      // until they act, so opening a broken link never costs them their saved cluster.
      holdAutosaveUntilTheLearnerActs(storage);
      return;
    }
  }
  await restoreAutosave(storage);
  startAutosave(storage);
}

async function restoreAutosave(storage: SaveStorage): Promise<void> {
  let saved: unknown;
  try {
    saved = await storage.get(AUTOSAVE_KEY);
  } catch {
    return; // no IndexedDB (private mode): nothing to restore, saves will fail quietly
  }
  if (saved === undefined) return;
  const raw = typeof saved === 'string' ? saved : JSON.stringify(saved);
  try {
    await restoreScenario(JSON.parse(raw));
  } catch (e) {
    const detail = e instanceof SyntaxError ? `the save is not JSON (${e.message})` : problemOf(e).detail;
    await storage.set(BROKEN_SAVE_KEY, raw).catch(() => {});
    showNotice({ kind: 'brokenSave', detail, brokenSave: raw });
  }
}

/** The first key press or pointer press ends the hold: the link's scenario becomes the learner's. */
function holdAutosaveUntilTheLearnerActs(storage: SaveStorage): void {
  setHoldingAutosave(true);
  const act = () => {
    globalThis.removeEventListener('pointerdown', act, true);
    globalThis.removeEventListener('keydown', act, true);
    setHoldingAutosave(false);
    // Leave the link behind, so a reload shows the learner's own autosave from now on.
    globalThis.history?.replaceState(null, '', globalThis.location.pathname + globalThis.location.search);
    startAutosave(storage);
  };
  globalThis.addEventListener('pointerdown', act, true);
  globalThis.addEventListener('keydown', act, true);
}
