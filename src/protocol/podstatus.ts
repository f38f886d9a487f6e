/**
 * How a pod's kubectl STATUS text reads at a glance. The text itself is computed in
 * the engine (src/engine/kubectl/podstatus.ts, kubectl's printPod); the UI pairs the
 * tone with an icon and the text, never colour alone.
 */
/** How a status reads at a glance; the UI pairs it with an icon and the text itself. */
export type StatusTone = 'ok' | 'progress' | 'warning' | 'error' | 'done';

export function podStatusTone(status: string): StatusTone {
  if (status === 'Running') return 'ok';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Terminating' || status === 'NotReady' || status === 'Unknown' || status === 'SchedulingGated') {
    return 'warning';
  }
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'PodInitializing') return 'progress';
  if (/^Init:\d+\/\d+$/.test(status)) return 'progress';
  return 'error';
}
