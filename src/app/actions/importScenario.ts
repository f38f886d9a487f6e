import { MAX_INFLATED_BYTES, PersistError, parseJsonBytes } from '../persist/codec';
import { showNotice } from '../persist/persistStore';
import { restoreScenario } from '../persist/scenarioState';

/** Opens a scenario file; a bad one leaves the cluster and the editor as they were. */
export async function importScenario(file: File): Promise<void> {
  try {
    if (file.size > MAX_INFLATED_BYTES) {
      throw new PersistError('tooBig', `the file is ${Math.round(file.size / 1024 / 1024)} MB; at most 20 MB are read`);
    }
    const json = parseJsonBytes(new Uint8Array(await file.arrayBuffer()));
    await restoreScenario(json);
    showNotice({ kind: 'imported', detail: file.name });
  } catch (e) {
    showNotice({
      kind: 'importFailed',
      ...(e instanceof PersistError ? { problem: e.problem } : {}),
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}
