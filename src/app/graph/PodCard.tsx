import { memo } from 'react';
import { deletePod } from '../actions/deletePod';
import { useSelectable } from '../inspector/selectable';
import type { Rect } from './layout';
import type { PodModel } from './model';
import { shortName } from './names';

/** Characters of a pod name that fit on one card line at the card's font size. */
const NAME_CHARS = 16;

/** One pod: status as an icon, words and colour; its containers as small chips. */
export const PodCard = memo(function PodCard({ pod, rect }: { pod: PodModel; rect: Rect }) {
  const { badge } = pod;
  const readyContainers = pod.containers.filter((c) => c.ready).length;
  const selectable = useSelectable({ kind: 'Pod', namespace: pod.namespace, name: pod.name });
  const title = [
    `${pod.namespace}/${pod.name}`,
    `${pod.status} · ready ${pod.ready}${pod.podReady ? '' : ' (pod not Ready)'} · restarts ${pod.restarts}`,
    pod.ip ? `IP ${pod.ip}` : 'no IP yet',
    ...(pod.owner.kind ? [`controlled by ${pod.owner.kind}/${pod.owner.name}`] : []),
  ].join('\n');
  return (
    <li
      className={`graph-pod look-${badge.look}${pod.system ? ' system' : ''}`}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      data-kind="Pod"
      data-name={pod.name}
      data-namespace={pod.namespace}
      data-status={pod.status}
      data-owner={pod.owner.kind ? `${pod.owner.kind}/${pod.owner.name}` : undefined}
      aria-label={`Pod ${pod.name}, ${pod.status}, ${pod.podReady ? 'Ready' : 'Not ready'}`}
      title={title}
      {...selectable}
    >
      <div className="graph-pod-name">
        <span className="graph-pod-icon" aria-hidden="true">
          {badge.icon}
        </span>
        <span>{shortName(pod.name, NAME_CHARS)}</span>
      </div>
      <div className="graph-pod-status">{badge.text}</div>
      <div className="graph-pod-foot">
        <span
          className="graph-containers"
          role="img"
          aria-label={`${readyContainers} of ${pod.containers.length} containers ready`}
        >
          {pod.containers.map((c) => (
            <span key={c.index} className={`graph-container${c.ready ? ' ready' : ''}`} />
          ))}
        </span>
        <span className="graph-pod-ready">{pod.ready}</span>
        {pod.restarts > 0 && <span className="graph-pod-restarts">↻ {pod.restarts}</span>}
        {pod.namespace !== 'default' && <span className="graph-pod-ns">{pod.namespace}</span>}
      </div>
      <button
        type="button"
        className="graph-pod-delete nodrag"
        aria-label={`Delete pod ${pod.name}`}
        title="Delete this pod"
        onClick={() => deletePod(pod.namespace, pod.name)}
      >
        ✕
      </button>
    </li>
  );
});
