/**
 * A lesson as the runner sees it, after lesson.yaml and its en.md / ko.md have been
 * read and checked. Plain data: the worker sends parts of it to the app as they are.
 */
import type { Locale } from './locale';

export type Localized = Record<Locale, string>;

/** One thing to do to the cluster: a lesson's setup, a step's solution ("show me"). */
export type Action =
  | { apply: string }
  | { kubectl: string }
  | { killNode: string }
  /** a pod by name, or `web-*`: the first running pod so named */
  | { deletePod: string }
  | { restoreNode: string }
  | { crashContainer: { pod: string; namespace?: string; container?: string } }
  /** let simulated time pass (ms) */
  | { wait: number };

/** How a check's output is compared. */
export type Expectation =
  | { equals: string }
  | { contains: string }
  | { matches: string }
  | { atLeast: number }
  | { atMost: number };

export interface KubectlCheck {
  kind: 'kubectl';
  label: Localized;
  /** a kubectl command line the learner could type (without "kubectl") */
  kubectl: string;
  /** what is compared: the trimmed output, or the number of its non-empty lines */
  count?: 'lines';
  expect: Expectation;
  /** where in lesson.yaml, for error messages */
  line: number;
}

export interface EventCheck {
  kind: 'event';
  label: Localized;
  /** an event seen since the step began, like `kubectl get events` would list it */
  reason: string;
  /** the involved object's kind, e.g. Pod */
  objectKind?: string;
  /** the involved object's name; a trailing * matches a prefix (web-*) */
  objectName?: string;
  type?: 'Normal' | 'Warning';
  line: number;
}

export type Check = KubectlCheck | EventCheck;

export interface Highlight {
  kind: string;
  name?: string;
  namespace?: string;
}

export interface StepProse {
  title: string;
  /** Markdown, rendered without raw HTML */
  body: string;
  /** shown one at a time, in order */
  hints: string[];
}

export interface Step {
  id: string;
  prose: Record<Locale, StepProse>;
  /** YAML put in the editor when the step begins */
  editor?: string;
  highlight?: Highlight;
  checks: Check[];
  /** what "show me" does, and what the solvability test plays */
  solution: Action[];
  /** simulated time the checks may take to hold after the solution (ms) */
  within: number;
}

export interface ClusterSetup {
  /** worker nodes */
  nodes: number;
  seed: number;
  speed: number;
  /** a shortened-timings profile; the lesson must say so on screen */
  timings?: 'real' | 'fast';
  setup: Action[];
}

export interface Lesson {
  id: string;
  order: number;
  minutes: number;
  title: Localized;
  /** Markdown before the first step */
  intro: Localized;
  cluster: ClusterSetup;
  steps: Step[];
}

/** A lesson file is wrong: where (file:line:column) and what. */
export class LessonError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'LessonError';
  }
}
