/**
 * The app's side of a scenario: the worker gives the cluster and clock, the app
 * adds the editor text and UI preferences; on restore it puts those back.
 */
import type { Scenario } from '../../protocol/messages';
import { send } from '../engineClient';
import { useEditorStore } from '../state/editorStore';
import { useUiStore } from '../state/uiStore';
import { requestLoad, requestScenario } from './requests';

/** The plain-data fields of a store's state (its functions are not preferences). */
function plainFields(state: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) {
    if (typeof v !== 'function') out[k] = v;
  }
  return out;
}

/** The whole session as a scenario, ready to save, export or share. */
export async function collectScenario(): Promise<Scenario> {
  const scenario = await requestScenario(send);
  return {
    ...scenario,
    editor: { text: useEditorStore.getState().text },
    ui: { prefs: plainFields(useUiStore.getState()) },
  };
}

/**
 * Loads `input` into the worker, then the editor and UI parts. The worker checks
 * the scenario first and keeps its cluster on any problem, and the app parts
 * are only touched after it succeeded, so a failure changes nothing.
 */
export async function restoreScenario(input: unknown): Promise<void> {
  await requestLoad(send, input);
  const scenario = input as Partial<Scenario>;
  if (typeof scenario.editor?.text === 'string') useEditorStore.getState().setText(scenario.editor.text);
  const prefs = scenario.ui?.prefs;
  if (prefs && typeof prefs === 'object') restorePrefs(prefs as Record<string, unknown>);
}

/** Loads only the cluster and clock of `input`, leaving the editor and UI as they are. */
export async function restoreClusterOnly(input: unknown): Promise<void> {
  await requestLoad(send, input);
}

/** Only known preferences with the type they have now are taken back. */
function restorePrefs(prefs: Record<string, unknown>): void {
  const current = useUiStore.getState() as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(prefs)) {
    if (k in current && typeof current[k] !== 'function' && typeof current[k] === typeof v) next[k] = v;
  }
  useUiStore.setState(next);
}
