/**
 * Stage 2: what the learner asked to see. kube-system pods can be hidden (the control
 * plane's own pods crowd the picture) and so can whole namespaces. Nodes always stay:
 * an empty node is information too.
 */
import type { ClusterModel, PodModel } from './model';

export interface GraphFilter {
  showSystemPods: boolean;
  /** namespaces whose pods are hidden */
  hiddenNamespaces: readonly string[];
}

export const SHOW_ALL: GraphFilter = { showSystemPods: true, hiddenNamespaces: [] };

export function filterModel(model: ClusterModel, filter: GraphFilter): ClusterModel {
  const hidden = new Set(filter.hiddenNamespaces);
  const keep = (p: PodModel) => !hidden.has(p.namespace) && (filter.showSystemPods || !p.system);
  return {
    ...model,
    nodes: model.nodes.map((n) => {
      const pods = n.pods.filter(keep);
      return pods.length === n.pods.length ? n : { ...n, pods };
    }),
    unscheduled: model.unscheduled.filter(keep),
  };
}

/** How many pods the filter hides, for a "3 pods hidden" hint. */
export function hiddenCount(before: ClusterModel, after: ClusterModel): number {
  const count = (m: ClusterModel) => m.unscheduled.length + m.nodes.reduce((s, n) => s + n.pods.length, 0);
  return count(before) - count(after);
}
