/**
 * Runs a compiled script against virtual time. All state is the JSON object ShState;
 * a step runs instructions until the script sleeps, exits, execs a program, or uses up
 * its instruction budget (a loop without a sleep then yields instead of hanging the
 * simulation, as a busy process would share the CPU).
 */
import { ERRNO_TEXT, readFile, resolvePath, stat, writeFile } from '../fs';
import type { Node, Redir } from './ast';
import { builtin } from './builtins';
import { compile } from './compile';
import { tool } from './coreutils';
import { type ExpandEnv, ExpansionError, expandToString, expandWord } from './expand';
import type { CmdResult, Io } from './io';
import {
  assign,
  createError,
  environ,
  lookup,
  notFoundText,
  type Outcome,
  type ShellHost,
  type ShState,
} from './state';

export { newShell, type Outcome, type ShellHost, type ShState } from './state';

/** The largest file a script may grow (a log loop must not fill the browser's memory). */
const MAX_FILE = 256 * 1024;

type Sink = { kind: 'log'; fd: 1 | 2 } | { kind: 'file'; path: string } | { kind: 'capture' } | { kind: 'null' };

/** Where the streams of one command go, after its redirections. */
interface Streams {
  sinks: [Sink, Sink];
  stdin: string;
  capture: string[];
}

export class Interp {
  constructor(
    private s: ShState,
    private host: ShellHost,
    private sync = false,
  ) {}

  private expandEnv(): ExpandEnv {
    return {
      lookup: (n) => lookup(this.s, this.host, n),
      assign: (n, v) => assign(this.s, n, v),
      substitute: (src) => this.subshell(src, []).stdout,
      fs: this.host.fs,
      cwd: this.s.cwd ?? '/',
      error: (m) => this.host.write(2, `${this.s.sh}: ${m}\n`, this.s.t),
    };
  }

  /** $(...), eval and nested `sh -c`: run to completion at once, sleeps ignored. */
  subshell(src: string, args: string[], captureOut = true): { status: number; stdout: string; exited: boolean } {
    const child: ShState = { ...this.s, src, pc: 0, loops: undefined, wait: undefined, execEnd: undefined };
    if (args.length) {
      child.a0 = args[0];
      child.args = args.slice(1);
    }
    let stdout = '';
    const host: ShellHost = {
      ...this.host,
      write: (fd, text, at) => {
        if (fd === 1 && captureOut) stdout += text;
        else this.host.write(fd, text, at);
      },
    };
    const out = new Interp(child, host, true).run(Number.POSITIVE_INFINITY, 20000);
    if (!captureOut) {
      // eval shares the caller's variables
      this.s.vars = child.vars;
      this.s.unset = child.unset;
      this.s.exported = child.exported;
      this.s.cwd = child.cwd;
    }
    return {
      status: out.k === 'exit' ? out.code : child.st,
      stdout,
      exited: out.k === 'exit' && out.explicit === true,
    };
  }

  /** Runs until the script blocks past `now`, ends, or spends `budget` instructions. */
  run(now: number, budget: number): Outcome {
    const s = this.s;
    if (s.wait !== undefined) {
      if (s.wait === -1 || s.wait > now) return s.wait === -1 ? { k: 'forever' } : { k: 'sleep', until: s.wait };
      s.t = s.wait;
      s.wait = undefined;
      if (s.execEnd) return { k: 'exit', code: s.st };
    }
    const prog = compile(s.src);
    if (!prog.ok) {
      const text =
        s.sh === 'bash'
          ? `bash: -c: line 1: syntax error: ${prog.error}\n`
          : this.host.flavor === 'gnu'
            ? `sh: 1: Syntax error: ${prog.error}\n`
            : `sh: syntax error: ${prog.error}\n`;
      this.host.write(2, text, s.t);
      return { k: 'exit', code: 2 };
    }
    const code = prog.code;
    for (let spent = 0; spent < budget; spent++) {
      if (s.pc >= code.length) return { k: 'exit', code: s.st };
      const ins = code[s.pc++];
      switch (ins.o) {
        case 'j':
          s.pc = ins.to;
          break;
        case 'jt':
          if (s.st === 0) s.pc = ins.to;
          break;
        case 'jf':
          if (s.st !== 0) s.pc = ins.to;
          break;
        case 'neg':
          s.st = s.st === 0 ? 1 : 0;
          break;
        case 'st':
          s.st = ins.v;
          break;
        case 'bg':
          s.bg = ins.on || undefined;
          break;
        case 'fi': {
          const env = this.expandEnv();
          const items = ins.items ? ins.items.flatMap((w) => expandWord(w, env)) : [...(s.args ?? [])];
          s.loops = [...(s.loops ?? []), { items, i: 0 }];
          break;
        }
        case 'fn': {
          const loop = s.loops?.[s.loops.length - 1];
          if (!loop || loop.i >= loop.items.length) s.pc = ins.to;
          else assign(s, ins.v, loop.items[loop.i++]);
          break;
        }
        case 'fp':
          s.loops?.pop();
          if (s.loops?.length === 0) s.loops = undefined;
          break;
        case 'pipe': {
          let stdin = '';
          ins.n.cmds.forEach((c, i) => {
            if (c.k !== 'cmd') return;
            const last = i === ins.n.cmds.length - 1;
            const r = this.simple(c, stdin, !last);
            stdin = r.captured;
          });
          if (ins.n.neg) s.st = s.st === 0 ? 1 : 0;
          break;
        }
        case 'cmd': {
          const r = this.simple(ins.n, '', false);
          if (r.outcome) return r.outcome;
        }
      }
    }
    return { k: 'yield' };
  }

