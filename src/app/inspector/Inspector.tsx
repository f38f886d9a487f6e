import { useEffect, useState } from 'react';
import type { Inspection } from '../../protocol/messages';
import { humanDuration } from '../format';
import { useMessages } from '../i18n/messages';
import { useClusterStore } from '../state/clusterStore';
import { clearSelection, useSelectionStore } from '../state/selectionStore';
import { catalog } from './Inspector.messages';
import { EventsTab, OwnersTab, StatusTab, YamlTab } from './InspectorTabs';
import { refText } from './RefButton';
import './Inspector.css';

const TABS = ['status', 'yaml', 'events', 'owners'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL = { status: 'tabStatus', yaml: 'tabYaml', events: 'tabEvents', owners: 'tabOwners' } as const;

/**
 * The selected object up close: what it is and how it is doing, why it exists, and
 * (tabs) its conditions and containers, its YAML, its events, its owners and what it
 * owns. The worker computes all of it and re-sends it while the object changes.
 */
export function Inspector() {
  const selected = useSelectionStore((s) => s.selected);
  const data = useSelectionStore((s) => s.inspection);
  const t = useMessages(catalog);
  const [tab, setTab] = useState<Tab>('status');

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // Escape inside the editor or the console belongs to them.
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, textarea, select, .monaco-editor, [contenteditable="true"]')) return;
      clearSelection();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selected]);

  if (!selected) return null;
  const label = refText(selected);
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <div className="panel-head">
        <h2 id="inspector-title">
          {t('title')}: <code>{label}</code>
        </h2>
        <span className="hint">{t('closeHint')}</span>
        <button type="button" className="inspector-close" aria-label={t('close')} onClick={clearSelection}>
          ✕
        </button>
      </div>
      {!data ? (
        <p className="empty" aria-live="polite">
          {t('loading', { ref: label })}
        </p>
      ) : !data.exists ? (
        <div className="inspector-deleted" role="status">
          <p>
            <strong>{t('deleted', { ref: label })}</strong>
          </p>
          <p className="hint">{t('deletedHint')}</p>
        </div>
      ) : (
        <>
          <Header data={data} />
          <Why data={data} />
          <div className="inspector-tabs" role="tablist" aria-label={t('tabs')}>
            {TABS.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`inspector-tab-${k}`}
                aria-selected={tab === k}
                aria-controls={`inspector-panel-${k}`}
                tabIndex={tab === k ? 0 : -1}
                onClick={() => setTab(k)}
                onKeyDown={(e) => {
                  const i = TABS.indexOf(k);
                  const next =
                    e.key === 'ArrowRight'
                      ? TABS[(i + 1) % TABS.length]
                      : e.key === 'ArrowLeft'
                        ? TABS[(i + TABS.length - 1) % TABS.length]
                        : undefined;
                  if (!next) return;
                  e.preventDefault();
                  setTab(next);
                  document.getElementById(`inspector-tab-${next}`)?.focus();
                }}
              >
                {t(TAB_LABEL[k])}
                {k === 'events' && data.events.length > 0 ? ` (${data.events.length})` : ''}
              </button>
            ))}
          </div>
          <div
            className="inspector-panel"
            role="tabpanel"
            id={`inspector-panel-${tab}`}
            aria-labelledby={`inspector-tab-${tab}`}
          >
            {tab === 'status' && <StatusTab data={data} />}
            {tab === 'yaml' && <YamlTab data={data} />}
            {tab === 'events' && <EventsTab data={data} />}
            {tab === 'owners' && <OwnersTab data={data} />}
          </div>
        </>
      )}
    </section>
  );
}

function Header({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  const now = useClusterStore((s) => s.clock.now);
  const { ref } = data;
  return (
    <div className="inspector-header">
      <p className="inspector-identity">
        <span className="inspector-kind">{ref.kind}</span> <strong>{ref.name}</strong>
        {ref.namespace && <span className="hint"> · {t('namespace', { ns: ref.namespace })}</span>}
        {data.createdAt !== undefined && (
          <span className="hint"> · {t('age', { age: humanDuration(now - data.createdAt) })}</span>
        )}
        {data.deletingAt !== undefined && <span className="inspector-deleting"> · {t('deleting')}</span>}
      </p>
      <dl className="inspector-facts">
        {data.facts.map((f) => (
          <div key={f.label} className="inspector-fact">
            <dt>{factLabel(t, f.label)}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Pod and node facts are named by the worker in English; kubectl's column headers stay as kubectl prints them. */
function factLabel(t: ReturnType<typeof useMessages<keyof (typeof catalog)['en']>>, label: string): string {
  const key = `fact_${label}` as keyof (typeof catalog)['en'];
  return key in catalog.en ? t(key) : label;
}

function Why({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  const now = useClusterStore((s) => s.clock.now);
  const why = data.why;
  return (
    <p className="inspector-why">
      <span className="inspector-why-label">{t('why')}:</span>{' '}
      {why
        ? t('whySentence', {
            from: why.from || '?',
            reason: why.reason,
            on: refText(why.on),
            age: humanDuration(now - why.lastAt),
            message: why.message,
          })
        : t('whyNone')}
    </p>
  );
}
