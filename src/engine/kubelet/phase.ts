/**
 * The pod phase from its container statuses, and whether an exited container is
 * restarted. Mirrors pkg/kubelet/kubelet_pods.go getPhase and
 * pkg/kubelet/container/helpers.go ShouldContainerBeRestarted (without the alpha
 * ContainerRestartRules gate, which is off in 1.34).
 */
import type { Container, ContainerStatus, PodSpec, PodStatus } from '../api/types';

export function isRestartableInitContainer(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

/** Whether a container that exited with `exitCode` is started again under the pod's restartPolicy. */
export function shouldRestart(restartPolicy: PodSpec['restartPolicy'], exitCode: number): boolean {
  if (restartPolicy === 'Never') return false;
  if (restartPolicy === 'OnFailure') return exitCode !== 0;
  return true;
}

function statusOf(info: ContainerStatus[], name: string): ContainerStatus | undefined {
  for (const s of info) if (s.name === name) return s;
  return undefined;
}

/**
 * getPhase: `info` holds container and init container statuses together.
 * `podIsTerminal` is set when the kubelet will not restart anything (a terminating pod);
 * `podHasInitialized` when any regular container has ever started.
 */
export function getPhase(
  spec: PodSpec,
  info: ContainerStatus[],
  podIsTerminal: boolean,
  podHasInitialized: boolean,
): PodStatus['phase'] {
  let pendingRestartableInit = 0;
  let pendingRegularInit = 0;
  let failedInitialization = 0;

  for (const c of spec.initContainers ?? []) {
    if (isRestartableInitContainer(c)) continue;
    const s = statusOf(info, c.name);
    if (!s) {
      pendingRegularInit++;
      continue;
    }
    if (s.state.running) pendingRegularInit++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
      } else pendingRegularInit++;
    } else pendingRegularInit++;
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;

  for (const c of spec.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue;
    const s = statusOf(info, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state.running) {
      if (!s.started) pendingRestartableInit++;
      running++;
    } else if (s.state.terminated) {
      // terminated sidecars do not count towards the phase
    } else if (s.state.waiting) {
      if (!s.lastState.terminated) {
        pendingRestartableInit++;
        waiting++;
      }
    } else {
      pendingRestartableInit++;
      unknown++;
    }
  }

  for (const c of spec.containers) {
    const s = statusOf(info, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }

  const policy = spec.restartPolicy ?? 'Always';
  if (failedInitialization > 0 && policy === 'Never') return 'Failed';

  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
