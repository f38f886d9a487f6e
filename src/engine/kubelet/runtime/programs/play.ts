/**
 * Plays a program's plan against virtual time: logs, port binds (the pod's containers
 * share one network namespace, so a port another container holds makes the bind fail
 * with the program's own message), OOM kills and exits.
 */
import type { ExitInfo, LogLine, SandboxState } from '../types';
import type { Ev, Plan } from './types';

export interface ProgState {
  /** program name (the key in the program table) */
  n: string;
  /** argv the program was started with */
  argv: string[];
  /** when it started (a shell may exec it later than the container start) */
  t0: number;
  /** next event of the plan */
  i: number;
  /** periodic lines written */
  k: number;
  /** a bind failed at this time: the failure lines replace the plan */
  fail?: { at: number; port: number };
  /** SIGTERM handling began: the shutdown lines replace the plan */
  term?: number;
  /** ports this process bound */
  bound?: number[];
  /** `nginx -s quit` and similar asked the program to stop */
  quit?: number;
}

export interface Played {
  exited?: ExitInfo & { at: number };
  wakeAt?: number;
}

export const MAX_LINES_PER_STEP = 1000;

export function portKey(port: number): string {
  return `TCP/${port}`;
}

function eventsOf(plan: Plan, st: ProgState): Ev[] {
  if (st.term !== undefined) return plan.onTerm?.(st.term).lines ?? [];
  if (st.fail) return plan.bindFailure(st.fail.port, st.fail.at);
  return plan.events;
}

/** When memory use first passes the limit, or undefined. */
export function oomTime(plan: Plan, from: number, limit: number | undefined, until: number): number | undefined {
  if (!plan.memory || !limit) return undefined;
  if (plan.memory(from) > limit) return from;
  if (plan.memory(until) <= limit) return undefined;
  // memory only grows in our programs: bisect to the millisecond
  let lo = from;
  let hi = until;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (plan.memory(mid) > limit) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function releasePorts(sandbox: SandboxState, container: string): void {
  for (const [k, v] of Object.entries(sandbox.listening)) if (v === container) delete sandbox.listening[k];
}

export function play(
  plan: Plan,
  st: ProgState,
  sandbox: SandboxState,
  container: string,
  limit: number | undefined,
  now: number,
  out: LogLine[],
): Played {
  let written = 0;
  for (;;) {
    const events = eventsOf(plan, st);
    const ev = events[st.i];
    const per = st.term === undefined && !st.fail ? plan.periodic : undefined;
    const perAt = per ? per.from + st.k * per.every : Number.POSITIVE_INFINITY;
    const evAt = ev ? ev.at : Number.POSITIVE_INFINITY;
    // look a day ahead for an OOM kill; steps come far more often than that
    const oomAt = st.term === undefined ? oomTime(plan, st.t0, limit, Math.max(now, st.t0) + 86_400_000) : undefined;
    const quitAt = st.quit ?? Number.POSITIVE_INFINITY;
    const next = Math.min(evAt, perAt, oomAt ?? Number.POSITIVE_INFINITY, quitAt);
    if (next === Number.POSITIVE_INFINITY) return {};
    if (next > now) return { wakeAt: next };
    if (written >= MAX_LINES_PER_STEP) return { wakeAt: now + 100 };
    if (oomAt !== undefined && next === oomAt) {
      releasePorts(sandbox, container);
      return { exited: { exitCode: 137, reason: 'OOMKilled', signal: 9, at: oomAt } };
    }
    if (next === quitAt && next < evAt) {
      st.quit = undefined;
      st.term = quitAt;
      st.i = 0;
      if (!plan.onTerm) return { exited: { exitCode: 0, reason: 'Completed', at: quitAt } };
      continue;
    }
    if (per && next === perAt && perAt < evAt) {
      out.push({ at: perAt, stream: per.stream, text: per.text(st.k, perAt) });
      st.k++;
      written++;
      continue;
    }
    st.i++;
    if (ev.kind === 'log') {
      out.push({ at: ev.at, stream: ev.stream, text: ev.text });
      written++;
    } else if (ev.kind === 'bind') {
      const key = portKey(ev.port);
      const holder = sandbox.listening[key];
      if (holder !== undefined && holder !== container) {
        st.fail = { at: ev.at, port: ev.port };
        st.i = 0;
      } else {
        sandbox.listening[key] = container;
        st.bound = [...(st.bound ?? []), ev.port];
      }
    } else {
      releasePorts(sandbox, container);
      const code = ev.code;
      return {
        exited: {
          exitCode: code,
          reason: code === 0 ? 'Completed' : 'Error',
          at: ev.at,
          ...(ev.message ? { message: ev.message } : {}),
        },
      };
    }
  }
}

/** Is the program listening on `port` right now (bound, not failed, not shut down)? */
export function listens(st: ProgState, sandbox: SandboxState, container: string, port: number): boolean {
  return sandbox.listening[portKey(port)] === container && (st.bound ?? []).includes(port) && !st.fail;
}
