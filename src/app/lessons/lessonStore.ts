/** The lessons the worker offers and the running lesson, as the worker last sent them. */
import { create } from 'zustand';
import type { LessonSummary, LessonView } from '../../protocol/messages';

export interface LessonState {
  list: LessonSummary[];
  broken: { dir: string; error: string }[];
  view: LessonView | null;
  /** the worker refused a lesson command */
  error: string | null;
}

export const useLessonStore = create<LessonState>(() => ({ list: [], broken: [], view: null, error: null }));

export function receiveLessonList(list: LessonSummary[], broken: { dir: string; error: string }[]): void {
  useLessonStore.setState({ list, broken });
}

export function receiveLesson(view: LessonView | null): void {
  useLessonStore.setState({ view, error: null });
}

export function setLessonError(error: string | null): void {
  useLessonStore.setState({ error });
}
