import { memo } from 'react';
import { toggleGroup } from './graphStore';
import type { GroupItem } from './group';
import type { Rect } from './layout';
import { lookIcon } from './status';

const LOOK_WORDS: Record<string, string> = {
  crashloop: 'crash looping',
  failed: 'failed',
  unknown: 'unknown',
  'not-ready': 'not Ready',
  pending: 'pending',
  creating: 'starting',
  terminating: 'terminating',
  ready: 'ready',
  completed: 'completed',
};

/** "30 pods of ReplicaSet web-5d8f7c9b6" folded into one card; a click opens it. */
export const PodGroupCard = memo(function PodGroupCard({ group, rect }: { group: GroupItem; rect: Rect }) {
  const worst = group.looks[0]?.[0] ?? 'ready';
  const summary = group.looks.map(([look, n]) => `${n} ${LOOK_WORDS[look]}`).join(', ');
  return (
    <li
      className={`graph-pod graph-group look-${worst}`}
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
      data-kind="PodGroup"
      data-name={group.owner.name}
      data-count={group.pods.length}
    >
      <button
        type="button"
        className="graph-group-toggle nodrag"
        aria-expanded={false}
        aria-label={`${group.label}: ${summary}. Show them`}
        onClick={() => toggleGroup(group.toggleKey)}
      >
        <span className="graph-pod-name">
          <span className="graph-pod-icon" aria-hidden="true">
            ▦
          </span>
          <span>{group.pods.length} pods</span>
        </span>
        <span className="graph-group-owner">of {group.owner.name}</span>
        <span className="graph-group-looks">
          {group.looks.map(([look, n]) => (
            <span key={look} className={`look-text-${look}`}>
              <span aria-hidden="true">{lookIcon(look)}</span> {n}
            </span>
          ))}
        </span>
      </button>
    </li>
  );
});
