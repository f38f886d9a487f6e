import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BoxItems } from './BoxItems';
import type { UnscheduledFlowNode } from './flow';

/** Pods the scheduler has not bound to a node yet (Pending, or too big for every node). */
export const UnscheduledNode = memo(function UnscheduledNode({ data }: NodeProps<UnscheduledFlowNode>) {
  const n = data.box.podCount;
  return (
    <section className="graph-unscheduled" aria-labelledby="graph-unscheduled-title">
      <header className="k8s-node-head">
        <h3 id="graph-unscheduled-title" className="k8s-node-name">
          <span aria-hidden="true">◷</span> Not scheduled yet
        </h3>
        <span className="k8s-node-count">
          {n} pod{n === 1 ? '' : 's'} waiting for a node
        </span>
      </header>
      <BoxItems items={data.items} label="Pods not scheduled yet" />
    </section>
  );
});
