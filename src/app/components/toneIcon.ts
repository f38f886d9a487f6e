import type { StatusTone } from '../../protocol/podstatus';

/** An icon per tone, so status never rests on colour alone. */
export const TONE_ICON: Record<StatusTone, string> = {
  ok: '●',
  progress: '◌',
  warning: '▲',
  error: '✕',
  done: '✓',
};
