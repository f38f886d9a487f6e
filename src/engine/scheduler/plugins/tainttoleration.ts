/**
 * TaintToleration (pkg/scheduler/framework/plugins/tainttoleration): the Filter
 * rejects a node with a NoSchedule/NoExecute taint the pod does not tolerate and
 * names the first such taint; the Score counts untolerated PreferNoSchedule taints
 * (fewer is better, normalized in reverse).
 */
import type { Taint, Toleration } from '../../api/types';
import type { NodeInfo } from '../nodeinfo';
import type { FilterStatus } from './status';

export const TAINT_TOLERATION = 'TaintToleration';

/** v1.Toleration.ToleratesTaint */
export function toleratesTaint(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(
  tolerations: Toleration[] | undefined,
  taint: Pick<Taint, 'key' | 'value' | 'effect'>,
): boolean {
  for (const t of tolerations ?? []) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The Filter's reason: key and value of the first untolerated taint (not its effect). */
export function untoleratedTaintReason(taint: Pick<Taint, 'key' | 'value'>): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

export function taintTolerationFilter(tolerations: Toleration[] | undefined, ni: NodeInfo): FilterStatus | undefined {
  for (const taint of ni.hardTaints) {
    if (!tolerationsTolerateTaint(tolerations, taint)) {
      return {
        plugin: TAINT_TOLERATION,
        code: 'UnschedulableAndUnresolvable',
        reasons: [untoleratedTaintReason(taint)],
      };
    }
  }
  return undefined;
}

/** PreScore keeps only the tolerations that can match PreferNoSchedule (that effect or any effect). */
export function preferNoScheduleTolerations(tolerations: Toleration[] | undefined): Toleration[] {
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** Score (before normalization): how many PreferNoSchedule taints the pod does not tolerate. */
export function taintTolerationScore(preferTolerations: Toleration[], ni: NodeInfo): number {
  let n = 0;
  for (const taint of ni.softTaints) if (!tolerationsTolerateTaint(preferTolerations, taint)) n++;
  return n;
}
