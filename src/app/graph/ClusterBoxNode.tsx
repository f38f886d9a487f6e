import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ClusterFlowNode } from './flow';

/** The frame around the whole cluster, behind its nodes. */
export const ClusterBoxNode = memo(function ClusterBoxNode({ data }: NodeProps<ClusterFlowNode>) {
  return (
    <div className="graph-cluster">
      <span className="graph-cluster-title">
        Cluster · {data.nodeCount} node{data.nodeCount === 1 ? '' : 's'} · {data.podCount} pod
        {data.podCount === 1 ? '' : 's'} shown
      </span>
    </div>
  );
});
