import { lazy, Suspense } from 'react';
import { GraphFilters } from '../graph/GraphFilters';
import { useMessages } from '../i18n/messages';
import { useClusterStore } from '../state/clusterStore';
import { clusterPanelMessages } from './ClusterPanel.messages';

// React Flow is most of the page's script: load it beside the first view, not before it.
const ClusterGraph = lazy(() => import('../graph/ClusterGraph').then((m) => ({ default: m.ClusterGraph })));

/** The cluster as a graph: nodes as boxes, their pods inside, unscheduled pods apart. */
export function ClusterPanel() {
  const t = useMessages(clusterPanelMessages);
  const hasNodes = useClusterStore((s) => s.nodeNames.length > 0);
  const starting = useClusterStore((s) => s.connection === 'starting');
  return (
    <section className="panel cluster" aria-labelledby="cluster-title">
      <div className="panel-head">
        <h2 id="cluster-title">{t('title')}</h2>
        <GraphFilters />
      </div>
      {starting && !hasNodes && <p className="empty">{t('starting')}</p>}
      {/* React Flow fits the view on its first draw, so it waits for the first nodes. */}
      {hasNodes && (
        <Suspense fallback={<p className="empty">{t('drawing')}</p>}>
          <ClusterGraph />
        </Suspense>
      )}
    </section>
  );
}