  /** One simple command: expansion, redirections, then a builtin, a tool or a program. */
  private simple(
    n: Extract<Node, { k: 'cmd' }>,
    stdin: string,
    capture: boolean,
  ): { captured: string; outcome?: Outcome } {
    const s = this.s;
    const env = this.expandEnv();
    let argv: string[];
    const temp: Record<string, string> = {};
    try {
      argv = n.words.flatMap((w) => expandWord(w, env));
      for (const a of n.assigns) {
        const v = expandToString(a.value, env);
        if (n.words.length === 0) assign(s, a.name, v);
        else temp[a.name] = v;
      }
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      this.host.write(2, `${s.sh}: ${e.message}\n`, s.t);
      return { captured: '', outcome: { k: 'exit', code: 2 } };
    }
    const streams = this.redirect(n.redirs, stdin, capture, n.line);
    if (!streams) {
      s.st = this.host.flavor === 'gnu' ? 2 : 1;
      return { captured: '' };
    }
    if (argv.length === 0) {
      s.st = 0;
      return { captured: '' };
    }
    const result = this.dispatch(argv, streams, temp, n.line);
    const captured = streams.capture.join('');
    s.st = result.code;
    if (result.exit) return { captured, outcome: { k: 'exit', code: result.code, explicit: true } };
    if (result.exec) {
      const target = result.exec;
      if (this.host.isProgram(target[0])) {
        return { captured, outcome: { k: 'exec', argv: target, env: Object.fromEntries(environ(s, this.host, temp)) } };
      }
      const r2 = this.dispatch(target, streams, temp, n.line);
      s.st = r2.code;
      if (r2.sleepMs === undefined) return { captured, outcome: { k: 'exit', code: r2.code } };
      s.execEnd = true;
      result.sleepMs = r2.sleepMs;
    }
    if (result.sleepMs !== undefined && s.bg) {
      // `sleep N &`: the script goes on; a later `wait` waits for it
      s.bgw = result.sleepMs === -1 || s.bgw === -1 ? -1 : Math.max(s.bgw ?? 0, s.t + result.sleepMs);
    }
    if (result.waitBg && s.bgw !== undefined && !this.sync) {
      result.sleepMs = s.bgw === -1 ? -1 : Math.max(0, s.bgw - s.t);
      s.bgw = undefined;
    }
    if (result.sleepMs !== undefined && !this.sync && !s.bg) {
      if (result.sleepMs === -1) {
        s.wait = -1;
        return { captured, outcome: { k: 'forever' } };
      }
      s.wait = s.t + result.sleepMs;
      return { captured, outcome: { k: 'sleep', until: s.wait } };
    }
    return { captured };
  }

  private redirect(redirs: Redir[], stdin: string, capture: boolean, line: number): Streams | undefined {
    const st: Streams = {
      sinks: [capture ? { kind: 'capture' } : { kind: 'log', fd: 1 }, { kind: 'log', fd: 2 }],
      stdin,
      capture: [],
    };
    const env = this.expandEnv();
    for (const r of redirs) {
      if (r.op === '>&') {
        if ((r.fd === 1 || r.fd === 2) && (r.to === 1 || r.to === 2)) st.sinks[r.fd - 1] = st.sinks[r.to - 1];
        continue;
      }
      const target = expandToString(r.target, env);
      const path = resolvePath(this.s.cwd ?? '/', target);
      if (r.op === '<') {
        const f = readFile(this.host.fs, path);
        if (!f.ok) {
          this.host.write(
            2,
            this.host.flavor === 'gnu'
              ? `sh: ${line}: cannot open ${target}: No such file\n`
              : `sh: can't open '${target}': ${ERRNO_TEXT[f.err]}\n`,
            this.s.t,
          );
          return undefined;
        }
        st.stdin = f.text;
        continue;
      }
      let sink: Sink;
      if (path === '/dev/null') sink = { kind: 'null' };
      else if (path === '/dev/stdout' || path === '/proc/1/fd/1' || path === '/proc/self/fd/1')
        sink = { kind: 'log', fd: 1 };
      else if (path === '/dev/stderr' || path === '/proc/1/fd/2' || path === '/proc/self/fd/2')
        sink = { kind: 'log', fd: 2 };
      else {
        const err = writeFile(this.host.fs, path, '', r.op === '>>');
        if (err) {
          this.host.write(2, createError(this.s, this.host, target, err, line), this.s.t);
          return undefined;
        }
        sink = { kind: 'file', path };
      }
      if (r.op === '&>') st.sinks = [sink, sink];
      else if (r.fd === 1 || r.fd === 2) st.sinks[r.fd - 1] = sink;
    }
    return st;
  }

