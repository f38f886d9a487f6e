import { memo } from 'react';
import type { WorkloadKind, WorkloadView } from '../../protocol/messages';
import { runKubectl } from '../actions/runKubectl';
import { useMessages } from '../i18n/messages';
import { useSelectable } from '../inspector/selectable';
import { useClusterStore } from '../state/clusterStore';
import { useUiStore } from '../state/uiStore';
import { TONE_ICON } from './toneIcon';
import { workloadsPanelMessages } from './WorkloadsPanel.messages';

/** The table title and the `kubectl get` resource of each kind. */
const KINDS: Record<WorkloadKind, { title: string; resource: string }> = {
  Deployment: { title: 'Deployments', resource: 'deployments' },
  ReplicaSet: { title: 'ReplicaSets', resource: 'replicasets' },
  StatefulSet: { title: 'StatefulSets', resource: 'statefulsets' },
  DaemonSet: { title: 'DaemonSets', resource: 'daemonsets' },
  Job: { title: 'Jobs', resource: 'jobs' },
  CronJob: { title: 'CronJobs', resource: 'cronjobs' },
  ReplicationController: { title: 'ReplicationControllers', resource: 'replicationcontrollers' },
};

const NONE: WorkloadView[] = [];
const CREATE_LINE = 'kubectl create deployment web --image=nginx';

/**
 * The workload objects, one compact table per kind that has any, with the columns
 * `kubectl get` prints (the worker builds them with the engine's printers) and a
 * plain-English summary of how each one is doing.
 */
export function WorkloadsPanel() {
  const t = useMessages(workloadsPanelMessages);
  const kinds = useClusterStore((s) => s.workloadKinds);
  const showSystem = useUiStore((s) => s.showSystemPods);
  const anyShown = useClusterStore((s) =>
    s.workloadKinds.some((k) => (s.workloadsByKind[k] ?? NONE).some((w) => showSystem || !isSystem(w))),
  );
  return (
    <section className="panel workloads" aria-labelledby="workloads-title">
      <div className="panel-head">
        <h2 id="workloads-title">{t('title')}</h2>
        <span className="hint">{t('hint')}</span>
      </div>
      {anyShown ? (
        kinds.map((k) => <WorkloadTable key={k} kind={k} showSystem={showSystem} />)
      ) : (
        <div className="empty workloads-empty">
          <p>{t('empty')}</p>
          <p>
            {t('pickBefore')}
            <em>{t('pickExample')}</em>
            {t('pickMiddle')}
            <code>examples/deployment.yaml</code>
            {t('pickAfter')}
            <button type="button" className="link" onClick={() => runKubectl(CREATE_LINE)}>
              <code>{CREATE_LINE}</code>
            </button>
            .
          </p>
        </div>
      )}
    </section>
  );
}

function isSystem(w: WorkloadView): boolean {
  return w.namespace === 'kube-system';
}

const WorkloadTable = memo(function WorkloadTable({ kind, showSystem }: { kind: WorkloadKind; showSystem: boolean }) {
  const all = useClusterStore((s) => s.workloadsByKind[kind] ?? NONE);
  const rows = showSystem ? all : all.filter((w) => !isSystem(w));
  const t = useMessages(workloadsPanelMessages);
  if (rows.length === 0) return null;
  const { title, resource } = KINDS[kind];
  // Like `kubectl get -A`: a NAMESPACE column once anything lives outside "default".
  const withNamespace = rows.some((w) => w.namespace !== 'default');
  const id = `workloads-${resource}`;
  return (
    <section className="workload-kind" aria-labelledby={id}>
      <h3 id={id}>
        {title} <code className="hint">kubectl get {resource}</code>
      </h3>
      <div className="workload-scroll">
        <table className="workload-table" data-kind={kind}>
          <thead>
            <tr>
              {withNamespace && <th scope="col">NAMESPACE</th>}
              {rows[0].columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
              <th scope="col" className="summary-head">
                {t('inShort')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <WorkloadRow key={`${w.namespace}/${w.name}`} w={w} withNamespace={withNamespace} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

const WorkloadRow = memo(function WorkloadRow({ w, withNamespace }: { w: WorkloadView; withNamespace: boolean }) {
  const selectable = useSelectable({ kind: w.kind, namespace: w.namespace, name: w.name });
  return (
    <tr
      className={`workload row-${w.tone}`}
      data-kind={w.kind}
      data-name={w.name}
      data-namespace={w.namespace}
      data-status={w.tone}
      aria-label={`${w.kind} ${w.name}: ${w.summary}`}
      {...selectable}
    >
      {withNamespace && <td>{w.namespace}</td>}
      {w.cells.map((c, i) => (
        <td key={w.columns[i] ?? i} className={i === 0 ? 'workload-name' : undefined}>
          {c}
        </td>
      ))}
      <td className={`workload-summary text-${w.tone}`}>
        <span aria-hidden="true">{TONE_ICON[w.tone]}</span> {w.summary}
      </td>
    </tr>
  );
});
