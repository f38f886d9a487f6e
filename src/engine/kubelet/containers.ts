/**
 * One container's way from the spec to a running process and back: image, config,
 * create/start, the process's exits, and the restart decision with its back-off.
 * Mirrors pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer) and
 * kuberuntime_manager.go (doBackOff, the restart part of computePodActions).
 */
import { bytes } from '../api/quantity';
import { type BackoffConfig, backoffNext, isInBackOffSince } from './backoff';
import { cri } from './cri';
import { formatPod, goDuration, goList } from './format';
import { ensureImage, finishPull } from './images';
import { shouldRestart } from './phase';
import { appendLog, containerId, emitFor, logText, type PodCtx, type Slot } from './podctx';
import { ConfigError, containerEnv, containerMounts, expandCommand } from './podenv';
import { resetProbes } from './probes';
import type { StepResult } from './runtime/types';
import type { Termination } from './state';

export function restartBackoff(p: PodCtx): BackoffConfig {
  const t = p.ctx.timings;
  return { initialMs: t.backoffInitialMs, maxMs: t.backoffMaxMs, expireMs: t.backoffResetMs };
}

/** Where a container's start stands after one step: the pod worker waits on `busy` ones. */
export type StartProgress = 'busy' | 'blocked' | 'started' | 'idle';

/**
 * Moves a container that should be running one step on: image (pull per policy),
 * configuration, create and start. Returns 'busy' while the pod worker is occupied with it.
 */
export function advanceStart(p: PodCtx, s: Slot): StartProgress {
  const { r } = s;
  const now = p.now;
  if (r.step === 'running') return 'started';
  if (r.step === 'exited') {
    if (r.at === undefined || r.at > now) return 'blocked';
    if (!decideRestart(p, s)) return 'idle';
  }
  if (r.step === 'waiting') {
    if (r.retryAt !== undefined && r.retryAt > now) return 'blocked';
    if (r.reason === 'CrashLoopBackOff' && !decideRestart(p, s)) return 'blocked';
    r.retryAt = undefined;
    const emit = emitFor(p, s);
    const out = ensureImage(p.ctx, p.agent, p.rec, s.c, r, now, emit);
    if (out.kind === 'error') return imageError(p, s, out.reason, out.message, out.retryAt);
    if (out.kind === 'pulling') {
      r.step = 'pulling';
      r.at = out.until;
      return 'busy';
    }
    r.imageRef = (out as { ref: string }).ref;
    r.step = 'creating';
    r.at = now + p.ctx.timings.containerStartMs;
    return 'busy';
  }
  if (r.step === 'pulling') {
    if ((r.at ?? 0) > now) return 'busy';
    const out = finishPull(p.ctx, p.rec, s.c, r, now, emitFor(p, s));
    if (out.kind === 'error') return imageError(p, s, out.reason, out.message, out.retryAt);
    if (out.kind !== 'present') return imageError(p, s, 'ErrImagePull', 'pull did not finish', now);
    r.imageRef = out.ref;
    r.step = 'creating';
    r.at = now + p.ctx.timings.containerStartMs;
    return 'busy';
  }
  // creating
  if ((r.at ?? 0) > now) return 'busy';
  return startNow(p, s);
}

function imageError(p: PodCtx, s: Slot, reason: string, message: string, retryAt: number): StartProgress {
  const { r } = s;
  r.step = 'waiting';
  r.reason = reason;
  if (reason === 'ErrImagePull') r.pullError = message;
  // The back-off status keeps the error that caused it, as the image manager reports it.
  r.message = reason === 'ImagePullBackOff' && r.pullError ? `${message}: ErrImagePull: ${r.pullError}` : message;
  r.retryAt = retryAt;
  emitFor(p, s)('Warning', 'Failed', `Error: ${reason}`);
  return 'blocked';
}

