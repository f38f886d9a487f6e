/**
 * The external commands pod scripts use (busybox applets or GNU coreutils), each only
 * available when the image has it. Error wording follows the flavor: busybox says
 * `cat: can't open 'x': No such file or directory`, coreutils `cat: x: No such file or directory`.
 */
import { ERRNO_TEXT, listDir, makeDir, readFile, remove, resolvePath, stat, writeFile } from '../fs';
import { type CmdResult, formatDate, type Io } from './io';
import { curl, nslookup, wget } from './net';

type Tool = (args: string[], io: Io) => CmdResult;

function flags(args: string[]): { opts: Set<string>; rest: string[] } {
  const opts = new Set<string>();
  const rest: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && /^-[A-Za-z0-9]+$/.test(a)) for (const c of a.slice(1)) opts.add(c);
    else rest.push(a);
  }
  return { opts, rest };
}

/** sleep N[smhd] | infinity; fractions allowed. Invalid → usage error. */
export function sleepMs(args: string[]): number | undefined {
  if (args.length === 0) return undefined;
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return -1;
    const m = /^(\d*\.?\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * { '': 1000, s: 1000, m: 60000, h: 3600000, d: 86400000 }[m[2] as '']!;
  }
  return Math.round(total);
}

function read(io: Io, name: string, tool: string): string | undefined {
  const r = readFile(io.fs, resolvePath(io.cwd, name));
  if (r.ok) return r.text;
  if (io.flavor === 'busybox' && tool === 'cat') io.err(`cat: can't open '${name}': ${ERRNO_TEXT[r.err]}\n`);
  else if (io.flavor === 'busybox' && r.err === 'EISDIR') io.err(`${tool}: read error: Is a directory\n`);
  else io.err(`${tool}: ${name}: ${ERRNO_TEXT[r.err]}\n`);
  return undefined;
}

/** Reads the named files (or stdin) for text filters; sets the status on a missing file. */
function inputs(files: string[], io: Io, tool: string): { text: string; code: number } {
  if (files.length === 0) return { text: io.stdin, code: 0 };
  let text = '';
  let code = 0;
  for (const f of files) {
    const t = f === '-' ? io.stdin : read(io, f, tool);
    if (t === undefined) code = 1;
    else text += t;
  }
  return { text, code };
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

function ls(args: string[], io: Io): CmdResult {
  const { opts, rest } = flags(args);
  const targets = rest.length ? rest : ['.'];
  let code = 0;
  const show = (names: string[]) => {
    if (names.length === 0) return;
    io.out(
      opts.has('l')
        ? `${names.map((n) => `-rw-r--r--    1 root     root             0 ${n}`).join('\n')}\n`
        : // not a terminal (kubectl exec without -t): one name per line
          `${names.join('\n')}\n`,
    );
  };
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const kind = stat(io.fs, resolvePath(io.cwd, t));
    if (kind === 'file') files.push(t);
    else if (kind === 'dir') dirs.push(t);
    else {
      io.err(
        io.flavor === 'busybox'
          ? `ls: ${t}: No such file or directory\n`
          : `ls: cannot access '${t}': No such file or directory\n`,
      );
      code = io.flavor === 'busybox' ? 1 : 2;
    }
  }
  show(files);
  dirs.forEach((d, i) => {
    let names = listDir(io.fs, resolvePath(io.cwd, d));
    if (!opts.has('a') && !opts.has('A')) names = names.filter((n) => !n.startsWith('.'));
    else if (opts.has('a')) names = ['.', '..', ...names];
    if (targets.length > 1) io.out(`${i > 0 || files.length ? '\n' : ''}${d}:\n`);
    show(names);
  });
  return { code };
}

function fileError(io: Io, tool: string, bb: string, gnu: string, err: keyof typeof ERRNO_TEXT): void {
  io.err(io.flavor === 'busybox' ? `${tool}: ${bb}: ${ERRNO_TEXT[err]}\n` : `${tool}: ${gnu}: ${ERRNO_TEXT[err]}\n`);
}

