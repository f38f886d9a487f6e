/**
 * NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable): a cordoned
 * node (spec.unschedulable) takes no new pods unless the pod tolerates the
 * node.kubernetes.io/unschedulable:NoSchedule taint that goes with it.
 */
import type { Toleration } from '../../api/types';
import type { NodeInfo } from '../nodeinfo';
import type { FilterStatus } from './status';
import { tolerationsTolerateTaint } from './tainttoleration';

export const NODE_UNSCHEDULABLE = 'NodeUnschedulable';
/** ErrReasonUnschedulable */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
/** v1.TaintNodeUnschedulable */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export function nodeUnschedulableFilter(tolerations: Toleration[] | undefined, ni: NodeInfo): FilterStatus | undefined {
  if (!ni.unschedulable) return undefined;
  if (tolerationsTolerateTaint(tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' })) return undefined;
  return { plugin: NODE_UNSCHEDULABLE, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_UNSCHEDULABLE] };
}
