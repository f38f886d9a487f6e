/**
 * Word expansion as sh does it: parameters ($X, ${X:-d}, $?, $1), command substitution,
 * arithmetic, then field splitting of unquoted results and pathname globbing.
 */

import type { FsView } from '../fs';
import { listDir, resolvePath, stat } from '../fs';
import type { Word } from './ast';

export interface ExpandEnv {
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  /** runs $(...) and returns its stdout */
  substitute(src: string): string;
  fs: FsView;
  cwd: string;
  /** the shell's name for error messages ("sh") */
  error(msg: string): void;
}

export class ExpansionError extends Error {}

function paramValue(part: Extract<Word[number], { t: 'var' }>, env: ExpandEnv): string {
  const value = env.lookup(part.name);
  if (part.op === 'len') return String((value ?? '').length);
  if (!part.op) return value ?? '';
  const colon = part.op.startsWith(':');
  const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
  const word = () => expandToString(part.arg ?? [], env);
  switch (part.op.replace(':', '')) {
    case '-':
      return isSet ? (value as string) : word();
    case '=':
      if (isSet) return value as string;
      env.assign(part.name, word());
      return env.lookup(part.name) ?? '';
    case '+':
      return isSet ? word() : '';
    case '?':
      if (isSet) return value as string;
      throw new ExpansionError(`${part.name}: ${word() || 'parameter not set'}`);
  }
  return value ?? '';
}

/** One word → fields. `split` off gives exactly one field (assignments, redirection targets). */
export function expandWord(word: Word, env: ExpandEnv, split = true): string[] {
  const fields: string[] = [];
  /** fields with an unquoted * or ? of their own: only those are glob patterns */
  const patterns = new Set<number>();
  let cur = '';
  let started = false;
  let globbable = false;
  const push = () => {
    if (started) {
      if (globbable) patterns.add(fields.length);
      fields.push(cur);
    }
    cur = '';
    started = false;
    globbable = false;
  };
  for (const part of word) {
    let text: string;
    if (part.t === 'lit') {
      cur += part.v;
      started = true;
      if (!part.q && /[*?]/.test(part.v)) globbable = true;
      continue;
    }
    if (part.t === 'var') text = paramValue(part, env);
    else if (part.t === 'sub') text = env.substitute(part.src).replace(/\n+$/, '');
    else text = String(arith(part.src, env));
    if (part.q || !split) {
      cur += text;
      started = true;
      continue;
    }
    // field splitting on IFS whitespace
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0) push();
      if (piece !== '') {
        cur += piece;
        started = true;
      }
    });
  }
  push();
  if (!split) return [fields.join(' ')];
  const out: string[] = [];
  fields.forEach((f, i) => {
    out.push(...(patterns.has(i) ? glob(f, env) : [f]));
  });
  return out;
}

export function expandToString(word: Word, env: ExpandEnv): string {
  return expandWord(word, env, false)[0] ?? '';
}

/** Pathname expansion of the last component (enough for `ls /var/log/*.log`); no match keeps the pattern. */
function glob(pattern: string, env: ExpandEnv): string[] {
  const slash = pattern.lastIndexOf('/');
  const dirPart = slash >= 0 ? pattern.slice(0, slash + 1) : '';
  const base = pattern.slice(slash + 1);
  if (/[*?]/.test(dirPart)) return [pattern];
  const dir = resolvePath(env.cwd, dirPart || '.');
  if (stat(env.fs, dir) !== 'dir') return [pattern];
  const re = new RegExp(
    `^${base
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  const hits = listDir(env.fs, dir).filter((n) => re.test(n) && (base.startsWith('.') || !n.startsWith('.')));
  return hits.length > 0 ? hits.map((n) => dirPart + n) : [pattern];
}

/** $((expr)): integers, + - * / % comparisons && || ! and parentheses, variables by name. */
export function arith(src: string, env: ExpandEnv): number {
  const toks =
    src.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*|<=|>=|==|!=|&&|\|\||\+\+|--|[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const num = (name: string) => {
    const v = env.lookup(name.replace(/^\$/, ''));
    const n = Number.parseInt(v ?? '0', 10);
    return Number.isNaN(n) ? 0 : n;
  };
  const prim = (): number => {
    const t = toks[i++];
    if (t === undefined) throw new ExpansionError(`arithmetic syntax error`);
    if (t === '(') {
      const v = expr(0);
      i++;
      return v;
    }
    if (t === '-') return -prim();
    if (t === '+') return prim();
    if (t === '!') return prim() === 0 ? 1 : 0;
    if (/^\d/.test(t)) return Number.parseInt(t, 10);
    if (toks[i] === '++' || toks[i] === '--') {
      const v = num(t);
      env.assign(t, String(toks[i] === '++' ? v + 1 : v - 1));
      i++;
      return v;
    }
    return num(t);
  };
  const PREC: Record<string, number> = {
    '||': 1,
    '&&': 2,
    '==': 3,
    '!=': 3,
    '<': 4,
    '>': 4,
    '<=': 4,
    '>=': 4,
    '+': 5,
    '-': 5,
    '*': 6,
    '/': 6,
    '%': 6,
  };
  const expr = (min: number): number => {
    let left = prim();
    for (;;) {
      const op = toks[i];
      const p = op === undefined ? undefined : PREC[op];
      if (p === undefined || p < min) return left;
      i++;
      const right = expr(p + 1);
      switch (op) {
        case '+':
          left += right;
          break;
        case '-':
          left -= right;
          break;
        case '*':
          left *= right;
          break;
        case '/':
        case '%':
          if (right === 0) throw new ExpansionError('divide by zero');
          left = op === '/' ? Math.trunc(left / right) : left % right;
          break;
        case '<':
          left = left < right ? 1 : 0;
          break;
        case '>':
          left = left > right ? 1 : 0;
          break;
        case '<=':
          left = left <= right ? 1 : 0;
          break;
        case '>=':
          left = left >= right ? 1 : 0;
          break;
        case '==':
          left = left === right ? 1 : 0;
          break;
        case '!=':
          left = left !== right ? 1 : 0;
          break;
        case '&&':
          left = left && right ? 1 : 0;
          break;
        case '||':
          left = left || right ? 1 : 0;
          break;
      }
    }
  };
  if (toks.length === 0) return 0;
  return expr(0);
}
