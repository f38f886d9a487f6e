/**
 * Queueing hints (EventsToRegister + QueueingHintFn of each plugin): which cluster
 * events could make a pod that a plugin rejected schedulable. A waiting pod moves back
 * towards activeQ when any plugin that rejected it says the event may help; a pod
 * without recorded plugins moves on any event.
 */

import type { NodeInfo } from './nodeinfo';
import { NODE_AFFINITY, nodeAffinityFilter } from './plugins/nodeaffinity';
import { NODE_NAME, nodeNameFilter } from './plugins/nodename';
import { NODE_PORTS } from './plugins/nodeports';
import { fitsRequest, NODE_RESOURCES_FIT } from './plugins/noderesources';
import { NODE_UNSCHEDULABLE, nodeUnschedulableFilter } from './plugins/nodeunschedulable';
import { TAINT_TOLERATION, taintTolerationFilter } from './plugins/tainttoleration';
import type { PodSchedInfo } from './podinfo';
import { emptyResources } from './resources';

/** What changed on a node (framework.ActionType for Node events). */
export type NodeChange = 'add' | 'labels' | 'taints' | 'allocatable';

export type ClusterEvent =
  | { kind: 'node'; node: NodeInfo; changes: NodeChange[] }
  /** an assigned pod was deleted or terminated; `hostPorts` when it held any */
  | { kind: 'assignedPodGone'; hostPorts: boolean };

function nodeHint(plugin: string, pod: PodSchedInfo, ni: NodeInfo, changes: NodeChange[]): boolean {
  const added = changes.includes('add');
  switch (plugin) {
    case NODE_UNSCHEDULABLE:
      return (added || changes.includes('taints')) && !nodeUnschedulableFilter(pod.tolerations, ni);
    case NODE_NAME:
      return added && !nodeNameFilter(pod.nodeName, ni);
    case TAINT_TOLERATION:
      return (added || changes.includes('taints')) && !taintTolerationFilter(pod.tolerations, ni);
    case NODE_AFFINITY: {
      if (!added && !changes.includes('labels')) return false;
      const names = pod.affinity.nodeNames;
      if (names === 'conflict' || (names && !names.has(ni.name))) return false;
      return !nodeAffinityFilter(pod.affinity, ni);
    }
    case NODE_PORTS:
      return added;
    case NODE_RESOURCES_FIT:
      // Would the pod fit this node if it were empty?
      return (
        (added || changes.includes('allocatable')) &&
        fitsRequest(pod.request, {
          allocatable: ni.allocatable,
          allowedPods: ni.allowedPods,
          requested: emptyResources(),
          podCount: 0,
        }).length === 0
      );
    default:
      return added;
  }
}

/** `pod` is computed only when a node hint needs it. */
export function eventMayHelp(plugins: string[] | undefined, ev: ClusterEvent, pod: () => PodSchedInfo): boolean {
  if (!plugins || plugins.length === 0) return true;
  let info: PodSchedInfo | undefined;
  for (const plugin of plugins) {
    if (ev.kind === 'node') {
      info ??= pod();
      if (nodeHint(plugin, info, ev.node, ev.changes)) return true;
    } else if (podGoneHint(plugin, ev.hostPorts)) return true;
  }
  return false;
}

function podGoneHint(plugin: string, hostPorts: boolean): boolean {
  return plugin === NODE_RESOURCES_FIT || (plugin === NODE_PORTS && hostPorts);
}
