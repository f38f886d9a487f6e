/**
 * kubectl's READY, STATUS and RESTARTS columns for a pod, computed as printPod does
 * (kubernetes pkg/printers/internalversion/printers.go): the phase, overridden by
 * status.reason, then by the first unfinished init container, then by the app
 * containers walked backwards (so the first container's state wins); "Terminating"
 * while a deletionTimestamp is set on a pod that has not finished.
 *
 * Pure over the object, so the UI (through src/protocol) shows exactly what
 * `kubectl get pods` prints.
 */
import type { Container, ContainerStatus, Pod } from '../api/types';
import { fromTimestamp } from '../sim/clock';

/** pod.status.reason the node-lifecycle controller sets on pods of an unreachable node */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

export interface PodColumns {
  status: string;
  ready: string;
  restarts: number;
  /** sim ms of the latest restart (the last termination's finishedAt), if any */
  lastRestartAt?: number;
}

const isSidecar = (c: Container | undefined) => c?.restartPolicy === 'Always';

function finishedAt(c: ContainerStatus): number | undefined {
  const t = c.lastState?.terminated?.finishedAt;
  if (!t) return undefined;
  const ms = fromTimestamp(t);
  return Number.isNaN(ms) ? undefined : ms;
}

const later = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

export function podColumns(pod: Pod): PodColumns {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? { phase: 'Pending' };
  const phase = status.phase ?? 'Pending';
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  let reason: string = status.reason || phase;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let ready = 0;
  let total = spec.containers?.length ?? 0;

  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initSpecs = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  for (const c of spec.initContainers ?? []) if (isSidecar(c)) total++;

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const sidecar = isSidecar(initSpecs.get(c.name));
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, finishedAt(c));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, finishedAt(c));
    }
    const term = c.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (sidecar && c.started) {
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

  const initialized = conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: ContainerStatus[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, finishedAt(c));
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
    // A finished container next to a running one: the pod as a whole is still running.
    if (reason === 'Completed' && hasRunning) {
      const podReady = conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  return {
    status: reason,
    ready: `${ready}/${total}`,
    restarts,
    ...(lastRestart !== undefined ? { lastRestartAt: lastRestart } : {}),
  };
}
