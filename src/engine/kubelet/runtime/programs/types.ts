/**
 * A simulated server or daemon (nginx, redis, agnhost...). A program is data plus pure
 * functions: from its argv, env and start time it derives a plan (log lines, port binds,
 * an exit) that the runtime plays against virtual time. Only the position in the plan is
 * stored in the process, so a snapshot stays small and a restore replays nothing.
 */
import type { ImageSpec } from '../../../images/spec';
import type { FsView } from '../fs';
import type { HttpResponse, LogLine, ProcessState } from '../types';

export interface PlanCtx {
  argv: string[];
  env: Record<string, string>;
  spec: ImageSpec;
  p: ProcessState;
  fs: FsView;
  hostname: string;
  podIP: string;
  startedAt: number;
}

export type Ev =
  | { at: number; kind: 'log'; stream: 'stdout' | 'stderr'; text: string }
  | { at: number; kind: 'bind'; port: number }
  | { at: number; kind: 'exit'; code: number; message?: string };

export interface Plan {
  /** sorted by time; absolute sim ms */
  events: Ev[];
  /** a line every `every` ms from `from` (a worker's progress, a heartbeat) */
  periodic?: { from: number; every: number; stream: 'stdout' | 'stderr'; text(i: number, at: number): string };
  /** answers an HTTP GET on a bound port; undefined = the port speaks no HTTP */
  http?(port: number, path: string, now: number): HttpResponse;
  /** lines and exit code when a bind finds the port taken (the program's own message) */
  bindFailure(port: number, at: number): Ev[];
  /** SIGTERM: what the program prints and its exit code; undefined = ignores it (PID 1 without a handler) */
  onTerm?(at: number): { lines: Ev[]; code: number };
  /** resident memory at `now` (bytes); above the limit the kernel OOM-kills the container */
  memory?(now: number): number;
  /** CPU use in millicores, for `kubectl top` */
  cpuMilli?: number;
  /** the access-log line for one request, if the program writes one */
  accessLog?(req: { ip: string; userAgent: string; path: string; status: number; bytes: number; at: number }): LogLine;
}

export interface ProgramDef {
  /** executables that run it: basenames in $PATH or absolute paths */
  names: string[];
  plan(c: PlanCtx): Plan;
  /** `kubectl exec` of the program itself (nginx -s quit, redis-cli ping); undefined = not simulated */
  exec?(argv: string[], c: PlanCtx): { stdout: string; stderr: string; exitCode: number; quit?: boolean } | undefined;
}

let lastSecond = Number.NaN;
let lastText = '';

/** nginx and Go's log timestamps: 2026/01/01 09:00:05 (many lines share a second: the last one is kept). */
export function logTime(ms: number, epoch: number): string {
  const second = Math.floor((epoch + ms) / 1000);
  if (second === lastSecond) return lastText;
  lastSecond = second;
  lastText = formatLogTime(second * 1000);
  return lastText;
}

function formatLogTime(wall: number): string {
  const d = new Date(wall);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function line(at: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): Ev {
  return { at, kind: 'log', stream, text };
}

/** Go's net.Listen error, as Go servers log it before exiting 1. */
export function goBindFailure(port: number, at: number, prefix = ''): Ev[] {
  return [
    line(at, `${prefix}listen tcp :${port}: bind: address already in use`, 'stderr'),
    { at, kind: 'exit', code: 1 },
  ];
}

export function ok(body: string, status = 200): HttpResponse {
  return { status, body };
}
