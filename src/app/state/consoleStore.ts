/**
 * What the learner typed and what came back: the manifest editor's last apply and
 * the kubectl console's transcript.
 */
import { create } from 'zustand';
import type { ApplyResult, ExecResult } from '../../protocol/messages';

export interface ApplyOutcome {
  id: number;
  pending: boolean;
  result?: ApplyResult;
  lines?: string[];
  /** the engine threw instead of answering */
  error?: string;
}

export interface ConsoleEntry {
  id: number;
  line: string;
  pending: boolean;
  result?: ExecResult;
}

/** The transcript keeps the newest entries only. */
export const MAX_ENTRIES = 100;

export interface ConsoleState {
  apply: ApplyOutcome | null;
  entries: ConsoleEntry[];
  /** submitted lines, oldest first, for ↑/↓ */
  history: string[];
  /** goes up on every `clear`, so the terminal wipes its screen even when nothing was shown */
  clears: number;
}

export const useConsoleStore = create<ConsoleState>(() => ({ apply: null, entries: [], history: [], clears: 0 }));

/** Entries the console answers itself (`help`) count down, so they never meet a worker id. */
let nextLocalId = -1;

export function startApply(id: number): void {
  useConsoleStore.setState({ apply: { id, pending: true } });
}

export function finishApply(id: number, outcome: Omit<ApplyOutcome, 'id' | 'pending'>): void {
  useConsoleStore.setState((s) => (s.apply?.id === id ? { apply: { id, pending: false, ...outcome } } : s));
}

export function startKubectl(id: number, line: string): void {
  useConsoleStore.setState((s) => ({
    entries: [...s.entries, { id, line, pending: true }].slice(-MAX_ENTRIES),
    history: s.history.at(-1) === line ? s.history : [...s.history, line].slice(-MAX_ENTRIES),
  }));
}

/** A line the console answers without the engine (`help`); finish it with finishKubectl. */
export function startLocal(line: string): number {
  const id = nextLocalId--;
  startKubectl(id, line);
  return id;
}

/** Remembers a line for ↑/↓ that never reached the transcript (`clear`). */
export function rememberLine(line: string): void {
  useConsoleStore.setState((s) => ({
    history: s.history.at(-1) === line ? s.history : [...s.history, line].slice(-MAX_ENTRIES),
  }));
}

export function finishKubectl(id: number, result: ExecResult): void {
  useConsoleStore.setState((s) => ({
    entries: s.entries.map((e) => (e.id === id ? { ...e, pending: false, result } : e)),
  }));
}

export function clearConsole(): void {
  useConsoleStore.setState((s) => ({ entries: [], clears: s.clears + 1 }));
}