/** generateContainerConfig + CreateContainer + StartContainer. */
function startNow(p: PodCtx, s: Slot): StartProgress {
  const { c, r } = s;
  const now = p.now;
  const emit = emitFor(p, s);
  const sandbox = p.rec.sandbox;
  const image = cri().lookupImage(c.image);
  if (!sandbox || !image) {
    r.step = 'waiting';
    r.retryAt = now + p.ctx.timings.podWorkerBackoffMs;
    return 'blocked';
  }
  let env: Record<string, string>;
  try {
    env = containerEnv(c, {
      store: p.ctx.store,
      pod: p.pod,
      hostIP: hostIP(p),
      podIP: p.rec.ip,
      nodeAllocatable: p.node.status?.allocatable ?? {},
    });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    r.step = 'waiting';
    r.reason = 'CreateContainerConfigError';
    r.message = e.message;
    r.retryAt = now + p.ctx.timings.podWorkerBackoffMs;
    emit('Warning', 'Failed', `Error: ${e.message}`);
    return 'blocked';
  }
  const { command, args } = expandCommand(c, env);
  const limit = c.resources?.limits?.memory;
  const { process, result } = cri().runtime.startProcess(
    {
      image,
      containerName: c.name,
      command,
      args,
      env,
      mounts: containerMounts(c),
      memoryLimitBytes: limit !== undefined ? bytes(limit) : undefined,
      now,
    },
    sandbox,
  );
  // A new instance: the latest one becomes the previous (lastState, logs --previous).
  const instance = r.exit || r.last ? r.restarts + 1 : 0;
  if (r.exit) {
    r.last = r.exit;
    r.prevLog = r.log;
    r.restarts++;
  }
  r.exit = undefined;
  r.log = undefined;
  r.reason = undefined;
  r.message = undefined;
  r.pullError = undefined;
  r.image = c.image;
  r.id = containerId(p.rec, c.name, instance);
  r.step = 'running';
  r.at = undefined;
  r.startedAt = now;
  r.proc = process;
  r.wake = undefined;
  r.stopping = undefined;
  emit('Normal', 'Created', `Created container: ${c.name}`);
  emit('Normal', 'Started', `Started container ${c.name}`);
  resetProbes(c, r, p.rec, now);
  applyStep(p, s, result);
  runPostStart(p, s);
  return 'started';
}

/**
 * The postStart hook runs right after the start; if it fails the kubelet records
 * FailedPostStartHook and kills the container (kuberuntime_container.go startContainer).
 */
function runPostStart(p: PodCtx, s: Slot): void {
  const { c, r } = s;
  const argv = c.lifecycle?.postStart?.exec?.command;
  if (!argv || r.step !== 'running' || !r.proc || !p.rec.sandbox) return;
  const out = cri().runtime.execInContainer(r.proc, p.rec.sandbox, argv, p.now);
  if (out.exitCode === 0) return;
  const emit = emitFor(p, s);
  emit(
    'Warning',
    'FailedPostStartHook',
    `Exec lifecycle hook (${goList(argv)}) for Container "${c.name}" in Pod "${formatPod(p.pod)}" failed - error: command '${argv.join(' ')}' exited with ${out.exitCode}: ${out.stderr}, message: "${out.stdout}${out.stderr}"`,
  );
  emit('Normal', 'Killing', 'FailedPostStartHook');
  releasePorts(p, c.name);
  markExited(p, s, {
    exitCode: 137,
    reason: 'Error',
    signal: 9,
    startedAt: r.startedAt ?? p.now,
    finishedAt: p.now,
    id: r.id ?? '',
  });
}

