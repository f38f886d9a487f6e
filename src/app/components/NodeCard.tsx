import { memo } from 'react';
import type { PodView, ResourceView } from '../../protocol/messages';
import { killNode } from '../actions/killNode';
import { restoreNode } from '../actions/restoreNode';
import { useClusterStore } from '../state/clusterStore';
import { useUiStore } from '../state/uiStore';
import { PodList } from './PodChip';

const NO_PODS: PodView[] = [];

export const NodeCard = memo(function NodeCard({ name }: { name: string }) {
  const node = useClusterStore((s) => s.nodes[name]);
  const pods = useClusterStore((s) => s.podsByNode[name] ?? NO_PODS);
  const showSystem = useUiStore((s) => s.showSystemPods);
  if (!node) return null;
  const controlPlane = node.roles.includes('control-plane');
  const label = `Node ${node.name}, ${node.status}${node.machineDown ? ', machine switched off' : ''}`;
  return (
    <article
      className={`node ${node.ready ? 'node-ready' : 'node-notready'}${node.machineDown ? ' node-down' : ''}`}
      data-kind="Node"
      data-name={node.name}
      data-namespace=""
      data-status={node.status}
      aria-label={label}
    >
      <header className="node-head">
        <h3 className="node-name">{node.name}</h3>
        <span className="role">{node.roles.length > 0 ? node.roles.join(',') : 'worker'}</span>
      </header>
      <p className="node-status">
        <span className={node.ready ? 'status-ok' : 'status-bad'}>
          <span aria-hidden="true">{node.ready ? '✓' : '✕'}</span> {node.status}
        </span>
        {node.machineDown && (
          <span className="machine-off">
            <span aria-hidden="true">■</span> machine off
          </span>
        )}
      </p>
      <dl className="resources">
        <Resource label="CPU" r={node.cpu} />
        <Resource label="Memory" r={node.memory} />
        <div className="resource">
          <dt>Pod CIDR</dt>
          <dd>{node.podCIDR || '—'}</dd>
        </div>
      </dl>
      <PodList pods={pods} showSystem={showSystem} />
      {!controlPlane && (
        <div className="node-actions">
          {node.machineDown ? (
            <button type="button" onClick={() => restoreNode(node.name)} aria-label={`Restore node ${node.name}`}>
              Restore node
            </button>
          ) : (
            <button
              type="button"
              className="danger"
              onClick={() => killNode(node.name)}
              aria-label={`Kill node ${node.name}`}
            >
              Kill node
            </button>
          )}
        </div>
      )}
    </article>
  );
});

function Resource({ label, r }: { label: string; r: ResourceView }) {
  return (
    <div className="resource">
      <dt>{label}</dt>
      <dd>
        <span>
          {r.requested} / {r.allocatable} requested ({r.percent}%)
        </span>
        <span className="bar" aria-hidden="true">
          <span className={r.percent >= 90 ? 'fill full' : 'fill'} style={{ width: `${Math.min(100, r.percent)}%` }} />
        </span>
      </dd>
    </div>
  );
}
