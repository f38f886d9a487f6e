/**
 * Startup, liveness and readiness probes, as the kubelet's prober workers run them
 * (pkg/kubelet/prober/worker.go, prober.go): ticks every periodSeconds from when the
 * worker started, nothing before initialDelaySeconds, success/failure thresholds,
 * startup gating, and a readiness check right after start. Only pods with probes ever
 * get probe timers.
 */
import type { Container, Probe } from '../api/types';
import { cri } from './cri';
import type { ContainerRec, PodRec, ProbeKind, ProbeState } from './state';

const KINDS: ProbeKind[] = ['startup', 'liveness', 'readiness'];
const TITLE: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

export function probeOf(c: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup' ? c.startupProbe : kind === 'liveness' ? c.livenessProbe : c.readinessProbe;
}

export function hasProbes(c: Container): boolean {
  return !!(c.startupProbe || c.livenessProbe || c.readinessProbe);
}

function periodMs(p: Probe): number {
  return Math.max(1, p.periodSeconds ?? 10) * 1000;
}

/** The first worker tick at or after `t` (ticks are phased from the worker's start). */
export function tickAtOrAfter(anchor: number, period: number, t: number): number {
  if (t <= anchor) return anchor;
  return anchor + Math.ceil((t - anchor) / period) * period;
}

/** Whether the container has passed its startup probe (or has none) while running. */
export function isStarted(c: Container, r: ContainerRec): boolean {
  if (r.step !== 'running') return false;
  return !c.startupProbe || r.probes?.startup?.result === 's';
}

export function isReady(c: Container, r: ContainerRec): boolean {
  if (!isStarted(c, r)) return false;
  return !c.readinessProbe || r.probes?.readiness?.result === 's';
}

/** Fresh probe workers' results for a new container instance started at `startedAt`. */
export function resetProbes(c: Container, r: ContainerRec, rec: PodRec, startedAt: number): void {
  if (!hasProbes(c)) {
    r.probes = undefined;
    return;
  }
  r.probes = {};
  for (const kind of KINDS) {
    const p = probeOf(c, kind);
    if (!p) continue;
    const delayAt = startedAt + (p.initialDelaySeconds ?? 0) * 1000;
    let next = tickAtOrAfter(rec.created, periodMs(p), delayAt);
    // A readiness probe without a result is triggered as soon as the status is generated.
    if (kind === 'readiness' && !c.startupProbe && delayAt <= startedAt) next = startedAt;
    r.probes[kind] = { run: 0, last: '', result: '', next };
  }
}

function resolvePort(c: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return c.ports?.find((p) => p.name === port)?.containerPort;
}