const TOOLS: Record<string, Tool> = {
  sleep: (args, io) => {
    const ms = sleepMs(args);
    if (ms === undefined) {
      io.err(
        io.flavor === 'busybox'
          ? `sleep: invalid number '${args[0] ?? ''}'\n`
          : `sleep: invalid time interval '${args[0] ?? ''}'\n`,
      );
      return { code: 1 };
    }
    return { code: 0, sleepMs: ms };
  },
  cat: (args, io) => {
    const { rest } = flags(args);
    const { text, code } = inputs(rest, io, 'cat');
    io.out(text);
    return { code };
  },
  ls,
  env: (args, io) => {
    if (args.length > 0 && !args[0].startsWith('-')) return { code: 0, exec: args };
    io.out(
      io
        .environ()
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    return { code: 0 };
  },
  printenv: (args, io) => {
    if (args.length === 0) {
      io.out(
        io
          .environ()
          .map(([k, v]) => `${k}=${v}\n`)
          .join(''),
      );
      return { code: 0 };
    }
    const env = new Map(io.environ());
    let code = 0;
    for (const a of args) {
      const v = env.get(a);
      if (v === undefined) code = 1;
      else io.out(`${v}\n`);
    }
    return { code };
  },
  date: (args, io) => {
    const fmt = args.find((a) => a.startsWith('+'));
    if (args.includes('-Iseconds') || args.includes('--iso-8601=seconds')) {
      io.out(`${formatDate(io.now, '%FT%T+00:00')}\n`);
    } else io.out(`${formatDate(io.now, fmt?.slice(1))}\n`);
    return { code: 0 };
  },
  hostname: (_a, io) => {
    io.out(`${io.hostname}\n`);
    return { code: 0 };
  },
  touch: (args, io) => {
    let code = 0;
    for (const f of flags(args).rest) {
      const path = resolvePath(io.cwd, f);
      if (stat(io.fs, path) !== undefined) continue;
      const err = writeFile(io.fs, path, '', true);
      if (err) {
        fileError(io, 'touch', f, `cannot touch '${f}'`, err);
        code = 1;
      }
    }
    return { code };
  },
  rm: (args, io) => {
    const { opts, rest } = flags(args);
    let code = 0;
    for (const f of rest) {
      const err = remove(io.fs, resolvePath(io.cwd, f), opts.has('r') || opts.has('R'));
      if (err === 'ENOENT' && opts.has('f')) continue;
      if (err) {
        io.err(
          io.flavor === 'busybox'
            ? `rm: can't remove '${f}': ${ERRNO_TEXT[err]}\n`
            : `rm: cannot remove '${f}': ${ERRNO_TEXT[err]}\n`,
        );
        code = 1;
      }
    }
    return { code };
  },
  mkdir: (args, io) => {
    const { opts, rest } = flags(args);
    let code = 0;
    for (const d of rest) {
      const err = makeDir(io.fs, resolvePath(io.cwd, d), opts.has('p'));
      if (err) {
        fileError(io, 'mkdir', `can't create directory '${d}'`, `cannot create directory '${d}'`, err);
        code = 1;
      }
    }
    return { code };
  },
  cp: (args, io) => copy(args, io, false),
  mv: (args, io) => copy(args, io, true),
  tee: (args, io) => {
    const { opts, rest } = flags(args);
    for (const f of rest) writeFile(io.fs, resolvePath(io.cwd, f), io.stdin, opts.has('a'));
    io.out(io.stdin);
    return { code: 0 };
  },
  head: (args, io) => slice(args, io, 'head'),
  tail: (args, io) => {
    if (args.includes('-f') || args.includes('-F')) {
      const r = slice(
        args.filter((a) => a !== '-f' && a !== '-F'),
        io,
        'tail',
      );
      return r.code === 0 ? { code: 0, sleepMs: -1 } : r;
    }
    return slice(args, io, 'tail');
  },
  wc: (args, io) => {
    const { opts, rest } = flags(args);
    const { text, code } = inputs(rest, io, 'wc');
    const l = text.split('\n').length - 1;
    const w = text.split(/\s+/).filter(Boolean).length;
    const name = rest[0] ? ` ${rest[0]}` : '';
    if (opts.has('l')) io.out(`${l}${name}\n`);
    else if (opts.has('w')) io.out(`${w}${name}\n`);
    else if (opts.has('c')) io.out(`${text.length}${name}\n`);
    else io.out(`${String(l).padStart(7)} ${String(w).padStart(7)} ${String(text.length).padStart(7)}${name}\n`);
    return { code };
  },
  grep: (args, io) => {
    const { opts, rest } = flags(args);
    const [pattern = '', ...files] = rest;
    const { text, code } = inputs(files, io, 'grep');
    let re: RegExp;
    try {
      re = new RegExp(pattern, opts.has('i') ? 'i' : '');
    } catch {
      re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
    const hits = lines(text).filter((l) => re.test(l) !== opts.has('v'));
    if (!opts.has('q')) io.out(opts.has('c') ? `${hits.length}\n` : hits.map((l) => `${l}\n`).join(''));
    return { code: code || (hits.length ? 0 : 1) };
  },
  seq: (args, io) => {
    const n = args.map((a) => Number.parseInt(a, 10));
    const [first, step, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
    const out: string[] = [];
    for (let i = first; step > 0 ? i <= last : i >= last; i += step) {
      out.push(String(i));
      if (out.length > 100000) break;
    }
    io.out(out.length ? `${out.join('\n')}\n` : '');
    return { code: 0 };
  },
  uname: (args, io) => {
    io.out(
      args.includes('-a')
        ? `Linux ${io.hostname} 6.8.0-1015-gcp #17-Ubuntu SMP x86_64 GNU/Linux\n`
        : args.includes('-r')
          ? '6.8.0-1015-gcp\n'
          : 'Linux\n',
    );
    return { code: 0 };
  },
  whoami: (_a, io) => {
    io.out('root\n');
    return { code: 0 };
  },
  id: (_a, io) => {
    io.out(
      io.flavor === 'busybox'
        ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n'
        : 'uid=0(root) gid=0(root) groups=0(root)\n',
    );
    return { code: 0 };
  },
  nproc: (_a, io) => {
    io.out('2\n');
    return { code: 0 };
  },
  basename: (args, io) => {
    io.out(`${(args[0] ?? '').replace(/\/+$/, '').split('/').pop()}\n`);
    return { code: 0 };
  },
  dirname: (args, io) => {
    const p = (args[0] ?? '').replace(/\/+$/, '');
    const i = p.lastIndexOf('/');
    io.out(`${i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i)}\n`);
    return { code: 0 };
  },
  wget,
  curl,
  nslookup,
  ps: (args, io) => {
    const procs = io.procs();
    if (io.flavor === 'busybox') {
      io.out(
        `PID   USER     TIME  COMMAND\n${procs.map((c, i) => `${String(i === 0 ? 1 : 6 + i).padStart(5)} root      0:00 ${c}\n`).join('')}`,
      );
    } else if (args.some((a) => a.includes('a') || a.includes('e'))) {
      io.out(
        `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n${procs.map((c, i) => `root     ${String(i === 0 ? 1 : 6 + i).padStart(7)}  0.0  0.0   2576   912 ?        Ss   09:00   0:00 ${c}\n`).join('')}`,
      );
    } else {
      io.out(
        `    PID TTY          TIME CMD\n${procs.map((c, i) => `${String(i === 0 ? 1 : 6 + i).padStart(7)} ?        00:00:00 ${c.split(' ')[0].split('/').pop()}\n`).join('')}`,
      );
    }
    return { code: 0 };
  },
};

function slice(args: string[], io: Io, tool: 'head' | 'tail'): CmdResult {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-n') n = Number.parseInt(args[++i] ?? '10', 10);
    else if (/^-\d+$/.test(args[i])) n = Number.parseInt(args[i].slice(1), 10);
    else if (/^-n\d+$/.test(args[i])) n = Number.parseInt(args[i].slice(2), 10);
    else files.push(args[i]);
  }
  const { text, code } = inputs(files, io, tool);
  const l = lines(text);
  const part = tool === 'head' ? l.slice(0, n) : l.slice(Math.max(0, l.length - n));
  io.out(part.length ? `${part.join('\n')}\n` : '');
  return { code };
}

function copy(args: string[], io: Io, move: boolean): CmdResult {
  const tool = move ? 'mv' : 'cp';
  const { rest } = flags(args);
  if (rest.length < 2) {
    io.err(`${tool}: missing file operand\n`);
    return { code: 1 };
  }
  const dest = rest[rest.length - 1];
  let code = 0;
  for (const src of rest.slice(0, -1)) {
    const r = readFile(io.fs, resolvePath(io.cwd, src));
    if (!r.ok) {
      fileError(io, tool, `can't stat '${src}'`, `cannot stat '${src}'`, r.err);
      code = 1;
      continue;
    }
    let to = resolvePath(io.cwd, dest);
    if (stat(io.fs, to) === 'dir') to = `${to}/${src.split('/').pop()}`;
    const err = writeFile(io.fs, to, r.text, false);
    if (err) {
      fileError(io, tool, `can't create '${dest}'`, `cannot create regular file '${dest}'`, err);
      code = 1;
    } else if (move) remove(io.fs, resolvePath(io.cwd, src), false);
  }
  return { code };
}

export function tool(name: string): Tool | undefined {
  return Object.hasOwn(TOOLS, name) ? TOOLS[name] : undefined;
}
