/**
 * NodeName (pkg/scheduler/framework/plugins/nodename): a pod that names a node fits
 * only that node. Pods that already carry spec.nodeName never reach the scheduler's
 * queue, so in practice this filter passes; it is kept for the plugin order.
 */
import type { NodeInfo } from '../nodeinfo';
import type { FilterStatus } from './status';

export const NODE_NAME = 'NodeName';
/** ErrReason */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export function nodeNameFilter(podNodeName: string | undefined, ni: NodeInfo): FilterStatus | undefined {
  if (!podNodeName || podNodeName === ni.name) return undefined;
  return { plugin: NODE_NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_NAME] };
}
