import { memo, useMemo, useState } from 'react';
import type { EventView } from '../../protocol/messages';
import { humanDuration } from '../format';
import { useMessages } from '../i18n/messages';
import { useSelectable } from '../inspector/selectable';
import { useClusterStore } from '../state/clusterStore';
import { catalog } from './EventsList.messages';
import { type EventFilter, eventFacets, eventKind, filterEvents, NO_FILTER } from './eventFilter';
import './EventsList.css';

/**
 * The cluster's recent events as a timeline, like `kubectl get events -w`: newest or
 * oldest first, filtered by type, namespace, kind and text. A row inspects its object.
 */
export function EventsList() {
  const events = useClusterStore((s) => s.events);
  const now = useClusterStore((s) => s.clock.now);
  const t = useMessages(catalog);
  const [filter, setFilter] = useState<EventFilter>(NO_FILTER);
  const shown = useMemo(() => filterEvents(events, filter), [events, filter]);
  const facets = useMemo(() => eventFacets(events), [events]);
  const set = (patch: Partial<EventFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const order = filter.newestFirst ? t('newestFirst') : t('oldestFirst');
  return (
    <section className="panel events" aria-labelledby="events-title">
      <div className="panel-head">
        <h2 id="events-title">{t('title')}</h2>
        <span className="hint">
          <code>{t('hint')}</code>
        </span>
      </div>
      <fieldset className="events-filters">
        <legend className="visually-hidden">{t('filters')}</legend>
        <button
          type="button"
          className="events-order"
          aria-label={t('orderLabel', { order })}
          onClick={() => set({ newestFirst: !filter.newestFirst })}
        >
          <span aria-hidden="true">{filter.newestFirst ? '↓ ' : '↑ '}</span>
          {order}
        </button>
        <label>
          <span className="visually-hidden">{t('type')}</span>
          <select
            value={filter.type}
            onChange={(e) => set({ type: e.target.value as EventFilter['type'] })}
            aria-label={t('type')}
          >
            <option value="">{t('allTypes')}</option>
            <option value="Normal">Normal</option>
            <option value="Warning">Warning</option>
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('namespace')}</span>
          <select
            value={filter.namespace}
            onChange={(e) => set({ namespace: e.target.value })}
            aria-label={t('namespace')}
          >
            <option value="">{t('allNamespaces')}</option>
            {facets.namespaces.map((ns) => (
              <option key={ns} value={ns}>
                {ns}
              </option>
            ))}
            {facets.clusterScoped && <option value="-">{t('clusterScoped')}</option>}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('kind')}</span>
          <select value={filter.kind} onChange={(e) => set({ kind: e.target.value })} aria-label={t('kind')}>
            <option value="">{t('allKinds')}</option>
            {facets.kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="events-search">
          <span className="visually-hidden">{t('text')}</span>
          <input
            type="search"
            value={filter.text}
            placeholder={t('textPlaceholder')}
            aria-label={t('text')}
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <span className="hint" aria-live="polite">
          {t('shown', { shown: shown.length, total: events.length })}
        </span>
      </fieldset>
      {events.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('noMatch')}</p>
      ) : (
        <ol className="events-timeline" aria-label={t('title')}>
          {shown.map((e, i) => (
            <EventRow key={e.id ?? `${e.at}-${e.object}-${e.reason}-${i}`} e={e} age={humanDuration(now - e.at)} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Views arrive as fresh copies, so a row re-renders only when what it shows changed. */
const EventRow = memo(
  function EventRow({ e, age }: { e: EventView; age: string }) {
    const t = useMessages(catalog);
    const kind = eventKind(e);
    const name = e.name ?? e.object.slice(e.object.indexOf('/') + 1);
    const selectable = useSelectable({ kind, namespace: e.namespace, name });
    const warning = e.type === 'Warning';
    return (
      <li
        className={`evt-row${warning ? ' warning' : ''}`}
        data-kind="Event"
        data-type={e.type}
        data-object={e.object}
        data-namespace={e.namespace ?? ''}
        aria-label={t('inspect', { object: e.object, reason: e.reason })}
        {...selectable}
      >
        <span className="evt-age" title={t('lastSeen', { age })}>
          {age}
        </span>
        <span className="evt-type">
          {warning && <span aria-hidden="true">▲ </span>}
          {e.type}
        </span>
        <span className="evt-reason">{e.reason}</span>
        <span className="evt-object">
          {e.namespace && e.namespace !== 'default' ? `${e.namespace}/` : ''}
          {e.object}
        </span>
        <span className="evt-message">
          {e.message}
          {e.count > 1 && (
            <span className="evt-count" title={t('count', { n: e.count })}>
              {' '}
              (×{e.count})
            </span>
          )}
        </span>
      </li>
    );
  },
  (a, b) =>
    a.age === b.age &&
    a.e.id === b.e.id &&
    a.e.count === b.e.count &&
    a.e.at === b.e.at &&
    a.e.message === b.e.message &&
    a.e.object === b.e.object,
);
