/** Apache httpd, Redis and PostgreSQL with the log lines their official images print. */
import { EPOCH_MS } from '../../../sim/clock';
import { readFile, resolvePath } from '../fs';
import { clf } from './nginx';
import { type Ev, line, type Plan, type PlanCtx, type ProgramDef } from './types';

/** Redis' timestamp: 1:M 01 Jan 2026 09:00:00.123 */
function redisTime(ms: number): string {
  const d = new Date(EPOCH_MS + ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

/** httpd's error-log time: Thu Jan 01 09:00:00.123456 2026 */
function httpdTime(ms: number): string {
  const d = new Date(EPOCH_MS + ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${day} ${mon} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)} ${d.getUTCFullYear()}`;
}

/** busybox's httpd applet: -p port, -h home; without -f it daemonizes and PID 1 returns. */
function busyboxHttpd(c: PlanCtx): Plan {
  const arg = (flag: string) => {
    const i = c.argv.indexOf(flag);
    return i >= 0 ? c.argv[i + 1] : undefined;
  };
  const port = Number(arg('-p')?.split(':').pop() ?? 80) || 80;
  const home = resolvePath(c.spec.workingDir ?? '/', arg('-h') ?? '.');
  const at = c.startedAt + 5;
  return {
    events: [{ at, kind: 'bind', port }, ...(c.argv.includes('-f') ? [] : [{ at, kind: 'exit' as const, code: 0 }])],
    cpuMilli: 1,
    memory: () => 1024 * 1024,
    http(_port, path) {
      const p = path.split('?')[0];
      const r = readFile(c.fs, resolvePath(home, `.${p.endsWith('/') ? `${p}index.html` : p}`));
      if (r.ok) return { status: 200, body: r.text };
      return {
        status: 404,
        body: '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n',
      };
    },
    bindFailure: (p, t) => [
      line(t, `httpd: bind: Address already in use`, 'stderr'),
      { at: t, kind: 'exit', code: 1, message: `port ${p}` },
    ],
    onTerm: (t) => ({ lines: [{ at: t, kind: 'exit', code: 0 }], code: 0 }),
  };
}

export const httpd: ProgramDef = {
  names: ['httpd-foreground', 'httpd'],
  plan(c) {
    if (c.spec.os === 'busybox' || c.spec.os === 'alpine') return busyboxHttpd(c);
    const t = c.startedAt;
    const version = c.spec.version ?? 'Apache/2.4.65 (Unix)';
    const at = t + 30;
    const warn = (text: string) =>
      line(
        at,
        `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${c.podIP}. ${text}`,
        'stderr',
      );
    return {
      events: [
        warn(`Set the 'ServerName' directive globally to suppress this message`),
        warn(`Set the 'ServerName' directive globally to suppress this message`),
        { at, kind: 'bind', port: 80 },
        line(
          at,
          `[${httpdTime(at)}] [mpm_event:notice] [pid 1:tid 1] AH00489: ${version} configured -- resuming normal operations`,
          'stderr',
        ),
        line(
          at,
          `[${httpdTime(at)}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`,
          'stderr',
        ),
      ],
      cpuMilli: 1,
      memory: () => 8 * 1024 * 1024,
      accessLog: (r) => ({
        at: r.at,
        stream: 'stdout',
        text: `${r.ip} - - [${clf(r.at)}] "GET ${r.path} HTTP/1.1" ${r.status} ${r.bytes}`,
      }),
      http(_port, path) {
        const file = `/usr/local/apache2/htdocs${path.split('?')[0]}${path.endsWith('/') ? 'index.html' : ''}`;
        const r = readFile(c.fs, file);
        if (r.ok) return { status: 200, body: r.text };
        return {
          status: 404,
          body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
        };
      },
      bindFailure(port, at2) {
        return [
          line(at2, `(98)Address already in use: AH00072: make_sock: could not bind to address [::]:${port}`, 'stderr'),
          line(
            at2,
            `(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`,
            'stderr',
          ),
          line(at2, 'no listening sockets available, shutting down', 'stderr'),
          line(at2, 'AH00015: Unable to open logs', 'stderr'),
          { at: at2, kind: 'exit', code: 1 },
        ];
      },
      onTerm(at2) {
        // the image's STOPSIGNAL is SIGWINCH: a graceful stop
        return {
          lines: [
            line(
              at2,
              `[${httpdTime(at2)}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully`,
              'stderr',
            ),
            { at: at2, kind: 'exit', code: 0 },
          ],
          code: 0,
        };
      },
    };
  },
};

export const redis: ProgramDef = {
  names: ['redis-server'],
  plan(c) {
    const t = c.startedAt;
    const v = c.spec.version ?? '8.2.3';
    const portArg = c.argv.indexOf('--port');
    const port = portArg >= 0 ? Number(c.argv[portArg + 1]) : 6379;
    const m = (at: number, text: string) => line(at, `1:M ${redisTime(at)} * ${text}`);
    const at = t + 5;
    return {
      events: [
        line(t, `1:C ${redisTime(t)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`),
        line(t, `1:C ${redisTime(t)} * Redis version=${v}, bits=64, commit=00000000, modified=0, pid=1, just started`),
        line(
          t,
          `1:C ${redisTime(t)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
        ),
        m(at, 'monotonic clock: POSIX clock_gettime'),
        m(at, `Running mode=standalone, port=${port}.`),
        { at, kind: 'bind', port },
        m(at, 'Server initialized'),
        m(at, 'Ready to accept connections tcp'),
      ],
      cpuMilli: 2,
      memory: () => 3 * 1024 * 1024,
      bindFailure(p, at2) {
        return [
          line(
            at2,
            `1:M ${redisTime(at2)} # Warning: Could not create server TCP listening socket *:${p}: bind: Address already in use`,
          ),
          line(at2, `1:M ${redisTime(at2)} # Failed listening on port ${p} (tcp), aborting.`),
          { at: at2, kind: 'exit', code: 1 },
        ];
      },
      onTerm(at2) {
        const s = (text: string) => line(at2, `1:signal-handler (${Math.floor(at2 / 1000) + 1767258000}) ${text}`);
        return {
          lines: [
            s('Received SIGTERM scheduling shutdown...'),
            m(at2, 'User requested shutdown...'),
            m(at2, 'Saving the final RDB snapshot before exiting.'),
            m(at2, 'DB saved on disk'),
            line(at2, `1:M ${redisTime(at2)} # Redis is now ready to exit, bye bye...`),
            { at: at2, kind: 'exit', code: 0 },
          ],
          code: 0,
        };
      },
    };
  },
};

export const redisCli: ProgramDef = {
  names: ['redis-cli'],
  plan: () => ({ events: [{ at: 0, kind: 'exit', code: 0 }], bindFailure: () => [] }),
  exec(argv, c) {
    const cmd = argv.slice(1).filter((a) => !a.startsWith('-'));
    const up = c.p.data.m === 'pg' && (c.p.data.pg as { n?: string } | undefined)?.n === 'redis';
    if (!up)
      return { stdout: '', stderr: 'Could not connect to Redis at 127.0.0.1:6379: Connection refused\n', exitCode: 1 };
    if ((cmd[0] ?? '').toLowerCase() === 'ping') return { stdout: 'PONG\n', stderr: '', exitCode: 0 };
    return { stdout: 'OK\n', stderr: '', exitCode: 0 };
  },
};

export const postgres: ProgramDef = {
  names: ['postgres'],
  plan(c) {
    const t = c.startedAt;
    const ok = c.env.POSTGRES_PASSWORD || c.env.POSTGRES_HOST_AUTH_METHOD === 'trust';
    if (!ok) {
      const err = (text: string) => line(t, text, 'stderr');
      return {
        events: [
          err('Error: Database is uninitialized and superuser password is not specified.'),
          err('       You must specify POSTGRES_PASSWORD to a non-empty value for the'),
          err('       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'),
          err(''),
          err('       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all'),
          err('       connections without a password. This is *not* recommended.'),
          err(''),
          err('       See PostgreSQL documentation about "trust":'),
          err('       https://www.postgresql.org/docs/current/auth-trust.html'),
          { at: t, kind: 'exit', code: 1 },
        ],
        bindFailure: () => [],
      };
    }
    const v = c.spec.version ?? '18.1';
    const ready = t + 2500;
    const stamp = (at: number) => `${new Date(EPOCH_MS + at).toISOString().replace('T', ' ').slice(0, 23)} UTC [1]`;
    const events: Ev[] = [
      line(t, 'The files belonging to this database system will be owned by user "postgres".'),
      line(t, 'This user must also own the server process.'),
      line(t + 1500, 'PostgreSQL init process complete; ready for start up.'),
      line(
        ready,
        `${stamp(ready)} LOG:  starting PostgreSQL ${v} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
        'stderr',
      ),
      { at: ready, kind: 'bind', port: 5432 },
      line(ready, `${stamp(ready)} LOG:  listening on IPv4 address "0.0.0.0", port 5432`, 'stderr'),
      line(ready, `${stamp(ready)} LOG:  database system is ready to accept connections`, 'stderr'),
    ];
    return {
      events,
      cpuMilli: 3,
      memory: () => 40 * 1024 * 1024,
      bindFailure(p, at) {
        return [
          line(at, `${stamp(at)} LOG:  could not bind IPv4 address "0.0.0.0": Address already in use`, 'stderr'),
          line(at, `${stamp(at)} WARNING:  could not create listen socket for "*"`, 'stderr'),
          line(at, `${stamp(at)} FATAL:  could not create any TCP/IP sockets`, 'stderr'),
          line(at, `${stamp(at)} LOG:  database system is shut down`, 'stderr'),
          { at, kind: 'exit', code: 1, message: `port ${p}` },
        ];
      },
      onTerm(at) {
        return {
          // the image's STOPSIGNAL is SIGINT: PostgreSQL's fast shutdown
          lines: [
            line(at, `${stamp(at)} LOG:  received fast shutdown request`, 'stderr'),
            line(at, `${stamp(at)} LOG:  aborting any active transactions`, 'stderr'),
            line(at, `${stamp(at)} LOG:  shutting down`, 'stderr'),
            line(at, `${stamp(at)} LOG:  database system is shut down`, 'stderr'),
            { at, kind: 'exit', code: 0 },
          ],
          code: 0,
        };
      },
    };
  },
};

export const pgIsReady: ProgramDef = {
  names: ['pg_isready'],
  plan: () => ({ events: [{ at: 0, kind: 'exit', code: 0 }], bindFailure: () => [] }),
  exec(_argv, c) {
    const up = c.p.data.m === 'pg' && c.p.data.x === undefined && c.p.data.pg !== undefined;
    return up
      ? { stdout: '/var/run/postgresql:5432 - accepting connections\n', stderr: '', exitCode: 0 }
      : { stdout: '/var/run/postgresql:5432 - no response\n', stderr: '', exitCode: 2 };
  },
};
