/**
 * Kubernetes' own images: agnhost (the e2e test server the docs' probe examples use),
 * goproxy, hello-app, pause, and the control-plane daemons with their health ports.
 */
import { EPOCH_MS } from '../../../sim/clock';
import type { HttpResponse } from '../types';
import { goBindFailure, line, logTime, ok, type Plan, type PlanCtx, type ProgramDef } from './types';

/** Go programs as PID 1 without a SIGTERM handler: the runtime's default handler exits 2. */
function goTerm(at: number): { lines: Plan['events']; code: number } {
  return { lines: [{ at, kind: 'exit', code: 2 }], code: 2 };
}

function flag(argv: string[], name: string, def: number): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === `--${name}` || a === `-${name}`) return Number(argv[i + 1]);
    const m = new RegExp(`^--?${name}=(\\d+)$`).exec(a);
    if (m) return Number(m[1]);
  }
  return def;
}

function server(c: PlanCtx, ports: number[], http: Plan['http'], lines: string[] = [], cpu = 1, mem = 6): Plan {
  const at = c.startedAt + 10;
  return {
    events: [...lines.map((l) => line(at, l, 'stderr')), ...ports.map((port) => ({ at, kind: 'bind' as const, port }))],
    http,
    cpuMilli: cpu,
    memory: () => mem * 1024 * 1024,
    bindFailure: (port, t) => goBindFailure(port, t),
    onTerm: goTerm,
  };
}

export const agnhost: ProgramDef = {
  names: ['/agnhost', 'agnhost'],
  plan(c) {
    const sub = c.argv[1] ?? '';
    const started = c.startedAt;
    switch (sub) {
      case 'liveness':
        // test/images/agnhost/liveness: /healthz is 200 for the first 10 seconds, then 500
        return server(c, [8080], (_p, path, now): HttpResponse => {
          if (path.split('?')[0] !== '/healthz') return ok('404 page not found\n', 404);
          const s = (now - started) / 1000;
          return s > 10 ? ok(`error: ${s.toFixed(6)}`, 500) : ok('ok');
        });
      case 'netexec': {
        const port = flag(c.argv, 'http-port', 8080);
        return server(
          c,
          [port, flag(c.argv, 'udp-port', 8081)],
          (_p, path): HttpResponse => {
            const [p, q = ''] = path.split('?');
            if (p === '/hostname') return ok(c.hostname);
            if (p === '/echo') return ok(decodeURIComponent(/(?:^|&)msg=([^&]*)/.exec(q)?.[1] ?? ''));
            if (p === '/healthz' || p === '/' || p === '/clientip')
              return ok(p === '/clientip' ? '10.244.0.1:43210' : 'NOW: ok');
            if (p === '/exit') return ok('');
            return ok('404 page not found\n', 404);
          },
          [`Started HTTP server on port ${port}`, `Started UDP server on port  ${flag(c.argv, 'udp-port', 8081)}`],
        );
      }
      case 'serve-hostname': {
        const port = flag(c.argv, 'port', 9376);
        return server(c, [port], () => ok(c.hostname), [`Serving on port ${port}.`]);
      }
      case 'pause':
        return {
          events: [line(started, 'Paused', 'stderr')],
          bindFailure: () => [],
          onTerm: (at) => ({
            lines: [
              line(at, 'Shutting down after receiving signal: terminated.', 'stderr'),
              { at, kind: 'exit', code: 0 },
            ],
            code: 0,
          }),
        };
      case 'test-webserver':
        return server(c, [flag(c.argv, 'port', 80)], () => ok('NOW: ok'));
      default:
        return {
          events: [
            line(started, `Error: unknown command "${sub}" for "agnhost"`, 'stderr'),
            line(started, "Run 'agnhost --help' for usage.", 'stderr'),
            { at: started, kind: 'exit', code: 1 },
          ],
          bindFailure: () => [],
        };
    }
  },
};

export const goproxy: ProgramDef = {
  names: ['/goproxy'],
  plan: (c) => server(c, [8080], () => ok('', 400)),
};

export const helloApp: ProgramDef = {
  names: ['/hello-app', './hello-app'],
  plan(c) {
    const port = Number(c.env.PORT ?? 8080) || 8080;
    const version = c.spec.version ?? '1.0.0';
    return {
      ...server(c, [port], () => ok(`Hello, world!\nVersion: ${version}\nHostname: ${c.hostname}\n`)),
      accessLog: (r) => ({ at: r.at, stream: 'stderr', text: `${logTime(r.at, EPOCH_MS)} Serving request: ${r.path}` }),
      events: [
        line(c.startedAt + 10, `${logTime(c.startedAt + 10, EPOCH_MS)} Server listening on port ${port}`, 'stderr'),
        { at: c.startedAt + 10, kind: 'bind', port },
      ],
    };
  },
};

export const pause: ProgramDef = {
  names: ['/pause'],
  plan: () => ({
    events: [],
    bindFailure: () => [],
    memory: () => 300 * 1024,
    onTerm: (at) => ({
      lines: [line(at, 'Shutting down, got signal: Terminated', 'stderr'), { at, kind: 'exit', code: 0 }],
      code: 0,
    }),
  }),
};

/** health endpoints of the control plane (kubeadm's static pod probes) */
const DAEMONS: Record<string, { ports: number[]; health: Record<string, string> }> = {
  'kube-apiserver': { ports: [6443], health: { '/livez': 'ok', '/readyz': 'ok', '/healthz': 'ok' } },
  'kube-controller-manager': { ports: [10257], health: { '/healthz': 'ok' } },
  'kube-scheduler': { ports: [10259], health: { '/healthz': 'ok', '/livez': 'ok', '/readyz': 'ok' } },
  'kube-proxy': {
    ports: [10256, 10249],
    health: { '/healthz': '{"lastUpdated":"","currentTime":""}', '/livez': 'ok' },
  },
  etcd: {
    ports: [2379, 2380, 2381],
    health: { '/health': '{"health":"true","reason":""}', '/livez': 'ok', '/readyz': 'ok' },
  },
  '/coredns': { ports: [53, 8080, 8181, 9153], health: { '/health': 'OK', '/ready': 'OK' } },
  '/run.sh': { ports: [24231], health: {} },
};

export const daemon: ProgramDef = {
  names: [
    ...Object.keys(DAEMONS),
    '/go-runner',
    '/usr/local/bin/etcd',
    '/usr/local/bin/kube-proxy',
    'td-agent',
    'fluentd',
  ],
  plan(c) {
    let argv = c.argv;
    if (argv[0] === '/go-runner') argv = argv.slice(1);
    const base = argv[0] ?? '';
    const name = DAEMONS[base]
      ? base
      : (Object.keys(DAEMONS).find((k) => k.endsWith(base.slice(base.lastIndexOf('/') + 1))) ?? '/run.sh');
    const d = DAEMONS[name];
    const lines =
      name === '/coredns' ? ['.:53', `CoreDNS-${c.spec.version ?? '1.12.1'}`, 'linux/amd64, go1.24.1, 707c7c1'] : [];
    return server(
      c,
      d.ports,
      (_p, path) => {
        const body = d.health[path.split('?')[0]];
        return body === undefined ? ok('404 page not found\n', 404) : ok(body);
      },
      lines,
      name === 'kube-apiserver' ? 60 : 5,
      name === 'kube-apiserver' ? 250 : 40,
    );
  },
};