export function hostIP(p: PodCtx): string | undefined {
  return p.node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** Takes a runtime step's output and exit into the container's record. */
export function applyStep(p: PodCtx, s: Slot, res: StepResult): void {
  const { r } = s;
  appendLog(r, res.output);
  if (res.exited) {
    const at = Math.min(Math.max(res.exited.at, r.startedAt ?? 0), p.now);
    const message = res.exited.message ?? terminationMessage(s, res.exited.exitCode);
    markExited(p, s, {
      exitCode: res.exited.exitCode,
      reason: res.exited.reason,
      ...(message ? { message } : {}),
      ...(res.exited.signal ? { signal: res.exited.signal } : {}),
      startedAt: r.startedAt ?? at,
      finishedAt: at,
      id: r.id ?? '',
      ...(res.exited.reason === 'StartError' ? { neverStarted: true } : {}),
    });
    return;
  }
  r.wake = res.wakeAt;
}

/** Termination messages are capped like the kubelet's (4096 bytes from the file, 80 lines / 2048 bytes of log). */
const MAX_MESSAGE_FILE = 4096;
const FALLBACK_LINES = 80;
const FALLBACK_BYTES = 2048;

/**
 * The message a terminated state carries: the container's terminationMessagePath file,
 * or with FallbackToLogsOnError the tail of its log after a failure
 * (kuberuntime_container.go getTerminationMessage / readLastStringFromContainerLogs).
 */
function terminationMessage(s: Slot, exitCode: number): string | undefined {
  const { c, r } = s;
  const path = String(c.terminationMessagePath ?? '/dev/termination-log');
  const file = r.proc?.rootfs[path];
  if (file) return file.slice(0, MAX_MESSAGE_FILE);
  if (c.terminationMessagePolicy !== 'FallbackToLogsOnError' || exitCode === 0 || !r.log) return undefined;
  const lines = logText(r.log).replace(/\n$/, '').split('\n').slice(-FALLBACK_LINES).join('\n');
  return lines.length > FALLBACK_BYTES ? lines.slice(lines.length - FALLBACK_BYTES) : lines;
}

/** The process is gone: the kubelet notices at the next PLEG relist and decides then. */
export function markExited(p: PodCtx, s: Slot, t: Termination): void {
  const { r } = s;
  releasePorts(p, s.c.name);
  r.step = 'exited';
  r.exit = t;
  r.proc = undefined;
  r.wake = undefined;
  r.probes = undefined;
  r.at = Math.max(t.finishedAt + p.ctx.timings.plegRelistMs, p.now);
}

/** A dead process holds no sockets. */
export function releasePorts(p: PodCtx, name: string): void {
  const listening = p.rec.sandbox?.listening;
  if (!listening) return;
  for (const [k, v] of Object.entries(listening)) if (v === name) delete listening[k];
}

/** Steps a running process to `now` when it asked to be woken, or always when `force`. */
export function stepContainer(p: PodCtx, s: Slot, force: boolean): void {
  const { r } = s;
  if (r.step !== 'running' || !r.proc || !p.rec.sandbox) return;
  if (!force && (r.wake === undefined || r.wake > p.now)) return;
  applyStep(p, s, cri().runtime.stepProcess(r.proc, p.rec.sandbox, p.now));
}

/** Whether an exited container of this kind is started again. */
export function wantsRestart(p: PodCtx, s: Slot): boolean {
  const { r } = s;
  if (!r.exit) return false;
  if (s.sidecar) return true;
  const policy = p.pod.spec.restartPolicy ?? 'Always';
  if (s.init) return r.exit.exitCode !== 0 && policy !== 'Never';
  // a failed liveness/startup probe or a changed spec restarts whatever the exit code
  if (r.forceRestart) return true;
  return shouldRestart(policy, r.exit.exitCode);
}

/**
 * doBackOff: an exited container restarts at once unless it is in back-off since it
 * finished; then it waits in CrashLoopBackOff. Returns true when it may start now.
 */
export function decideRestart(p: PodCtx, s: Slot): boolean {
  const { r, c } = s;
  if (!wantsRestart(p, s) || !r.exit) {
    r.at = undefined;
    return false;
  }
  const cfg = restartBackoff(p);
  const finished = r.exit.finishedAt;
  if (isInBackOffSince(r.backoff, finished, p.now, cfg)) {
    const ms = r.backoff?.ms ?? cfg.initialMs;
    const pod = formatPod(p.pod);
    const first = r.reason !== 'CrashLoopBackOff' || r.step !== 'waiting';
    r.step = 'waiting';
    r.at = undefined;
    r.reason = 'CrashLoopBackOff';
    r.message = `back-off ${goDuration(ms)} restarting failed container=${c.name} pod=${pod}`;
    r.retryAt = finished + ms;
    if (first) emitFor(p, s)('Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod}`);
    return false;
  }
  r.backoff = backoffNext(r.backoff, finished, p.now, cfg);
  r.forceRestart = undefined;
  r.step = 'waiting';
  r.at = undefined;
  r.reason = undefined;
  r.message = undefined;
  r.retryAt = undefined;
  return true;
}
