/**
 * What the scenario controls show: when the last autosave landed, and one notice
 * at a time (a share link just copied, an import that failed, a save that could
 * not be restored). Problems carry a code so the menu words them in the page's
 * language, plus the detail that came from the decoder or the worker.
 */
import { create } from 'zustand';
import type { PersistProblem } from './codec';

export type NoticeKind =
  | 'shared'
  | 'shareFailed'
  | 'exported'
  | 'exportFailed'
  | 'imported'
  | 'importFailed'
  | 'openedShared'
  | 'badShareLink'
  | 'brokenSave';

export interface Notice {
  kind: NoticeKind;
  problem?: PersistProblem;
  detail?: string;
  /** the share link, shown so it can be copied by hand too */
  link?: string;
  /** whether the clipboard took the link */
  copied?: boolean;
  /** share link size in bytes */
  bytes?: number;
  /** the broken autosave's raw text, offered as a download */
  brokenSave?: string;
}

export interface PersistState {
  /** wall ms (Date.now) of the last autosave, or null */
  savedAt: number | null;
  /** a shared scenario is open and the autosave waits until the learner acts */
  holdingAutosave: boolean;
  notice: Notice | null;
}

export const usePersistStore = create<PersistState>(() => ({ savedAt: null, holdingAutosave: false, notice: null }));

export function showNotice(notice: Notice | null): void {
  usePersistStore.setState({ notice });
}

export function markSaved(at: number): void {
  usePersistStore.setState({ savedAt: at });
}

export function setHoldingAutosave(holdingAutosave: boolean): void {
  usePersistStore.setState({ holdingAutosave });
}
