/**
 * The playground's demo web app (docker.io/playground/web). Its behaviour switches are
 * environment variables (see images/playground.ts), read when the process starts.
 */
import { EPOCH_MS } from '../../../sim/clock';
import type { HttpResponse } from '../types';
import { type Ev, goBindFailure, line, logTime, ok, type ProgramDef } from './types';

const MIB = 1024 * 1024;

function num(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export const web: ProgramDef = {
  names: ['/web'],
  plan(c) {
    const t = c.startedAt;
    const env = c.env;
    const version = env.VERSION ?? c.spec.version ?? 'v1';
    const port = num(env.PORT) ?? 8080;
    const delay = (num(env.START_DELAY) ?? 0) * 1000;
    const crash = num(env.CRASH_AFTER);
    const work = num(env.WORK_SECONDS);
    const leak = num(env.LEAK_MB_PER_S) ?? 0;
    const unready = /^(1|true|yes)$/i.test(env.UNREADY ?? '');
    const log = (at: number, text: string) => line(at, `${logTime(at, EPOCH_MS)} ${text}`);
    const events: Ev[] = [log(t, `web ${version} starting on ${c.hostname}`)];
    if (work !== undefined) {
      // a batch job: progress every second, then success
      const end = t + work * 1000;
      events.push(log(end, `work done in ${work}s`), { at: end, kind: 'exit', code: 0 });
      return {
        events,
        periodic: {
          from: t + 1000,
          every: 1000,
          stream: 'stdout',
          text: (i, at) => (at < end ? `${logTime(at, EPOCH_MS)} working... ${i + 1}/${work}` : ''),
        },
        bindFailure: () => [],
        cpuMilli: 100,
        memory: () => 8 * MIB,
        onTerm: (at) => ({
          lines: [log(at, 'received SIGTERM, stopping work'), { at, kind: 'exit', code: 143 }],
          code: 143,
        }),
      };
    }
    if (delay > 0) events.push(log(t, `warming up for ${delay / 1000}s (START_DELAY)`));
    events.push({ at: t + delay, kind: 'bind', port }, log(t + delay, `listening on :${port}`));
    if (crash !== undefined) {
      const at = t + crash * 1000;
      events.push(line(at, `${logTime(at, EPOCH_MS)} fatal: simulated crash after ${crash}s (CRASH_AFTER)`, 'stderr'), {
        at,
        kind: 'exit',
        code: 1,
      });
    }
    events.sort((a, b) => a.at - b.at);
    const plan = {
      events,
      periodic:
        leak > 0
          ? {
              from: t + 1000,
              every: 1000,
              stream: 'stdout' as const,
              text: (i: number, at: number) =>
                `${logTime(at, EPOCH_MS)} allocated ${leak} MiB, holding ${20 + leak * (i + 1)} MiB (LEAK_MB_PER_S)`,
            }
          : undefined,
      cpuMilli: 5,
      accessLog: (r: { ip: string; path: string; status: number; at: number }) => ({
        at: r.at,
        stream: 'stdout' as const,
        text: `${logTime(r.at, EPOCH_MS)} ${r.ip} GET ${r.path} ${r.status}`,
      }),
      memory: (now: number) => (20 + (leak * Math.max(0, now - t)) / 1000) * MIB,
      http(_p: number, path: string, now: number): HttpResponse {
        const p = path.split('?')[0];
        if (p === '/healthz') return ok('ok\n');
        if (p === '/ready') return unready ? ok('not ready (UNREADY)\n', 503) : ok('ready\n');
        if (p === '/version') return ok(`${version}\n`);
        if (p === '/' || p === '/index.html') {
          return ok(
            `Hello from web ${version}\nServed by pod ${c.hostname} (${c.podIP}) at ${logTime(now, EPOCH_MS)}\n`,
          );
        }
        return ok('404 page not found\n', 404);
      },
      bindFailure: (p: number, at: number) => goBindFailure(p, at, `${logTime(at, EPOCH_MS)} `),
      onTerm: (at: number) => ({
        lines: [log(at, 'received SIGTERM, shutting down gracefully'), { at, kind: 'exit' as const, code: 0 }],
        code: 0,
      }),
    };
    return plan;
  },
};