  private emit(st: Streams, fd: 1 | 2, text: string): void {
    const sink = st.sinks[fd - 1];
    if (sink.kind === 'log') this.host.write(sink.fd, text, this.s.t);
    else if (sink.kind === 'capture') st.capture.push(text);
    else if (sink.kind === 'file') {
      const cur = readFile(this.host.fs, sink.path);
      const next = (cur.ok ? cur.text : '') + text;
      writeFile(this.host.fs, sink.path, next.length > MAX_FILE ? next.slice(next.length - MAX_FILE) : next, false);
    }
  }

  private dispatch(argv: string[], st: Streams, temp: Record<string, string>, line: number): CmdResult {
    const s = this.s;
    const host = this.host;
    const name = argv[0];
    const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
    const io: Io = {
      fs: host.fs,
      cwd: s.cwd ?? '/',
      setCwd: (d) => {
        s.cwd = d;
      },
      environ: () => environ(s, host, temp),
      lookup: (n) => lookup(s, host, n),
      assign: (n, v) => assign(s, n, v),
      unset: (n) => {
        if (s.vars) delete s.vars[n];
        if (!s.unset?.includes(n)) s.unset = [...(s.unset ?? []), n];
      },
      exportVar: (n) => {
        if (!s.exported?.includes(n)) s.exported = [...(s.exported ?? []), n];
      },
      stdin: st.stdin,
      out: (t) => this.emit(st, 1, t),
      err: (t) => this.emit(st, 2, t),
      now: s.t,
      flavor: host.flavor,
      shell: s.sh === 'bash' ? 'bash' : 'sh',
      hostname: host.hostname,
      hasTool: (t) => host.hasTool(t),
      setTrap: (sig, action) => {
        s.traps ??= {};
        if (action === undefined) delete s.traps[sig];
        else s.traps[sig] = action;
      },
      evalScript: (src, args) => this.subshell(src, args, false).status,
      net: host.net,
      signalMain: host.signalMain,
      version: host.version,
      procs: () => [...(host.procs?.() ?? []), argv.join(' ')],
    };
    const b = name.includes('/') ? undefined : builtin(name);
    if (b) return b(argv.slice(1), io);
    const available = name.includes('/') ? host.hasTool(name) || host.hasTool(base) : host.hasTool(name);
    if (available) {
      if (host.isProgram(name)) {
        // inside exec there is no process to hand over to: the program runs and returns
        if (!this.sync || !host.runProgram) return { code: 0, exec: argv };
        const r = host.runProgram(argv);
        if (!r) {
          io.err(`${s.sh}: ${name}: not simulated in the playground\n`);
          return { code: 127 };
        }
        io.out(r.stdout);
        io.err(r.stderr);
        return { code: r.exitCode };
      }
      if ((base === 'killall' || base === 'pidof' || base === 'pgrep') && host.running) {
        const target = argv.filter((a) => !a.startsWith('-')).slice(1)[0] ?? '';
        const up = host.running(target);
        if (!up && base === 'killall') io.err(`killall: ${target}: no process killed\n`);
        if (up && base !== 'killall') io.out('1\n');
        return { code: up ? 0 : 1 };
      }
      if (['sh', 'ash', 'dash', 'bash'].includes(base)) {
        const c = argv.indexOf('-c');
        if (c < 0) return { code: 0 };
        return { code: this.subshell(argv[c + 1] ?? '', argv.slice(c + 2), false).status };
      }
      const t = tool(base);
      if (t) return t(argv.slice(1), io);
      io.err(`${s.sh}: ${name}: not simulated in the playground\n`);
      return { code: 127 };
    }
    if (name.includes('/') && stat(host.fs, resolvePath(s.cwd ?? '/', name)) !== undefined) {
      io.err(host.flavor === 'gnu' ? `sh: ${line}: ${name}: Permission denied\n` : `sh: ${name}: Permission denied\n`);
      return { code: 126 };
    }
    io.err(notFoundText(s, host, name, line));
    return { code: 127 };
  }
}
