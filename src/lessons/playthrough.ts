/**
 * Plays a lesson from its start through every step's solution, as a learner pressing
 * "show me" at each step would, and reports where it gets stuck. The solvability test
 * runs this for every lesson, so no lesson ships unsolvable and an engine change that
 * breaks a lesson fails CI with the step and the check that no longer holds.
 */
import type { Cluster, ClusterOptions } from '../engine/index';
import { clusterOptionsFor, LessonSession, prepareCluster } from './session';
import type { Action, Lesson } from './types';

export interface StepReport {
  id: string;
  ok: boolean;
  /** simulated ms from the end of the solution until every check held */
  tookMs: number;
  /** the checks that never held, with what they saw */
  failing: { label: string; actual: string }[];
  /** a solution action that failed, if any */
  actionError?: string;
  /**
   * The step's goals already held before its solution changed anything: the checks
   * cannot tell whether the learner did the step (only steps that change the cluster).
   */
  heldBeforeActing?: boolean;
}

const READ_ONLY = /^\s*(get|describe|logs|explain|top|version|api-resources|rollout (history|status))\b/;

/** Whether playing the action changes the cluster (reading commands and waiting do not). */
export function changesCluster(a: Action): boolean {
  if ('wait' in a) return false;
  if ('kubectl' in a) return !READ_ONLY.test(a.kubectl);
  return true;
}

/** Simulated time a learner spends reading a step before doing it. */
const READING_MS = 20_000;

/** How often the checks are looked at while waiting, in simulated ms. */
const POLL_MS = 1000;

export function playThrough(lesson: Lesson, makeCluster: (o: ClusterOptions) => Cluster): StepReport[] {
  const cluster = makeCluster(clusterOptionsFor(lesson));
  prepareCluster(lesson, cluster);
  const session = new LessonSession(lesson, cluster);
  const reports: StepReport[] = [];
  lesson.steps.forEach((step, i) => {
    session.goTo(i);
    const acts = step.solution.some(changesCluster);
    // A learner reads before acting; meanwhile the goals must not come true by themselves.
    if (acts) cluster.advance(READING_MS);
    const heldBeforeActing = acts && session.evaluate().checks.every((c) => c.ok);
    const failedAction = session.showMe().find((r) => !r.ok);
    const start = cluster.now();
    let state = session.evaluate();
    while (!state.complete && cluster.now() - start < step.within) {
      cluster.advance(POLL_MS);
      state = session.evaluate();
    }
    reports.push({
      id: step.id,
      ok: state.complete && !failedAction && !heldBeforeActing,
      tookMs: cluster.now() - start,
      failing: step.checks
        .map((c, j) => ({ label: c.label.en, actual: state.checks[j].actual, ok: state.checks[j].ok }))
        .filter((c) => !c.ok)
        .map(({ label, actual }) => ({ label, actual })),
      ...(failedAction ? { actionError: failedAction.message } : {}),
      ...(heldBeforeActing ? { heldBeforeActing } : {}),
    });
  });
  return reports;
}
