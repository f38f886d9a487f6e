/**
 * A running script's state (plain JSON, stored in the process) and the host interface
 * the interpreter works against, with the variable rules of sh.
 */
import { ERRNO_TEXT, type FsError, type FsView } from '../fs';
import type { PodNetwork } from '../types';
import type { Flavor } from './io';

export interface ShState {
  src: string;
  pc: number;
  /** $? */
  st: number;
  /** virtual time the script has reached */
  t: number;
  /** shell name for messages: sh or bash */
  sh: string;
  /** $0 and the positional parameters */
  a0?: string;
  args?: string[];
  /** variables set by the script (the container env is read underneath) */
  vars?: Record<string, string>;
  unset?: string[];
  exported?: string[];
  loops?: { items: string[]; i: number }[];
  cwd?: string;
  /** blocked in sleep until (sim ms); -1 = forever */
  wait?: number;
  bg?: boolean;
  /** background sleeps end at (sim ms; -1 = never): what `wait` waits for */
  bgw?: number;
  /** `exec cmd` of a non-program: the shell ends when cmd ends */
  execEnd?: boolean;
  traps?: Record<string, string>;
}

export interface ShellHost {
  fs: FsView;
  flavor: Flavor;
  hostname: string;
  /** the container's environment (ProcessState.env) */
  env: Record<string, string>;
  hasTool(name: string): boolean;
  /** a server program (nginx, redis-server...) the shell hands the process over to */
  isProgram(argv0: string): boolean;
  /** writes to the container log (fd 1 / 2) */
  write(fd: 1 | 2, text: string, at: number): void;
  /** a program run to completion from exec (nginx -s quit, redis-cli ping); undefined = not simulated */
  runProgram?(argv: string[]): { stdout: string; stderr: string; exitCode: number } | undefined;
  /** killall -0 NAME: is a process of that name running in the container? */
  running?(name: string): boolean;
  net?: PodNetwork;
  /** command lines of the container's processes, PID 1 first */
  procs?(): string[];
  signalMain?(signal: string): void;
  /** the image's program version, e.g. BusyBox v1.28.4 */
  version?: string;
}

export type Outcome =
  | { k: 'sleep'; until: number }
  | { k: 'forever' }
  /** explicit: the `exit` builtin ran (not just the end of the script) */
  | { k: 'exit'; code: number; explicit?: boolean }
  | { k: 'exec'; argv: string[]; env: Record<string, string> }
  | { k: 'yield' };

export function newShell(src: string, sh: string, t: number, a0?: string, args?: string[]): ShState {
  const s: ShState = { src, pc: 0, st: 0, t, sh };
  if (a0 !== undefined) s.a0 = a0;
  if (args?.length) s.args = args;
  return s;
}

export function lookup(s: ShState, host: ShellHost, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(s.st);
    case '$':
      return '1';
    case '!':
      return '';
    case '#':
      return String(s.args?.length ?? 0);
    case '0':
      return s.a0 ?? s.sh;
    case '@':
    case '*':
      return (s.args ?? []).join(' ');
  }
  if (/^[1-9]\d*$/.test(name)) return s.args?.[Number(name) - 1];
  if (s.vars && Object.hasOwn(s.vars, name)) return s.vars[name];
  if (s.unset?.includes(name)) return undefined;
  return Object.hasOwn(host.env, name) ? host.env[name] : undefined;
}

export function environ(s: ShState, host: ShellHost, extra: Record<string, string>): [string, string][] {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(host.env)) if (!s.unset?.includes(k)) out.set(k, s.vars?.[k] ?? v);
  for (const k of s.exported ?? []) {
    const v = s.vars?.[k];
    if (v !== undefined) out.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) out.set(k, v);
  return [...out];
}

export function assign(s: ShState, name: string, value: string): void {
  s.vars ??= {};
  s.vars[name] = value;
  if (s.unset) s.unset = s.unset.filter((n) => n !== name);
}

export function notFoundText(s: ShState, host: ShellHost, name: string, line: number): string {
  if (s.sh === 'bash') return `bash: line ${line}: ${name}: command not found\n`;
  return host.flavor === 'gnu' ? `sh: ${line}: ${name}: not found\n` : `sh: ${name}: not found\n`;
}

export function createError(s: ShState, host: ShellHost, path: string, err: FsError, line: number): string {
  if (s.sh === 'bash') return `bash: line ${line}: ${path}: ${ERRNO_TEXT[err]}\n`;
  if (host.flavor === 'gnu') {
    const why = err === 'ENOENT' ? 'Directory nonexistent' : ERRNO_TEXT[err];
    return `sh: ${line}: cannot create ${path}: ${why}\n`;
  }
  return `sh: can't create ${path}: ${err === 'ENOENT' ? 'nonexistent directory' : ERRNO_TEXT[err]}\n`;
}
