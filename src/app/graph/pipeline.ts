/**
 * The graph's stages in a row: ClusterView → model → filter → group/collapse → layout →
 * React Flow nodes. Every stage is a pure function; the only state carried between
 * frames is the layout's slot memory, handed in and handed back.
 */
import type { ClusterView } from '../../protocol/messages';
import { filterModel, type GraphFilter, hiddenCount } from './filter';
import { type GraphFlowNode, toFlowNodes } from './flow';
import { groupCluster } from './group';
import { CAPACITY, type GraphLayout, type LayoutMemory, layoutGraph } from './layout';
import { buildModel } from './model';

export interface GraphInput {
  view: Pick<ClusterView, 'nodes' | 'pods'>;
  filter: GraphFilter;
  /** toggle keys of the groups the learner opened */
  expanded: readonly string[];
  memory: LayoutMemory;
}

export interface Graph {
  nodes: GraphFlowNode[];
  layout: GraphLayout;
  /** every namespace with pods, for the namespace toggles */
  namespaces: string[];
  /** pods the filter hides */
  hidden: number;
}

export function buildGraph({ view, filter, expanded, memory }: GraphInput): Graph {
  const model = buildModel(view);
  const shown = filterModel(model, filter);
  const grouped = groupCluster(shown, { capacity: CAPACITY, expanded });
  const layout = layoutGraph(grouped, memory);
  return {
    nodes: toFlowNodes(grouped, layout),
    layout,
    namespaces: model.namespaces,
    hidden: hiddenCount(model, shown),
  };
}
