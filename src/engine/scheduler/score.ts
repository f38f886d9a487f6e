/**
 * Score plumbing shared by the plugins: the default weights of the default profile,
 * helper.DefaultNormalizeScore, and selectHost (the highest total wins; ties are
 * broken at random by reservoir sampling so every tied node is equally likely).
 */
import { MAX_NODE_SCORE } from './plugins/noderesources';

/** pkg/scheduler/apis/config/v1/default_plugins.go (vector default-plugin-weights) */
export const DEFAULT_SCORE_WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1,
} as const;

/**
 * DefaultNormalizeScore: scales scores so the highest becomes `max` (integer division);
 * `reverse` flips them so the lowest raw score wins. All zeros stay 0, or become `max`
 * when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean, max = MAX_NODE_SCORE): number[] {
  let highest = 0;
  for (const s of scores) if (s > highest) highest = s;
  if (highest === 0) return scores.map(() => (reverse ? max : 0));
  return scores.map((s) => {
    const scaled = Math.trunc((max * s) / highest);
    return reverse ? max - scaled : scaled;
  });
}

/**
 * selectHost: the index of the highest total; among ties the k-th tied node replaces
 * the pick with probability 1/k. `randomInt(n)` returns an integer in [0, n).
 */
export function selectHost(totals: ArrayLike<number>, randomInt: (n: number) => number): number {
  if (totals.length === 0) return -1;
  let best = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      ties = 1;
    } else if (totals[i] === totals[best]) {
      ties++;
      if (randomInt(ties) === 0) best = i;
    }
  }
  return best;
}
