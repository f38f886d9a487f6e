/**
 * The cluster as a React Flow graph. The pure pipeline (pipeline.ts) turns the mirror
 * into React Flow nodes; this component only keeps the layout's slot memory between
 * frames and hands the result to React Flow. Boxes are laid out, never dragged.
 */
import { Background, Controls, Panel, ReactFlow, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './graph.css';
import { useEffect, useMemo, useRef } from 'react';
import type { PodView } from '../../protocol/messages';
import { useClusterStore } from '../state/clusterStore';
import { useUiStore } from '../state/uiStore';
import { ClusterBoxNode } from './ClusterBoxNode';
import { type GraphFlowNode, keepUnchanged } from './flow';
import { useGraphStore } from './graphStore';
import { EMPTY_MEMORY, type LayoutMemory } from './layout';
import { NodeBoxNode } from './NodeBoxNode';
import { buildGraph } from './pipeline';
import { useReducedMotion } from './reducedMotion';
import { UnscheduledNode } from './UnscheduledNode';

const NODE_TYPES = { cluster: ClusterBoxNode, k8sNode: NodeBoxNode, unscheduled: UnscheduledNode };
const FIT_PADDING = 0.04;

export function ClusterGraph() {
  const nodeNames = useClusterStore((s) => s.nodeNames);
  const nodeViews = useClusterStore((s) => s.nodes);
  const podsByNode = useClusterStore((s) => s.podsByNode);
  const showSystemPods = useUiStore((s) => s.showSystemPods);
  const hiddenNamespaces = useGraphStore((s) => s.hiddenNamespaces);
  const expanded = useGraphStore((s) => s.expanded);
  const reduced = useReducedMotion();

  const memory = useRef<LayoutMemory>(EMPTY_MEMORY);
  const previous = useRef<GraphFlowNode[]>([]);
  const graph = useMemo(() => {
    const view = {
      nodes: nodeNames.flatMap((n) => (nodeViews[n] ? [nodeViews[n]] : [])),
      pods: Object.values(podsByNode).flat() as PodView[],
    };
    const g = buildGraph({ view, filter: { showSystemPods, hiddenNamespaces }, expanded, memory: memory.current });
    memory.current = g.layout.memory;
    previous.current = keepUnchanged(previous.current, g.nodes);
    return { ...g, nodes: previous.current };
  }, [nodeNames, nodeViews, podsByNode, showSystemPods, hiddenNamespaces, expanded]);

  const duration = reduced ? 0 : 200;
  return (
    <div className="cluster-graph" data-testid="cluster-graph">
      <ReactFlow
        nodes={graph.nodes}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: FIT_PADDING }}
        minZoom={0.05}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        elementsSelectable={false}
        // Space, Backspace and friends belong to the editor and the console, not the graph.
        panActivationKeyCode={null}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        // The wheel scrolls the page; pinch, the buttons or Ctrl+wheel zoom the graph.
        zoomOnScroll={false}
        preventScrolling={false}
        zoomOnDoubleClick={false}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} fitViewOptions={{ padding: FIT_PADDING, duration }} />
        {graph.hidden > 0 && (
          <Panel position="top-right" className="graph-hidden-note">
            {graph.hidden} pod{graph.hidden === 1 ? '' : 's'} hidden by the filters
          </Panel>
        )}
        <FitWhenBoxesChange count={graph.layout.boxes.length} duration={duration} />
      </ReactFlow>
    </div>
  );
}

/**
 * A box that comes or goes (a reset with another node count, the first pod no node can
 * hold) may land outside the view: fit again so the learner sees it.
 */
function FitWhenBoxesChange({ count, duration }: { count: number; duration: number }) {
  const flow = useReactFlow();
  const last = useRef(count);
  useEffect(() => {
    if (last.current === count) return;
    last.current = count;
    // after React Flow has the new nodes
    const id = requestAnimationFrame(() => void flow.fitView({ padding: FIT_PADDING, duration }));
    return () => cancelAnimationFrame(id);
  }, [count, duration, flow]);
  return null;
}
