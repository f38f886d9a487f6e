import { memo } from 'react';
import type { PodView } from '../../protocol/messages';
import { podStatusTone, type StatusTone } from '../../protocol/podstatus';
import { deletePod } from '../actions/deletePod';

/** An icon per tone, so status never rests on colour alone. */
export const TONE_ICON: Record<StatusTone, string> = {
  ok: '●',
  progress: '◌',
  warning: '▲',
  error: '✕',
  done: '✓',
};

export const PodChip = memo(function PodChip({ pod }: { pod: PodView }) {
  const tone = podStatusTone(pod.status);
  const ready = pod.podReady;
  const system = pod.namespace === 'kube-system';
  const title = [
    `${pod.namespace}/${pod.name}`,
    `${pod.status} · ready ${pod.ready}${ready ? '' : ' (pod not Ready)'} · restarts ${pod.restarts}`,
    pod.ip ? `IP ${pod.ip}` : 'no IP yet',
    ...(pod.owner ? [`controlled by ${pod.owner.kind}/${pod.owner.name}`] : []),
  ].join('\n');
  return (
    <li
      className={`pod tone-${tone}${system ? ' system' : ''}`}
      data-kind="Pod"
      data-name={pod.name}
      data-namespace={pod.namespace}
      data-status={pod.status}
      data-owner={pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : undefined}
      aria-label={`Pod ${pod.name}, ${pod.status}, ${ready ? 'Ready' : 'Not ready'}`}
      title={title}
    >
      <span className={`pod-icon icon-${tone}`} aria-hidden="true">
        {TONE_ICON[tone]}
      </span>
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">{pod.status}</span>
      <span className="pod-ready">{pod.ready}</span>
      {pod.restarts > 0 && <span className="pod-restarts">↻ {pod.restarts}</span>}
      {!ready && pod.status === 'Running' && <span className="pod-notready">not Ready</span>}
      <button
        type="button"
        className="pod-delete"
        aria-label={`Delete pod ${pod.name}`}
        title="Delete this pod"
        onClick={() => deletePod(pod.namespace, pod.name)}
      >
        ✕
      </button>
    </li>
  );
});

/** Pods in a list, kube-system ones hidden on request. */
export function PodList({ pods, showSystem }: { pods: PodView[]; showSystem: boolean }) {
  const shown = showSystem ? pods : pods.filter((p) => p.namespace !== 'kube-system');
  const hidden = pods.length - shown.length;
  return (
    <>
      {shown.length > 0 ? (
        <ul className="pods">
          {shown.map((p) => (
            <PodChip key={`${p.namespace}/${p.name}`} pod={p} />
          ))}
        </ul>
      ) : (
        <p className="empty">No pods{hidden > 0 ? ' of yours' : ''}.</p>
      )}
      {hidden > 0 && (
        <p className="hint">
          {hidden} system pod{hidden === 1 ? '' : 's'} hidden
        </p>
      )}
    </>
  );
}
