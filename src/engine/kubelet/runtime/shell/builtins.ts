/**
 * Commands the shell runs itself, whatever the image holds: echo, printf, test, exit,
 * export, cd, trap, exec, eval... (ash and dash have these built in).
 */
import { readFile, resolvePath, stat } from '../fs';
import type { CmdResult, Io } from './io';

type Builtin = (args: string[], io: Io) => CmdResult;

/**
 * echo: ash (busybox) and bash take -n, -e and -E and read escapes only with -e; dash
 * (sh on Debian) takes only -n and always reads escapes.
 */
function echo(args: string[], io: Io): CmdResult {
  let newline = true;
  const dash = io.flavor === 'gnu' && io.shell === 'sh';
  let escapes = dash;
  let i = 0;
  while (i < args.length && (dash ? args[i] === '-n' : /^-[neE]+$/.test(args[i]))) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
    i++;
  }
  let text = args.slice(i).join(' ');
  if (escapes) text = backslashEscapes(text);
  io.out(text + (newline ? '\n' : ''));
  return { code: 0 };
}

function backslashEscapes(s: string): string {
  return s.replace(/\\([ntr\\0]|c)/g, (_m, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\\' ? '\\' : '',
  );
}

function printf(args: string[], io: Io): CmdResult {
  const [format = '', ...rest] = args;
  let i = 0;
  // printf reuses the format while arguments remain
  do {
    io.out(
      backslashEscapes(format).replace(/%([-0-9.]*)([sdfx%])/g, (_m, w: string, c: string) => {
        if (c === '%') return '%';
        const a = rest[i++] ?? '';
        const width = Number.parseInt(w, 10);
        let v = c === 'd' ? String(Number.parseInt(a, 10) || 0) : c === 'f' ? (Number(a) || 0).toFixed(6) : a;
        if (c === 'x') v = (Number.parseInt(a, 10) || 0).toString(16);
        if (!Number.isNaN(width))
          v = w.startsWith('-') ? v.padEnd(-width) : v.padStart(width, w.startsWith('0') ? '0' : ' ');
        return v;
      }),
    );
  } while (i > 0 && i < rest.length);
  return { code: 0 };
}

/** test / [ : the file, string and integer tests scripts use. */
export function test(args: string[], io: Io): boolean {
  const a = [...args];
  if (a[0] === '!') return !test(a.slice(1), io);
  const ai = a.indexOf('-a');
  if (ai > 0) return test(a.slice(0, ai), io) && test(a.slice(ai + 1), io);
  const oi = a.indexOf('-o');
  if (oi > 0) return test(a.slice(0, oi), io) || test(a.slice(oi + 1), io);
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    const [op, x] = a;
    const kind = () => stat(io.fs, resolvePath(io.cwd, x));
    switch (op) {
      case '-z':
        return x === '';
      case '-n':
        return x !== '';
      case '-e':
      case '-r':
      case '-w':
      case '-x':
        return kind() !== undefined;
      case '-f':
        return kind() === 'file';
      case '-d':
        return kind() === 'dir';
      case '-s': {
        const r = readFile(io.fs, resolvePath(io.cwd, x));
        return r.ok && r.text !== '';
      }
    }
    return false;
  }
  const [l, op, r] = a;
  const n = (s: string) => Number.parseInt(s, 10) || 0;
  switch (op) {
    case '=':
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '-eq':
      return n(l) === n(r);
    case '-ne':
      return n(l) !== n(r);
    case '-lt':
      return n(l) < n(r);
    case '-le':
      return n(l) <= n(r);
    case '-gt':
      return n(l) > n(r);
    case '-ge':
      return n(l) >= n(r);
  }
  return false;
}

const BUILTINS: Record<string, Builtin> = {
  echo,
  printf,
  true: () => ({ code: 0 }),
  false: () => ({ code: 1 }),
  ':': () => ({ code: 0 }),
  exit: (args, io) => ({
    code: args[0] === undefined ? Number(io.lookup('?') ?? 0) : (Number.parseInt(args[0], 10) || 0) & 255,
    exit: true,
  }),
  test: (args, io) => ({ code: test(args, io) ? 0 : 1 }),
  '[': (args, io) => {
    if (args[args.length - 1] !== ']') {
      io.err('sh: missing ]\n');
      return { code: 2 };
    }
    return { code: test(args.slice(0, -1), io) ? 0 : 1 };
  },
  export: (args, io) => {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) io.assign(a.slice(0, eq), a.slice(eq + 1));
      if (eq !== 0) io.exportVar(eq > 0 ? a.slice(0, eq) : a);
    }
    return { code: 0 };
  },
  unset: (args, io) => {
    for (const a of args) if (a !== '-v') io.unset(a);
    return { code: 0 };
  },
  cd: (args, io) => {
    const dir = resolvePath(io.cwd, args[0] ?? io.lookup('HOME') ?? '/');
    if (stat(io.fs, dir) !== 'dir') {
      io.err(
        io.flavor === 'gnu'
          ? `sh: 1: cd: can't cd to ${args[0]}\n`
          : `sh: cd: can't cd to ${args[0]}: No such file or directory\n`,
      );
      return { code: io.flavor === 'gnu' ? 2 : 1 };
    }
    io.setCwd(dir);
    return { code: 0 };
  },
  pwd: (_a, io) => {
    io.out(`${io.cwd}\n`);
    return { code: 0 };
  },
  set: () => ({ code: 0 }),
  shift: () => ({ code: 0 }),
  local: (args, io) => {
    for (const a of args) {
      const eq = a.indexOf('=');
      if (eq > 0) io.assign(a.slice(0, eq), a.slice(eq + 1));
    }
    return { code: 0 };
  },
  wait: () => ({ code: 0, waitBg: true }),
  read: () => ({ code: 1 }),
  trap: (args, io) => {
    if (args.length < 2) return { code: 0 };
    const [action, ...signals] = args;
    const NUMBERED: Record<string, string> = { '1': 'HUP', '2': 'INT', '3': 'QUIT', '15': 'TERM' };
    for (const s of signals) {
      const name = NUMBERED[s] ?? s.replace(/^SIG/, '').toUpperCase();
      io.setTrap(name, action === '-' ? undefined : action);
    }
    return { code: 0 };
  },
  eval: (args, io) => ({ code: io.evalScript(args.join(' '), []) }),
  exec: (args) => (args.length === 0 ? { code: 0 } : { code: 0, exec: args }),
  kill: (args, io) => {
    if (args.length === 0) {
      io.err('kill: usage: kill [-s sigspec | -signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
      return { code: 2 };
    }
    let signal = 'TERM';
    const pids: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-s') signal = args[++i] ?? 'TERM';
      else if (/^-\w+$/.test(a)) signal = a.slice(1);
      else pids.push(a);
    }
    signal =
      ({ '9': 'KILL', '15': 'TERM', '2': 'INT', '3': 'QUIT', '1': 'HUP' } as Record<string, string>)[signal] ??
      signal.replace(/^SIG/, '').toUpperCase();
    let code = 0;
    for (const pid of pids) {
      if (pid === '1') io.signalMain?.(signal);
      else if (pid !== '0' && pid !== '$$') {
        io.err(`sh: can't kill pid ${pid}: No such process\n`);
        code = 1;
      }
    }
    return { code };
  },
};

export function builtin(name: string): Builtin | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
}
