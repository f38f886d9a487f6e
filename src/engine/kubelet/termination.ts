/**
 * Stopping containers: the preStop hook, SIGTERM, SIGKILL when the grace period runs
 * out, and the pod's graceful deletion (regular containers first, then sidecars in
 * reverse order, as the kubelet does since native sidecars). Mirrors
 * kuberuntime_container.go killContainer and the pod worker's terminating phase.
 */
import type { Container } from '../api/types';
import { applyStep, markExited } from './containers';
import { cri } from './cri';
import { emitFor, type PodCtx, type Slot, slots } from './podctx';
import type { StopReason } from './state';

/** The kubelet never gives a container less than this after its preStop hook (minimumGracePeriodInSeconds). */
const MIN_GRACE_AFTER_HOOK_MS = 2000;

/** How long a preStop hook keeps the container from receiving SIGTERM. */
export function preStopMs(c: Container): number {
  const hook = c.lifecycle?.preStop as
    | { exec?: { command?: string[] }; sleep?: { seconds?: number }; httpGet?: unknown }
    | undefined;
  if (!hook) return 0;
  if (hook.sleep?.seconds !== undefined) return Math.max(0, Number(hook.sleep.seconds)) * 1000;
  const argv = hook.exec?.command ?? [];
  // `sleep N` (directly or through sh -c) is what preStop hooks in the docs do: it takes time.
  const text = argv[0] === 'sh' || argv[0] === '/bin/sh' ? (argv[argv.length - 1] ?? '') : argv.join(' ');
  const m = /(?:^|[;&|]\s*)(?:\/bin\/)?sleep\s+(\d+(?:\.\d+)?)/.exec(text);
  return m ? Math.round(Number(m[1]) * 1000) : 0;
}

export function killMessage(c: Container, why: StopReason, willRestart: boolean): string {
  const tail = willRestart ? ', will be restarted' : '';
  switch (why) {
    case 'liveness':
      return `Container ${c.name} failed liveness probe${tail}`;
    case 'startup':
      return `Container ${c.name} failed startup probe${tail}`;
    case 'spec':
      return `Container ${c.name} definition changed${tail}`;
    default:
      return `Stopping container ${c.name}`;
  }
}

/** Starts stopping a running container with `graceMs` to go before SIGKILL. */
export function stopContainer(p: PodCtx, s: Slot, why: StopReason, graceMs: number, willRestart = false): void {
  const { r, c } = s;
  if (r.step !== 'running' || r.stopping) return;
  emitFor(p, s)('Normal', 'Killing', killMessage(c, why, willRestart));
  const hook = preStopMs(c);
  if (hook > 0 && r.proc && p.rec.sandbox) cri().runtime.execInContainer(r.proc, p.rec.sandbox, hookArgv(c), p.now);
  const grace = Math.max(0, graceMs);
  if (hook > 0) {
    const termAt = p.now + Math.min(hook, grace);
    r.stopping = { termAt, killAt: Math.max(p.now + grace, termAt + MIN_GRACE_AFTER_HOOK_MS), why };
  } else {
    r.stopping = { killAt: p.now + grace, why };
  }
  if (willRestart) r.forceRestart = true;
  r.wake = undefined;
  stepStopping(p, s);
}

function hookArgv(c: Container): string[] {
  return (c.lifecycle?.preStop as { exec?: { command?: string[] } } | undefined)?.exec?.command ?? [];
}

/** Delivers whatever signal is due for a container being stopped. */
export function stepStopping(p: PodCtx, s: Slot): void {
  const { r } = s;
  const st = r.stopping;
  if (!st || r.step !== 'running' || !r.proc || !p.rec.sandbox) return;
  const rt = cri().runtime;
  if (st.termAt === undefined || st.termAt <= p.now) {
    if (st.termAt !== -1) {
      st.termAt = -1; // SIGTERM sent
      applyStep(p, s, rt.signalProcess(r.proc, p.rec.sandbox, 'SIGTERM', p.now));
      if (r.step !== 'running') return;
    }
  }
  if (st.killAt <= p.now && r.proc) {
    applyStep(p, s, rt.signalProcess(r.proc, p.rec.sandbox, 'SIGKILL', p.now));
    if (r.step === 'running') {
      // A process that survives SIGKILL does not exist: the runtime's answer is final.
      markExited(p, s, {
        exitCode: 137,
        reason: 'Error',
        signal: 9,
        startedAt: r.startedAt ?? p.now,
        finishedAt: p.now,
        id: r.id ?? '',
      });
    }
  }
}

/** The next time a stopping container needs a signal. */
export function nextStopAt(s: Slot): number | undefined {
  const st = s.r.stopping;
  if (!st || s.r.step !== 'running') return undefined;
  if (st.termAt !== undefined && st.termAt !== -1) return st.termAt;
  return st.killAt;
}

/** The grace period the API server gave this deletion, in ms. */
export function deletionGraceMs(p: PodCtx): number {
  const g = p.pod.metadata.deletionGracePeriodSeconds ?? p.pod.spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, g) * 1000;
}

/**
 * One step of a pod's termination. Returns true once nothing of the pod runs any more.
 * Containers that never started just never will; pulls in flight are abandoned.
 */
export function terminatePod(p: PodCtx, reason: StopReason): boolean {
  const { rec } = p;
  if (!rec.terminating) {
    const grace = reason === 'delete' ? deletionGraceMs(p) : terminationGraceMs(p);
    rec.terminating = { since: p.now, deadline: p.now + grace };
  }
  const all = slots(p);
  for (const s of all) {
    if (s.r.step !== 'running') {
      if (s.r.step === 'pulling' || s.r.step === 'creating') s.r.step = 'waiting';
      s.r.at = undefined;
      s.r.retryAt = undefined;
    }
  }
  const remaining = () => Math.max(0, rec.terminating ? rec.terminating.deadline - p.now : 0);
  const regular = all.filter((s) => !s.sidecar);
  for (const s of regular) {
    if (s.r.step === 'running' && !s.r.stopping) stopContainer(p, s, reason, remaining());
    else stepStopping(p, s);
  }
  if (regular.some((s) => s.r.step === 'running')) return false;
  // Sidecars go last, in reverse order of their definition.
  const sidecars = all.filter((s) => s.sidecar).reverse();
  for (const s of sidecars) {
    if (s.r.step === 'running' && !s.r.stopping) stopContainer(p, s, reason, remaining());
    else stepStopping(p, s);
    if (s.r.step === 'running') return false;
  }
  return true;
}

export function terminationGraceMs(p: PodCtx): number {
  return Math.max(0, p.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
}
