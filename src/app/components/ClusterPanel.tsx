import type { PodView } from '../../protocol/messages';
import { useClusterStore } from '../state/clusterStore';
import { setShowSystemPods, useUiStore } from '../state/uiStore';
import { NodeCard } from './NodeCard';
import { PodList } from './PodChip';

const NO_PODS: PodView[] = [];

/** One card per node, and the pods the scheduler has not placed yet. */
export function ClusterPanel() {
  const names = useClusterStore((s) => s.nodeNames);
  const unscheduled = useClusterStore((s) => s.podsByNode[''] ?? NO_PODS);
  const starting = useClusterStore((s) => s.connection === 'starting');
  const showSystem = useUiStore((s) => s.showSystemPods);
  return (
    <section className="panel cluster" aria-labelledby="cluster-title">
      <div className="panel-head">
        <h2 id="cluster-title">Cluster</h2>
        <label className="toggle">
          <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystemPods(e.target.checked)} />
          Show kube-system pods
        </label>
      </div>
      {starting && names.length === 0 && <p className="empty">Starting the cluster…</p>}
      <div className="node-grid">
        {names.map((n) => (
          <NodeCard key={n} name={n} />
        ))}
      </div>
      {unscheduled.length > 0 && (
        <section className="unscheduled" aria-labelledby="unscheduled-title">
          <h3 id="unscheduled-title">Not scheduled to a node yet</h3>
          <PodList pods={unscheduled} showSystem={showSystem} />
        </section>
      )}
    </section>
  );
}