/** Runs one probe now: success, and the text the kubelet puts in the Unhealthy event. */
export function runProbe(
  p: Probe,
  c: Container,
  r: ContainerRec,
  rec: PodRec,
  now: number,
): { ok: boolean; output: string; errored?: boolean } {
  const rt = cri().runtime;
  const proc = r.proc;
  const sandbox = rec.sandbox;
  if (!proc || !sandbox) return { ok: false, output: 'container not running', errored: true };
  const ip = rec.ip ?? '';
  if (p.exec) {
    const out = rt.execInContainer(proc, sandbox, p.exec.command ?? [], now);
    const text = `${out.stdout}${out.stderr}`.replace(/\s+$/, '');
    return { ok: out.exitCode === 0, output: text };
  }
  if (p.httpGet) {
    const port = resolvePort(c, p.httpGet.port);
    if (port === undefined) return { ok: false, output: `couldn't find port: ${p.httpGet.port}`, errored: true };
    const path = p.httpGet.path ?? '/';
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = p.httpGet.host || ip;
    const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const res = rt.httpRequest(proc, sandbox, port, path, now);
    if (res === 'connection refused') {
      return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    }
    if (res === 'timeout') {
      return {
        ok: false,
        output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      };
    }
    if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (p.tcpSocket || p.grpc) {
    const port = resolvePort(c, p.tcpSocket ? p.tcpSocket.port : p.grpc?.port);
    if (port === undefined) return { ok: false, output: `couldn't find port: ${p.tcpSocket?.port}`, errored: true };
    const host = p.tcpSocket?.host || ip;
    if (rt.tcpConnect(proc, sandbox, port, now)) return { ok: true, output: '' };
    if (p.grpc) {
      return {
        ok: false,
        output: `timeout: failed to connect service "${host}:${port}" within ${p.timeoutSeconds ?? 1}s: context deadline exceeded`,
      };
    }
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  return { ok: true, output: '' };
}

export interface ProbeOutcome {
  /** the container must be killed: liveness or startup failed past its threshold */
  kill?: 'liveness' | 'startup';
  /** a reported result changed (status needs writing) */
  changed: boolean;
}

/**
 * Runs every probe of a running container that is due at `now`, in worker order
 * (startup, liveness, readiness), and moves each probe's next tick on.
 */
export function runDueProbes(
  c: Container,
  r: ContainerRec,
  rec: PodRec,
  now: number,
  warn: (reason: string, message: string) => void,
): ProbeOutcome {
  const outcome: ProbeOutcome = { changed: false };
  if (r.step !== 'running' || !r.probes || r.stopping) return outcome;
  for (const kind of KINDS) {
    const st = r.probes[kind];
    const p = probeOf(c, kind);
    if (!st || !p || st.next > now) continue;
    const period = periodMs(p);
    st.next = tickAtOrAfter(rec.created, period, now + 1);
    if (st.hold) continue;
    const started = isStarted(c, r);
    if (kind === 'startup' && started) continue;
    if (kind !== 'startup' && !started) continue;
    if (now - (r.startedAt ?? now) < (p.initialDelaySeconds ?? 0) * 1000) continue;
    const res = runProbe(p, c, r, rec, now);
    if (!res.ok) {
      warn(
        'Unhealthy',
        res.errored
          ? `${TITLE[kind]} probe errored and resulted in unknown state: ${res.output}`
          : `${TITLE[kind]} probe failed: ${res.output}`,
      );
    }
    if (applyResult(st, res.ok ? 's' : 'f', p)) {
      outcome.changed = true;
      if (kind === 'startup' && st.result === 's') onStarted(c, r, rec, now);
      if ((kind === 'liveness' || kind === 'startup') && st.result === 'f') {
        st.hold = true;
        st.run = 0;
        outcome.kill = kind;
        break;
      }
    }
  }
  return outcome;
}

/** Thresholds: the reported result changes only after enough equal results in a row. */
function applyResult(st: ProbeState, result: 's' | 'f', p: Probe): boolean {
  if (st.last === result) st.run++;
  else {
    st.last = result;
    st.run = 1;
  }
  const threshold = result === 'f' ? (p.failureThreshold ?? 3) : (p.successThreshold ?? 1);
  if (st.run < threshold) return false;
  const changed = st.result !== result;
  st.result = result;
  return changed;
}

/** Once started, readiness is checked at once and liveness from its next tick. */
function onStarted(c: Container, r: ContainerRec, rec: PodRec, now: number): void {
  const rd = r.probes?.readiness;
  if (rd && c.readinessProbe) {
    const delayAt = (r.startedAt ?? now) + (c.readinessProbe.initialDelaySeconds ?? 0) * 1000;
    rd.next = delayAt <= now ? now : tickAtOrAfter(rec.created, periodMs(c.readinessProbe), delayAt);
  }
}

/** The earliest probe tick of a running container, or undefined. */
export function nextProbeAt(c: Container, r: ContainerRec): number | undefined {
  if (r.step !== 'running' || !r.probes || r.stopping) return undefined;
  let next: number | undefined;
  const started = isStarted(c, r);
  for (const kind of KINDS) {
    const st = r.probes[kind];
    if (!st || st.hold) continue;
    if (kind === 'startup' && started) continue;
    if (kind !== 'startup' && !started) continue;
    if (next === undefined || st.next < next) next = st.next;
  }
  return next;
}
