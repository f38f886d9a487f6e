/**
 * Stage 3: when a node holds more pods than its box has room for, the pods of one owner
 * fold into a single "N pods of <owner>" item. A click expands a group again; the
 * expanded set is page state, keyed per box so opening one node's group leaves the
 * others folded.
 */
import type { ClusterModel, NodeModel, OwnerModel, PodModel } from './model';
import { LOOK_ORDER, type PodLook } from './status';

export interface PodItem {
  type: 'pod';
  /** pod:<namespace>/<name> */
  key: string;
  pod: PodModel;
}

export interface GroupItem {
  type: 'group';
  /** group:<owner key>, unique within its box */
  key: string;
  /** what the expand toggle names: <box key>|<item key> */
  toggleKey: string;
  owner: OwnerModel;
  pods: PodModel[];
  /** pods per look, attention first: [["crashloop", 1], ["ready", 29]] */
  looks: [PodLook, number][];
  label: string;
}

export type GraphItem = PodItem | GroupItem;

export interface NodeBox {
  /** node:<name> */
  key: string;
  node: NodeModel;
  items: GraphItem[];
  podCount: number;
}

export interface UnscheduledBox {
  key: 'unscheduled';
  items: GraphItem[];
  podCount: number;
}

export interface GroupedCluster {
  nodes: NodeBox[];
  unscheduled: UnscheduledBox;
}

export interface GroupOptions {
  /** how many items a box shows before it folds pods by owner */
  capacity: number;
  /** toggle keys of the groups the learner opened */
  expanded: readonly string[];
}

export function groupCluster(model: ClusterModel, options: GroupOptions): GroupedCluster {
  const expanded = new Set(options.expanded);
  return {
    nodes: model.nodes.map((node) => {
      const key = `node:${node.name}`;
      return { key, node, items: groupPods(key, node.pods, options.capacity, expanded), podCount: node.pods.length };
    }),
    unscheduled: {
      key: 'unscheduled',
      items: groupPods('unscheduled', model.unscheduled, options.capacity, expanded),
      podCount: model.unscheduled.length,
    },
  };
}

export function groupPods(
  boxKey: string,
  pods: readonly PodModel[],
  capacity: number,
  expanded: ReadonlySet<string>,
): GraphItem[] {
  const single = (pod: PodModel): PodItem => ({ type: 'pod', key: `pod:${pod.key}`, pod });
  if (pods.length <= capacity) return pods.map(single);
  const byOwner = new Map<string, PodModel[]>();
  for (const p of pods) {
    const list = byOwner.get(p.owner.key) ?? [];
    list.push(p);
    byOwner.set(p.owner.key, list);
  }
  // Items keep the order of each owner's first pod, so the result does not depend on
  // how many pods an owner has.
  const items: GraphItem[] = [];
  for (const list of byOwner.values()) {
    const owner = list[0].owner;
    const key = `group:${owner.key}`;
    const toggleKey = `${boxKey}|${key}`;
    if (list.length < 2 || expanded.has(toggleKey)) items.push(...list.map(single));
    else
      items.push({
        type: 'group',
        key,
        toggleKey,
        owner,
        pods: list,
        looks: countLooks(list),
        label: groupLabel(owner, list.length),
      });
  }
  return items;
}

export function groupLabel(owner: OwnerModel, n: number): string {
  return `${n} pods of ${owner.kind ? `${owner.kind} ` : ''}${owner.name}`;
}

function countLooks(pods: readonly PodModel[]): [PodLook, number][] {
  const counts = new Map<PodLook, number>();
  for (const p of pods) counts.set(p.badge.look, (counts.get(p.badge.look) ?? 0) + 1);
  return LOOK_ORDER.filter((l) => counts.has(l)).map((l) => [l, counts.get(l) ?? 0]);
}
