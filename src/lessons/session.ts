/**
 * A learner's way through one lesson on a live cluster: which step they are on, which
 * checks hold right now, which steps they have completed, how many hints they opened.
 * The cluster belongs to whoever hosts the session (the worker, or a test); the session
 * only reads it, and writes to it only for "show me". Progress is plain JSON so it can
 * be saved and restored with the cluster.
 */
import type { Cluster, ClusterOptions } from '../engine/index';
import { type ActionOutcome, playAction } from './actions';
import { type CheckResult, evaluateCheck } from './check';
import type { Lesson, Step } from './types';

export interface LessonProgress {
  lesson: string;
  /** index of the current step */
  step: number;
  /** virtual ms when the current step began (event checks look from here) */
  stepStartedAt: number;
  /** ids of the steps whose checks have all held at once */
  completed: string[];
  /** hints opened, per step id */
  hints: Record<string, number>;
}

export interface StepState {
  index: number;
  id: string;
  checks: CheckResult[];
  /** every check holds now, or held together earlier in this step */
  complete: boolean;
}

/** The options to build the lesson's starting cluster with. */
export function clusterOptionsFor(lesson: Lesson): ClusterOptions {
  const c = lesson.cluster;
  return { nodes: c.nodes, seed: c.seed, ...(c.timings ? { timings: c.timings } : {}) };
}

/** Plays the lesson's setup on a fresh cluster; throws if the setup itself fails (a broken lesson). */
export function prepareCluster(lesson: Lesson, cluster: Cluster): void {
  for (const [i, a] of lesson.cluster.setup.entries()) {
    const r = playAction(cluster, a);
    if (!r.ok) throw new Error(`lesson ${lesson.id}: setup action ${i + 1} failed: ${r.message}`);
  }
}

export class LessonSession {
  private state: LessonProgress;

  constructor(
    readonly lesson: Lesson,
    private cluster: Cluster,
    saved?: LessonProgress,
  ) {
    const valid = saved && saved.lesson === lesson.id && saved.step >= 0 && saved.step < lesson.steps.length;
    this.state = valid
      ? structuredClone(saved)
      : { lesson: lesson.id, step: 0, stepStartedAt: cluster.now(), completed: [], hints: {} };
  }

  /** After a reset or restore the host hands the session its new cluster. */
  attach(cluster: Cluster): void {
    this.cluster = cluster;
  }

  get step(): Step {
    return this.lesson.steps[this.state.step];
  }

  progress(): LessonProgress {
    return structuredClone(this.state);
  }

  /** Evaluates the current step's checks; a step whose checks all hold is completed for good. */
  evaluate(): StepState {
    const step = this.step;
    const checks = step.checks.map((c) => evaluateCheck(this.cluster, c, this.state.stepStartedAt));
    if (checks.every((c) => c.ok) && !this.state.completed.includes(step.id)) this.state.completed.push(step.id);
    return { index: this.state.step, id: step.id, checks, complete: this.state.completed.includes(step.id) };
  }

  /** Moves to step `index` (next, back, or a jump from the step list). */
  goTo(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.lesson.steps.length) return;
    this.state.step = index;
    this.state.stepStartedAt = this.cluster.now();
  }

  next(): boolean {
    if (this.state.step >= this.lesson.steps.length - 1) return false;
    this.goTo(this.state.step + 1);
    return true;
  }

  /** Opens one more hint of the current step; returns how many are open. */
  showHint(): number {
    const id = this.step.id;
    const open = Math.min((this.state.hints[id] ?? 0) + 1, this.step.prose.en.hints.length);
    this.state.hints[id] = open;
    return open;
  }

  /** "Show me": plays the current step's solution, stopping at the first action that fails. */
  showMe(): ActionOutcome[] {
    const out: ActionOutcome[] = [];
    for (const a of this.step.solution) {
      const r = playAction(this.cluster, a);
      out.push(r);
      if (!r.ok) break;
    }
    return out;
  }

  finished(): boolean {
    return this.lesson.steps.every((s) => this.state.completed.includes(s.id));
  }
}
