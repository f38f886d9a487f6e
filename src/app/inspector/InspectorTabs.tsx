import type { ContainerStateRow, Inspection } from '../../protocol/inspection';
import { humanDuration } from '../format';
import { type Translate, useMessages } from '../i18n/messages';
import { useClusterStore } from '../state/clusterStore';
import { catalog, type InspectorKey } from './Inspector.messages';
import { RefButton } from './RefButton';
import { SchedulingDecisionView } from './SchedulingDecisionView';

/** Conditions (kubectl describe's table), containers with their states, and for a pod the scheduler's decision. */
export function StatusTab({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  const now = useClusterStore((s) => s.clock.now);
  const isPod = data.ref.kind === 'Pod';
  return (
    <div className="inspector-status">
      {isPod && <SchedulingDecisionView data={data} />}
      <h3>{t('conditions')}</h3>
      {data.conditions.length === 0 ? (
        <p className="empty">{t('noConditions')}</p>
      ) : (
        <div className="inspector-scroll">
          <table className="inspector-table" aria-label={t('conditions')}>
            <thead>
              <tr>
                <th scope="col">{t('colType')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colReason')}</th>
                <th scope="col">{t('colMessage')}</th>
                <th scope="col">{t('colLastTransition')}</th>
              </tr>
            </thead>
            <tbody>
              {data.conditions.map((c) => (
                <tr key={c.type} data-status={c.status}>
                  <td>{c.type}</td>
                  <td className={conditionClass(c.type, c.status)}>{c.status}</td>
                  <td>{c.reason}</td>
                  <td className="inspector-message">{c.message}</td>
                  <td>
                    {c.lastTransition !== undefined ? t('ago', { age: humanDuration(now - c.lastTransition) }) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.containers.length > 0 && (
        <>
          <h3>{t('containers')}</h3>
          <div className="inspector-scroll">
            <table className="inspector-table" aria-label={t('containers')}>
              <thead>
                <tr>
                  <th scope="col">{t('colContainer')}</th>
                  <th scope="col">{t('colState')}</th>
                  <th scope="col">{t('colReady')}</th>
                  <th scope="col">{t('colRestarts')}</th>
                  <th scope="col">{t('colLastState')}</th>
                </tr>
              </thead>
              <tbody>
                {data.containers.map((c) => (
                  <tr key={`${c.init}-${c.name}`}>
                    <td>
                      <code>{c.name}</code>
                      {c.init && <span className="hint"> ({t('initContainer')})</span>}
                      <div className="hint">{c.image}</div>
                    </td>
                    <td className={c.state?.state === 'Running' ? 'text-ok' : c.state ? 'text-warning' : undefined}>
                      {c.state ? stateText(t, c.state, now) : t('stateNone')}
                    </td>
                    <td>{c.ready ? `✓ ${t('yes')}` : `✕ ${t('no')}`}</td>
                    <td>{c.restartCount}</td>
                    <td>{c.lastState ? stateText(t, c.lastState, now) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** A condition reads good when it is True, except the ones that name a problem (MemoryPressure…). */
function conditionClass(type: string, status: string): string {
  const problem = /Pressure$|Unavailable$|^Failed$|ReplicaFailure/.test(type);
  const good = problem ? status === 'False' : status === 'True';
  return good ? 'text-ok' : 'text-warning';
}

function stateText(t: Translate<InspectorKey>, s: ContainerStateRow, now: number): string {
  const parts: string[] = [s.state];
  if (s.reason) parts.push(s.reason);
  if (s.exitCode !== undefined) parts.push(t('exitCode', { code: s.exitCode }));
  const at = s.finishedAt ?? s.startedAt;
  if (at !== undefined) parts.push(t('ago', { age: humanDuration(now - at) }));
  const text = parts.join(' · ');
  return s.message ? `${text}: ${s.message}` : text;
}

/** `kubectl get -o yaml`, read-only. */
export function YamlTab({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  return (
    <figure className="inspector-yaml">
      <figcaption className="hint">
        <code>{t('yamlLabel')}</code>
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls, so the keyboard must reach it */}
      <pre tabIndex={0}>{data.yaml}</pre>
    </figure>
  );
}

/** Like the Events section of kubectl describe: Type, Reason, Age, From, Message. */
export function EventsTab({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  const now = useClusterStore((s) => s.clock.now);
  if (data.events.length === 0) return <p className="empty">{t('noEvents')}</p>;
  return (
    <div className="inspector-scroll">
      <table className="inspector-table inspector-events" aria-label={t('tabEvents')}>
        <thead>
          <tr>
            <th scope="col">{t('colType')}</th>
            <th scope="col">{t('colReason')}</th>
            <th scope="col">{t('colAge')}</th>
            <th scope="col">{t('colFrom')}</th>
            <th scope="col">{t('colMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {data.events.map((e, i) => (
            <tr key={`${e.firstAt}-${e.reason}-${i}`} data-type={e.type}>
              <td className={e.type === 'Warning' ? 'text-warning' : undefined}>
                {e.type === 'Warning' && <span aria-hidden="true">▲ </span>}
                {e.type}
              </td>
              <td>{e.reason}</td>
              <td>
                {/* kubectl describe: "3m (x4 over 10m)" for a repeated event */}
                {humanDuration(now - e.lastAt)}
                {e.count > 1 && ` (x${e.count} over ${humanDuration(now - e.firstAt)})`}
              </td>
              <td>{e.from}</td>
              <td className="inspector-message">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The owner chain (nearest first) and the objects this one owns, selects or runs, each clickable. */
export function OwnersTab({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  const { relation, objects } = data.dependants;
  return (
    <div className="inspector-owners">
      <h3>{t('owners')}</h3>
      {data.owners.length === 0 ? (
        <p className="empty">{t('ownersNone')}</p>
      ) : (
        <ol className="inspector-chain" aria-label={t('owners')}>
          {data.owners.map((o) => (
            <li key={`${o.kind}/${o.name}`}>
              <span aria-hidden="true">← </span>
              <RefButton target={o} exists={o.exists} status={o.status} />
            </li>
          ))}
        </ol>
      )}
      <h3>{t(`dependants_${relation}`)}</h3>
      {objects.length === 0 ? (
        <p className="empty">{t('dependantsNone')}</p>
      ) : (
        <ul className="inspector-dependants" aria-label={t(`dependants_${relation}`)}>
          {objects.map((o) => (
            <li key={`${o.kind}/${o.namespace}/${o.name}`}>
              <RefButton target={o} exists={o.exists} status={o.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
