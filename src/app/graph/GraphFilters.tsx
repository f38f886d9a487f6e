import { useMemo } from 'react';
import { useMessages } from '../i18n/messages';
import { useClusterStore } from '../state/clusterStore';
import { setShowSystemPods, useUiStore } from '../state/uiStore';
import { graphFilterMessages } from './GraphFilters.messages';
import { toggleNamespace, useGraphStore } from './graphStore';

/** The graph's filters: kube-system pods on or off, and one toggle per namespace. */
export function GraphFilters() {
  const t = useMessages(graphFilterMessages);
  const showSystem = useUiStore((s) => s.showSystemPods);
  const hidden = useGraphStore((s) => s.hiddenNamespaces);
  const podsByNode = useClusterStore((s) => s.podsByNode);
  const key = useMemo(() => {
    const set = new Set<string>();
    for (const list of Object.values(podsByNode))
      for (const p of list) if (p.namespace !== 'kube-system') set.add(p.namespace);
    return [...set].sort().join(',');
  }, [podsByNode]);
  const namespaces = key ? key.split(',') : [];
  return (
    <div className="graph-filters">
      <label className="toggle">
        <input type="checkbox" checked={showSystem} onChange={(e) => setShowSystemPods(e.target.checked)} />
        {t('showSystem')}
      </label>
      {namespaces.length > 1 && (
        <fieldset className="graph-namespaces">
          <legend>{t('namespaces')}</legend>
          {namespaces.map((ns) => (
            <label key={ns} className="toggle">
              <input type="checkbox" checked={!hidden.includes(ns)} onChange={() => toggleNamespace(ns)} />
              {ns}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
