/** The scheduler's recorded decisions, read through the public API. */
import type { ClusterCore } from '../cluster';

export interface SchedulingDecision {
  pod: string;
  namespace: string;
  /** sim ms of the attempt */
  at: number;
  /** the chosen node, or undefined when the pod stays Pending */
  node?: string;
  /** per node: the filter that rejected it and why (absent = passed every filter) */
  filters: { node: string; plugin?: string; reasons: string[] }[];
  /** per feasible node: each score plugin's normalized score and the weighted total */
  scores: { node: string; plugins: Record<string, number>; total: number }[];
  /** the FailedScheduling message when nothing fit */
  message?: string;
}

export function schedulingDecision(
  _core: ClusterCore,
  _namespace: string,
  _pod: string,
): SchedulingDecision | undefined {
  return undefined;
}
