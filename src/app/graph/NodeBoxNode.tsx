import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ResourceView } from '../../protocol/messages';
import { killNode } from '../actions/killNode';
import { restoreNode } from '../actions/restoreNode';
import { useSelectable } from '../inspector/selectable';
import { BoxItems } from './BoxItems';
import type { NodeBoxFlowNode } from './flow';
import { foldBox, useGraphStore } from './graphStore';

/** A Kubernetes node as a box: its state, its resources, its pods inside it. */
export const NodeBoxNode = memo(function NodeBoxNode({ data }: NodeProps<NodeBoxFlowNode>) {
  const { box, items } = data;
  const { node } = box;
  const view = node.view;
  const opened = useGraphStore((s) => s.expanded.some((k) => k.startsWith(`${box.key}|`)));
  const label = `Node ${node.name}, ${node.status}${node.down ? ', machine switched off' : ''}`;
  const role = view.roles.length > 0 ? view.roles.join(',') : 'worker';
  const selectable = useSelectable({ kind: 'Node', name: node.name });
  return (
    <article
      className={`k8s-node${node.ready ? ' ready' : ' not-ready'}${node.down ? ' down' : ''}`}
      data-kind="Node"
      data-name={node.name}
      data-namespace=""
      data-status={node.status}
      aria-label={label}
      {...selectable}
    >
      <header className="k8s-node-head">
        <h3 className="k8s-node-name">{node.name}</h3>
        <span className="k8s-node-role">{role}</span>
        <span className={`k8s-node-status ${node.ready ? 'status-ok' : 'status-bad'}`}>
          <span aria-hidden="true">{node.ready ? '✓' : '✕'}</span> {node.status}
        </span>
        <span className="k8s-node-actions">
          {opened && (
            <button type="button" className="nodrag" onClick={() => foldBox(box.key)}>
              Fold pods
            </button>
          )}
          {!node.controlPlane &&
            (node.down ? (
              <button
                type="button"
                className="nodrag"
                onClick={() => restoreNode(node.name)}
                aria-label={`Restore node ${node.name}`}
              >
                Restore node
              </button>
            ) : (
              <button
                type="button"
                className="danger nodrag"
                onClick={() => killNode(node.name)}
                aria-label={`Kill node ${node.name}`}
              >
                Kill node
              </button>
            ))}
        </span>
      </header>
      <p className="k8s-node-resources" title={`Pod CIDR ${view.podCIDR || '—'}`}>
        {node.down ? (
          // The API still shows what the node last reported; say plainly that the machine is gone.
          <span className="machine-off">
            <span aria-hidden="true">■</span> machine off · no heartbeats
          </span>
        ) : (
          <>
            <Resource label="CPU" r={view.cpu} /> <Resource label="Memory" r={view.memory} />
          </>
        )}
        <span className="k8s-node-count">
          {box.podCount} pod{box.podCount === 1 ? '' : 's'}
        </span>
      </p>
      <BoxItems items={items} label={`Pods on ${node.name}`} />
      {box.podCount === 0 && <p className="graph-empty">No pods</p>}
    </article>
  );
});

function Resource({ label, r }: { label: string; r: ResourceView }) {
  return (
    <span className="k8s-node-resource">
      {label} {r.requested}/{r.allocatable}
      <span className="bar" aria-hidden="true">
        <span className={r.percent >= 90 ? 'fill full' : 'fill'} style={{ width: `${Math.min(100, r.percent)}%` }} />
      </span>
      <span className="visually-hidden">({r.percent}% requested)</span>
    </span>
  );
}
