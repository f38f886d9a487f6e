/**
 * NodePorts (pkg/scheduler/framework/plugins/nodeports): a pod asking for a host
 * port cannot go where another pod already holds that protocol/port on the same IP
 * (or on 0.0.0.0). Removing pods can free a port, so the code is Unschedulable.
 */
import { type HostPort, type NodeInfo, portConflicts } from '../nodeinfo';
import type { FilterStatus } from './status';

export const NODE_PORTS = 'NodePorts';
/** ErrReason */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

export function nodePortsFilter(want: HostPort[], used: NodeInfo['usedPorts'] = new Map()): FilterStatus | undefined {
  for (const p of want) {
    if (portConflicts(used, p)) return { plugin: NODE_PORTS, code: 'Unschedulable', reasons: [ERR_REASON_NODE_PORTS] };
  }
  return undefined;
}
