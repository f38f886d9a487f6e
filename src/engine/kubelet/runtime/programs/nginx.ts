/**
 * nginx as the official image runs it: /docker-entrypoint.sh (1.19 and later) prints its
 * configuration steps to stdout, nginx writes notices to stderr, serves files from the
 * `root` of conf.d/default.conf (normally /usr/share/nginx/html, often a volume), and
 * answers missing paths with its 404 page. STOPSIGNAL SIGQUIT in the newer images makes
 * a pod deletion a graceful shutdown; SIGTERM is a fast one.
 */
import { EPOCH_MS } from '../../../sim/clock';
import { readFile, stat } from '../fs';
import type { HttpResponse } from '../types';
import { type Ev, line, logTime, type PlanCtx, type ProgramDef } from './types';

function errorPage(status: number, title: string, version: string): string {
  return `<html>\n<head><title>${status} ${title}</title></head>\n<body>\n<center><h1>${status} ${title}</h1></center>\n<hr><center>${version}</center>\n</body>\n</html>\n`;
}

/** listen ports and document root from the server blocks in /etc/nginx/conf.d. */
function config(c: PlanCtx): { ports: number[]; root: string } {
  const conf = readFile(c.fs, '/etc/nginx/conf.d/default.conf');
  const text = conf.ok ? conf.text : 'listen 80; root /usr/share/nginx/html;';
  const ports = [...text.matchAll(/^\s*listen\s+(?:[\d.]+:)?(\d+)[^;]*;/gm)].map((m) => Number(m[1]));
  const root = /^\s*root\s+([^;\s]+)\s*;/m.exec(text)?.[1] ?? '/usr/share/nginx/html';
  return { ports: ports.length ? [...new Set(ports)] : [80], root };
}

/** Common Log Format time: 01/Jan/2026:09:00:05 +0000 */
export function clf(ms: number): string {
  const d = new Date(EPOCH_MS + ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The workers the master starts: one per CPU (worker_processes auto on a 2-CPU node). */
const WORKERS = [29, 30];

function notice(at: number, text: string, pid = 1): Ev {
  return line(at, `${logTime(at, EPOCH_MS)} [notice] ${pid}#${pid}: ${text}`, 'stderr');
}

export const nginx: ProgramDef = {
  names: ['nginx', '/usr/sbin/nginx', '/docker-entrypoint.sh'],
  plan(c) {
    const version = c.spec.version ?? 'nginx/1.27.3';
    const minor = Number(/nginx\/1\.(\d+)/.exec(version)?.[1] ?? 27);
    const entry = c.argv[0] === '/docker-entrypoint.sh';
    const argv = entry ? c.argv.slice(1) : c.argv;
    const t = c.startedAt;
    const events: Ev[] = [];
    const { ports, root } = config(c);
    if (entry && argv[0] === 'nginx') {
      const ipv6 = '10-listen-on-ipv6-by-default.sh';
      for (const text of [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        `/docker-entrypoint.sh: Launching /docker-entrypoint.d/${ipv6}`,
        `${ipv6}: info: Getting the checksum of /etc/nginx/conf.d/default.conf`,
        `${ipv6}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`,
        ...(minor >= 25 ? ['/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh'] : []),
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ]) {
        events.push(line(t, text));
      }
    }
    const started = t + (entry ? 40 : 5);
    for (const port of ports) events.push({ at: started, kind: 'bind', port });
    // images before 1.19 log at "warn" level only: a healthy start prints nothing
    if (minor >= 19) {
      events.push(
        notice(started, 'using the "epoll" event method'),
        notice(started, version),
        notice(started, 'built by gcc 12.2.0 (Debian 12.2.0-14)'),
        notice(started, 'OS: Linux 6.8.0-1015-gcp'),
        notice(started, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
        notice(started, 'start worker processes'),
        ...WORKERS.map((w) => notice(started, `start worker process ${w}`)),
      );
    }
    // without `daemon off;` the master forks into the background and PID 1 returns at
    // once: the container completes, the classic `command: [nginx]` crash loop
    if (!argv.join(' ').includes('daemon off')) events.push({ at: started + 5, kind: 'exit', code: 0 });
    const graceful = c.spec.stopSignal === 'SIGQUIT';
    return {
      events,
      accessLog: (r) => ({
        at: r.at,
        stream: 'stdout',
        text: `${r.ip} - - [${clf(r.at)}] "GET ${r.path} HTTP/1.1" ${r.status} ${r.bytes} "-" "${r.userAgent}" "-"`,
      }),
      cpuMilli: 1,
      memory: () => 12 * 1024 * 1024,
      http(_port, path): HttpResponse {
        const clean = path.split('?')[0];
        let file = `${root}${clean}`;
        if (clean.endsWith('/')) file += 'index.html';
        else if (stat(c.fs, file) === 'dir') return { status: 301, body: errorPage(301, 'Moved Permanently', version) };
        const r = readFile(c.fs, file);
        if (r.ok) return { status: 200, body: r.text };
        if (r.err === 'EISDIR') return { status: 403, body: errorPage(403, 'Forbidden', version) };
        return { status: 404, body: errorPage(404, 'Not Found', version) };
      },
      bindFailure(port, at) {
        // nginx retries the bind five times, half a second apart, then gives up
        const out: Ev[] = [];
        for (let i = 0; i < 5; i++) {
          out.push(
            line(
              at + i * 500,
              `nginx: [emerg] bind() to 0.0.0.0:${port} failed (98: Address already in use)`,
              'stderr',
            ),
          );
          out.push(
            line(at + i * 500, `nginx: [emerg] bind() to [::]:${port} failed (98: Address already in use)`, 'stderr'),
          );
        }
        out.push(line(at + 2500, 'nginx: [emerg] still could not bind()', 'stderr'));
        out.push({ at: at + 2500, kind: 'exit', code: 1 });
        return out;
      },
      onTerm(at) {
        const lines: Ev[] = graceful
          ? [
              notice(at, 'signal 3 (SIGQUIT) received, shutting down'),
              ...WORKERS.flatMap((w) => [
                notice(at, 'gracefully shutting down', w),
                notice(at, 'exiting', w),
                notice(at, 'exit', w),
              ]),
            ]
          : [
              notice(at, 'signal 15 (SIGTERM) received, exiting'),
              ...WORKERS.flatMap((w) => [notice(at, 'exiting', w), notice(at, 'exit', w)]),
            ];
        lines.push(
          ...WORKERS.flatMap((w) => [
            notice(at, `signal 17 (SIGCHLD) received from ${w}`),
            notice(at, `worker process ${w} exited with code 0`),
          ]),
          notice(at, 'exit'),
          { at, kind: 'exit', code: 0 },
        );
        return { lines: minor >= 19 ? lines : [{ at, kind: 'exit', code: 0 }], code: 0 };
      },
    };
  },
  exec(argv, c) {
    const version = c.spec.version ?? 'nginx/1.27.3';
    if (argv.includes('-v')) return { stdout: '', stderr: `nginx version: ${version}\n`, exitCode: 0 };
    if (argv.includes('-t')) {
      return {
        stdout: '',
        stderr:
          'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
        exitCode: 0,
      };
    }
    const s = argv.indexOf('-s');
    if (s >= 0) {
      const sig = argv[s + 1];
      if (sig === 'quit' || sig === 'stop') return { stdout: '', stderr: '', exitCode: 0, quit: true };
      if (sig === 'reload' || sig === 'reopen') return { stdout: '', stderr: '', exitCode: 0 };
    }
    return undefined;
  },
};
