/**
 * How a pod reads in the graph: one look per state a learner must tell apart, each
 * with its own icon and words, so the status never rests on colour alone. The STATUS
 * text itself comes from the engine (kubectl's printPod); this only sorts it.
 */
import type { PodView } from '../../protocol/messages';

export type PodLook =
  | 'pending'
  | 'creating'
  | 'ready'
  | 'not-ready'
  | 'crashloop'
  | 'terminating'
  | 'failed'
  | 'completed'
  | 'unknown';

export interface PodBadge {
  look: PodLook;
  /** a glyph beside the text; decorative, the text carries the meaning */
  icon: string;
  /** what the card says under the pod name ("Running · Ready") */
  text: string;
}

const ICON: Record<PodLook, string> = {
  pending: '◷',
  creating: '◐',
  ready: '●',
  'not-ready': '◑',
  crashloop: '↻',
  terminating: '⊖',
  failed: '✕',
  completed: '✓',
  unknown: '?',
};

/** Waiting reasons that mean "still starting", not "broken" (kubelet's image pull and init). */
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

export function podLook(pod: Pick<PodView, 'status' | 'phase' | 'podReady'>): PodLook {
  const s = pod.status;
  if (s === 'Terminating') return 'terminating';
  if (s === 'Unknown') return 'unknown';
  if (s === 'Completed' || s === 'Succeeded') return 'completed';
  if (s === 'CrashLoopBackOff' || s === 'Init:CrashLoopBackOff') return 'crashloop';
  if (s === 'Pending' || s === 'SchedulingGated') return 'pending';
  if (STARTING.has(s) || /^Init:\d+\/\d+$/.test(s)) return 'creating';
  if (s === 'Running') return pod.podReady ? 'ready' : 'not-ready';
  if (s === 'NotReady') return 'not-ready';
  // Evicted, Failed, Error, OOMKilled, ErrImagePull, ImagePullBackOff, ExitCode:1, …
  return 'failed';
}

export function podBadge(pod: Pick<PodView, 'status' | 'phase' | 'podReady'>): PodBadge {
  const look = podLook(pod);
  const text =
    look === 'ready'
      ? 'Running · Ready'
      : look === 'not-ready' && pod.status === 'Running'
        ? 'Running · not Ready'
        : pod.status;
  return { look, icon: ICON[look], text };
}

/** The icon of a look, for summaries that count pods per look. */
export function lookIcon(look: PodLook): string {
  return ICON[look];
}

/** Looks in the order a summary lists them: what needs attention first. */
export const LOOK_ORDER: readonly PodLook[] = [
  'crashloop',
  'failed',
  'unknown',
  'not-ready',
  'pending',
  'creating',
  'terminating',
  'ready',
  'completed',
];

/** READY "2/3" as numbers; anything unreadable counts as no containers. */
export function readyCounts(ready: string): { ready: number; total: number } {
  const m = /^(\d+)\/(\d+)$/.exec(ready);
  return m ? { ready: Number(m[1]), total: Number(m[2]) } : { ready: 0, total: 0 };
}
