import type { Inspection } from '../../protocol/inspection';
import { useMessages } from '../i18n/messages';
import { catalog } from './Inspector.messages';
import { RefButton } from './RefButton';

/**
 * "Why this node?" / "Why Pending?": the scheduler's last decision about the pod, as
 * kube-scheduler-simulator shows it — one filter row per evaluated node (the plugin that
 * rejected it and why), then the scores of the nodes that passed, best first.
 */
export function SchedulingDecisionView({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  const d = data.scheduling;
  const bound = data.facts.find((f) => f.label === 'Node')?.value;
  const pending = !d?.node && (bound === undefined || bound === '<none>');
  const title = pending ? t('whyPending') : t('whyThisNode');
  const headingId = `sched-${pending ? 'pending' : 'node'}`;
  return (
    <section className="inspector-scheduling" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {data.failedScheduling && (
        <p className="inspector-failed text-warning" role="status">
          <span aria-hidden="true">▲ </span>
          {t('pendingMessage', { message: data.failedScheduling })}
        </p>
      )}
      {!d ? (
        <p className="empty">{pending || !bound ? t('noDecision') : t('noDecisionBound', { node: bound })}</p>
      ) : (
        <>
          <p>
            {d.node
              ? t('chosen', { node: d.node, n: d.evaluatedNodes })
              : t('nothingFit', { n: d.evaluatedNodes, total: d.totalNodes })}
            {d.attempts !== undefined && !d.node && ` ${t('attempts', { n: d.attempts })}`}
          </p>
          {d.prefilter && (
            <p className="hint">
              {t('prefilter', {
                plugin: d.prefilter.plugin,
                n: d.prefilter.nodes,
                reasons: d.prefilter.reasons.join('; '),
              })}
            </p>
          )}
          <div className="inspector-scroll">
            <table className="inspector-table sched-filters" aria-label={t('filters')}>
              <caption>{t('filters')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colNode')}</th>
                  <th scope="col">{t('colFilter')}</th>
                  <th scope="col">{t('colReasons')}</th>
                </tr>
              </thead>
              <tbody>
                {d.filters.map((f) => (
                  <tr key={f.node} data-node={f.node} data-status={f.plugin ? 'rejected' : 'passed'}>
                    <th scope="row">
                      <RefButton target={{ kind: 'Node', name: f.node }} />
                    </th>
                    <td className={f.plugin ? 'text-warning' : 'text-ok'}>
                      {f.plugin ? (
                        <>
                          <span aria-hidden="true">✕ </span>
                          {f.plugin}
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">✓ </span>
                          {t('passed')}
                        </>
                      )}
                    </td>
                    <td>{f.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {d.scores.length > 0 && <Scores data={data} />}
        </>
      )}
    </section>
  );
}

function Scores({ data }: { data: Inspection }) {
  const t = useMessages(catalog);
  const d = data.scheduling;
  if (!d) return null;
  // Only plugins that told the nodes apart are worth a column; the weights come with the decision.
  const plugins = Object.keys(d.scores[0]?.plugins ?? {});
  return (
    <div className="inspector-scroll">
      <table className="inspector-table sched-scores" aria-label={t('scores')}>
        <caption>{t('scores')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colNode')}</th>
            {plugins.map((p) => (
              <th scope="col" key={p} title={`weight ${d.weights[p] ?? 1}`}>
                {breakable(p)}
                <span className="hint"> ×{d.weights[p] ?? 1}</span>
              </th>
            ))}
            <th scope="col">{t('colTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {d.scores.map((s) => {
            const chosen = s.node === d.node;
            return (
              <tr key={s.node} className={chosen ? 'chosen' : undefined} data-node={s.node}>
                <th scope="row">
                  {s.node}
                  {chosen && (
                    <strong className="sched-chosen">
                      {' '}
                      <span aria-hidden="true">★ </span>
                      {t('chosenMark')}
                    </strong>
                  )}
                </th>
                {plugins.map((p) => (
                  <td key={p} className="num">
                    {s.plugins[p]}
                  </td>
                ))}
                <td className="num">
                  <strong>{s.total}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {d.omittedNodes ? <p className="hint">{t('omitted', { n: d.omittedNodes })}</p> : null}
    </div>
  );
}

/** Long plugin names may wrap between their words (NodeResources·Fit) in a narrow panel. */
function breakable(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1\u200b$2');
}
