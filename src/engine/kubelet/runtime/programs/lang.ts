/**
 * Language runtimes. Without a terminal their REPL reads an empty stdin and exits 0 at
 * once, which is why a bare `python` or `node` pod goes into CrashLoopBackOff.
 * `python -m http.server [port]` is the one server tutorials start from them.
 */
import { listDir, readFile, resolvePath, stat } from '../fs';
import { goBindFailure, line, ok, type ProgramDef } from './types';

export const python: ProgramDef = {
  names: ['python', 'python3'],
  plan(c) {
    const t = c.startedAt;
    const m = c.argv.indexOf('-m');
    if (m >= 0 && c.argv[m + 1] === 'http.server') {
      const port = Number(c.argv[m + 2] ?? 8000) || 8000;
      const root = resolvePath('/', c.spec.workingDir ?? '/');
      return {
        events: [
          { at: t + 200, kind: 'bind', port },
          line(t + 200, `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...`),
        ],
        http(_p, path) {
          const file = resolvePath(root, `.${path.split('?')[0]}`);
          if (stat(c.fs, file) === 'dir') {
            const idx = readFile(c.fs, `${file}/index.html`);
            if (idx.ok) return ok(idx.text);
            return ok(
              `<ul>\n${listDir(c.fs, file)
                .map((n) => `<li><a href="${n}">${n}</a></li>`)
                .join('\n')}\n</ul>\n`,
            );
          }
          const r = readFile(c.fs, file);
          return r.ok ? ok(r.text) : ok('Error response\nError code: 404\nMessage: File not found.\n', 404);
        },
        cpuMilli: 1,
        memory: () => 14 * 1024 * 1024,
        bindFailure: (_p, at) => [
          line(at, 'OSError: [Errno 98] Address already in use', 'stderr'),
          { at, kind: 'exit', code: 1 },
        ],
        onTerm: (at) => ({ lines: [{ at, kind: 'exit', code: 143 }], code: 143 }),
      };
    }
    const script = c.argv.find((a, i) => i > 0 && !a.startsWith('-'));
    if (script && c.argv.indexOf('-c') < 0) {
      return {
        events: [
          line(t, `${c.argv[0]}: can't open file '/${script}': [Errno 2] No such file or directory`, 'stderr'),
          { at: t, kind: 'exit', code: 2 },
        ],
        bindFailure: () => [],
      };
    }
    return { events: [{ at: t + 30, kind: 'exit', code: 0 }], bindFailure: () => [] };
  },
};

export const node: ProgramDef = {
  names: ['node'],
  plan(c) {
    const t = c.startedAt;
    const script = c.argv.find((a, i) => i > 0 && !a.startsWith('-'));
    if (script && !c.argv.includes('-e')) {
      return {
        events: [
          line(t, 'node:internal/modules/cjs/loader:1386', 'stderr'),
          line(t, '  throw err;', 'stderr'),
          line(t, '  ^', 'stderr'),
          line(t, '', 'stderr'),
          line(t, `Error: Cannot find module '${resolvePath('/', script)}'`, 'stderr'),
          { at: t + 40, kind: 'exit', code: 1 },
        ],
        bindFailure: (p, at) => goBindFailure(p, at),
      };
    }
    return { events: [{ at: t + 40, kind: 'exit', code: 0 }], bindFailure: () => [] };
  },
};
