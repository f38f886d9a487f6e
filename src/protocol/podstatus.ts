/**
 * kubectl's STATUS, READY and RESTARTS columns for a pod, computed the way
 * kubectl's printPod does (pkg/printers/internalversion/printers.go): the phase,
 * overridden by status.reason, then by the first unfinished init container, then by
 * the last app container that is waiting or terminated; "Terminating" while a
 * deletionTimestamp is set on a pod that has not finished.
 */
import type { ContainerStatus, Pod } from '../engine/api/types';

/** pod.status.reason the node-lifecycle controller sets on pods of an unreachable node */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

export interface PodColumns {
  status: string;
  ready: string;
  restarts: number;
}

export function podColumns(pod: Pod): PodColumns {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? { phase: 'Pending' };
  const phase = status.phase ?? 'Pending';
  let reason: string = status.reason || phase;
  let restarts = 0;
  let sidecarRestarts = 0;
  let ready = 0;
  let total = spec.containers?.length ?? 0;

  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initSpecs = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  // A restartable init container (restartPolicy: Always) is a sidecar and counts as a container.
  const isSidecar = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') total++;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    if (isSidecar(c.name)) sidecarRestarts += c.restartCount ?? 0;
    const term = c.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (isSidecar(c.name) && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (term.reason) reason = `Init:${term.reason}`;
      else reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec.initContainers?.length ?? initStatuses.length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    let hasRunning = false;
    const statuses: ContainerStatus[] = status.containerStatuses ?? [];
    // kubectl walks the containers backwards, so the first container's state wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const waiting = c.state?.waiting;
      const term = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  return { status: reason, ready: `${ready}/${total}`, restarts };
}

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
