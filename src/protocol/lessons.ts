/**
 * What the lesson panel receives: the lesson's text in both languages (the app picks
 * one), the current step, and each check as the worker last evaluated it. Plain data;
 * the runner's own types stay in src/lessons.
 */
export type LessonLocale = 'en' | 'ko';
export type LessonText = Record<LessonLocale, string>;

export interface LessonSummary {
  id: string;
  order: number;
  minutes: number;
  title: LessonText;
}

export interface LessonStepView {
  id: string;
  title: LessonText;
  /** Markdown */
  body: LessonText;
  hints: Record<LessonLocale, string[]>;
  /** YAML the step offers for the editor */
  editor?: string;
  highlight?: { kind: string; name?: string; namespace?: string };
}

export interface LessonCheckView {
  label: LessonText;
  ok: boolean;
  /** what the cluster showed when it does not hold yet */
  actual: string;
}

export interface LessonView {
  id: string;
  title: LessonText;
  intro: LessonText;
  minutes: number;
  /** the lesson runs with shortened timings (it must say so on screen) */
  fastTimings: boolean;
  steps: LessonStepView[];
  current: number;
  checks: LessonCheckView[];
  /** ids of the steps completed so far */
  completed: string[];
  /** hints opened on the current step */
  hintsOpen: number;
  finished: boolean;
  /** what the last "show me" did, when something went wrong */
  showMeError?: string;
}

export type LessonAction =
  | { action: 'start'; lesson: string }
  | { action: 'next' | 'back' | 'hint' | 'showMe' | 'restart' | 'exit' }
  | { action: 'goTo'; step: number };
