/**
 * The POSIX shell grammar subset that pod manifests use: simple commands with
 * assignments and redirections, pipelines, && || ; &, while/until/for/if, { } and ( ).
 * The result is a plain JSON tree (see ast.ts); words keep their quoting so the
 * interpreter can expand, split and glob them the way sh does.
 */
import type { Node, Part, Redir, Word } from './ast';

type Tok =
  | { t: 'w'; w: Word; raw: string; line: number }
  | { t: 'op'; v: string }
  | { t: 'redir'; r: Omit<Redir, 'target'> };

export class ShellSyntaxError extends Error {}

const OPS = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}

/** The text up to the ')' that closes an opening '(' already consumed, minding quotes and nesting. */
function matchParen(s: string, i: number): number {
  let depth = 1;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") i = s.indexOf("'", i + 1);
    else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    if (i < 0) break;
  }
  throw new ShellSyntaxError('unterminated (');
}

/** A `$...` expansion at s[i] === '$'; returns the part and the index after it. */
function scanDollar(s: string, i: number, q: boolean): [Part, number] {
  const n = s[i + 1];
  if (n === '(' && s[i + 2] === '(') {
    const end = matchParen(s, i + 3);
    if (s[end + 1] !== ')') throw new ShellSyntaxError('missing )');
    return [{ t: 'arith', src: s.slice(i + 3, end), q }, end + 2];
  }
  if (n === '(') {
    const end = matchParen(s, i + 2);
    return [{ t: 'sub', src: s.slice(i + 2, end), q }, end + 1];
  }
  if (n === '{') {
    const end = s.indexOf('}', i + 2);
    if (end < 0) throw new ShellSyntaxError('bad substitution');
    const body = s.slice(i + 2, end);
    if (body.startsWith('#') && body.length > 1) return [{ t: 'var', name: body.slice(1), op: 'len', q }, end + 1];
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!])(:?[-=+?])?(.*)$/s.exec(body);
    if (!m) throw new ShellSyntaxError('bad substitution');
    const part: Part = { t: 'var', name: m[1], q };
    if (m[2]) {
      part.op = m[2];
      part.arg = scanWord(m[3], 0, true)[0];
    }
    return [part, end + 1];
  }
  if (n !== undefined && /[?$#@*!0-9]/.test(n)) return [{ t: 'var', name: n, q }, i + 2];
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  if (m) return [{ t: 'var', name: m[0], q }, i + 1 + m[0].length];
  return [{ t: 'lit', v: '$', q }, i + 1];
}

/**
 * One word starting at s[i]. In `inner` mode (the word of ${X:-word}) the whole text is
 * the word and spaces are literal.
 */
function scanWord(s: string, i: number, inner = false): [Word, number] {
  const parts: Word = [];
  const lit = (v: string, q: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.t === 'lit' && last.q === q) last.v += v;
    else parts.push({ t: 'lit', v, q });
  };
  while (i < s.length) {
    const c = s[i];
    if (!inner && (isSpace(c) || c === '\n' || ';&|()<>'.includes(c))) break;
    if (c === '\\') {
      if (s[i + 1] === '\n') i += 2;
      else {
        lit(s[i + 1] ?? '', true);
        i += 2;
      }
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      lit(s.slice(i + 1, end), true);
      if (end === i + 1) parts.push({ t: 'lit', v: '', q: true });
      i = end + 1;
    } else if (c === '"') {
      i++;
      const start = parts.length;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && '$`"\\\n'.includes(s[i + 1] ?? '')) {
          if (s[i + 1] !== '\n') lit(s[i + 1], true);
          i += 2;
        } else if (s[i] === '$') {
          const [p, j] = scanDollar(s, i, true);
          parts.push(p);
          i = j;
        } else if (s[i] === '`') {
          const end = s.indexOf('`', i + 1);
          if (end < 0) throw new ShellSyntaxError('unterminated `');
          parts.push({ t: 'sub', src: s.slice(i + 1, end), q: true });
          i = end + 1;
        } else {
          lit(s[i], true);
          i++;
        }
      }
      if (i >= s.length) throw new ShellSyntaxError('unterminated quoted string');
      if (parts.length === start) parts.push({ t: 'lit', v: '', q: true });
      i++;
    } else if (c === '$') {
      const [p, j] = scanDollar(s, i, false);
      parts.push(p);
      i = j;
    } else if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated `');
      parts.push({ t: 'sub', src: s.slice(i + 1, end), q: false });
      i = end + 1;
    } else {
      lit(c, false);
      i++;
    }
  }
  return [parts, i];
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    // redirections: [n]> [n]>> [n]< [n]>&m &>
    const r = /^(\d?)(>>|>&|>|<)(\d?)|^&>/.exec(s.slice(i, i + 4));
    if (r && (r[0] === '&>' || !r[1] || r[0].length > 1)) {
      if (r[0] === '&>') {
        out.push({ t: 'redir', r: { fd: 1, op: '&>' } });
        i += 2;
        continue;
      }
      const fd = r[1] ? Number(r[1]) : r[2] === '<' ? 0 : 1;
      if (r[2] === '>&' && r[3]) {
        out.push({ t: 'redir', r: { fd, op: '>&', to: Number(r[3]) } });
        i += r[0].length;
        continue;
      }
      out.push({ t: 'redir', r: { fd, op: r[2] === '>&' ? '>' : (r[2] as Redir['op']) } });
      i += r[1].length + r[2].length;
      continue;
    }
    const op = OPS.find((o) => s.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    const start = i;
    const [w, j] = scanWord(s, i);
    let line = 1;
    for (let k = 0; k < start; k++) if (s[k] === '\n') line++;
    out.push({ t: 'w', w, raw: s.slice(start, j), line });
    i = j;
  }
  return out;
}

const RESERVED = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}', 'in', 'esac']);

class Parser {
  private i = 0;
  constructor(private toks: Tok[]) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isKw(kw: string): boolean {
    const t = this.peek();
    return t?.t === 'w' && t.raw === kw;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.v === v;
  }
  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }
  private expectKw(kw: string): void {
    this.skipNewlines();
    if (!this.isKw(kw)) this.unexpected();
    this.i++;
  }
  unexpected(): never {
    const t = this.peek();
    const what = !t
      ? 'end of file'
      : t.t === 'w'
        ? t.raw
        : t.t === 'op'
          ? t.v === '\n'
            ? 'newline'
            : t.v
          : 'redirection';
    throw new ShellSyntaxError(`unexpected ${t ? `"${what}"` : what}`);
  }

  /** list := andor ((; | & | newline) andor)* — stops before a reserved word or ')' */
  list(): Node {
    const items: Node[] = [];
    this.skipNewlines();
    while (this.peek() && !this.isOp(')') && !(this.peek()?.t === 'w' && RESERVED.has((this.peek() as any).raw))) {
      let node = this.andOr();
      if (this.isOp('&')) {
        this.i++;
        node = { k: 'bg', body: node };
      } else if (this.isOp(';') || this.isOp('\n')) this.i++;
      else if (this.peek() && !this.isOp(')') && !(this.peek()?.t === 'w' && RESERVED.has((this.peek() as any).raw)))
        this.unexpected();
      items.push(node);
      this.skipNewlines();
    }
    return items.length === 1 ? items[0] : { k: 'seq', list: items };
  }

  private andOr(): Node {
    let node = this.pipeline();
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      this.skipNewlines();
      const b = this.pipeline();
      node = { k: op === '&&' ? 'and' : 'or', a: node, b };
    }
    return node;
  }

  private pipeline(): Node {
    let neg = false;
    if (this.isKw('!')) {
      neg = true;
      this.i++;
    }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      cmds.push(this.command());
    }
    if (cmds.length === 1 && !neg) return cmds[0];
    return { k: 'pipe', cmds, neg };
  }

  private command(): Node {
    const t = this.peek();
    if (!t) this.unexpected();
    if (t.t === 'op' && t.v === '(') {
      this.i++;
      const body = this.list();
      if (!this.isOp(')')) this.unexpected();
      this.i++;
      return { k: 'group', body };
    }
    if (t.t === 'w') {
      switch (t.raw) {
        case '{': {
          this.i++;
          const body = this.list();
          this.expectKw('}');
          return { k: 'group', body };
        }
        case 'while':
        case 'until': {
          this.i++;
          const cond = this.list();
          this.expectKw('do');
          const body = this.list();
          this.expectKw('done');
          return { k: t.raw, cond, body };
        }
        case 'for':
          return this.forLoop();
        case 'if':
          return this.ifClause();
      }
      if (RESERVED.has(t.raw)) this.unexpected();
    }
    return this.simple();
  }

  private forLoop(): Node {
    this.i++;
    const name = this.peek();
    if (name?.t !== 'w' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) this.unexpected();
    this.i++;
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isKw('in')) {
      this.i++;
      items = [];
      while (this.peek()?.t === 'w') items.push((this.toks[this.i++] as { w: Word }).w);
    }
    if (this.isOp(';')) this.i++;
    this.expectKw('do');
    const body = this.list();
    this.expectKw('done');
    return { k: 'for', v: name.raw, items, body };
  }

  private ifClause(): Node {
    this.i++;
    const cond = this.list();
    this.expectKw('then');
    const then = this.list();
    this.skipNewlines();
    let otherwise: Node | undefined;
    if (this.isKw('elif')) {
      otherwise = this.ifClause();
      return { k: 'if', cond, then, else: otherwise };
    }
    if (this.isKw('else')) {
      this.i++;
      otherwise = this.list();
    }
    this.expectKw('fi');
    return { k: 'if', cond, then, else: otherwise };
  }

  private simple(): Node {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    const first = this.peek();
    const line = first?.t === 'w' ? first.line : 1;
    for (;;) {
      const t = this.peek();
      if (!t || t.t === 'op') break;
      this.i++;
      if (t.t === 'redir') {
        if (t.r.op === '>&') {
          redirs.push({ ...t.r, target: [] });
          continue;
        }
        const target = this.peek();
        if (target?.t !== 'w') this.unexpected();
        this.i++;
        redirs.push({ ...t.r, target: target.w });
        continue;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
      if (words.length === 0 && m && t.w[0]?.t === 'lit' && !t.w[0].q) {
        const first = t.w[0];
        const value: Word = [{ ...first, v: first.v.slice(m[0].length) }, ...t.w.slice(1)];
        assigns.push({ name: m[1], value });
        continue;
      }
      words.push(t.w);
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.unexpected();
    return { k: 'cmd', assigns, words, redirs, line };
  }

  done(): boolean {
    return this.i >= this.toks.length;
  }
}

/** Parses a whole script; throws ShellSyntaxError with sh's wording after "syntax error: ". */
export function parseScript(src: string): Node {
  const p = new Parser(tokenize(src));
  const node = p.list();
  if (!p.done()) p.unexpected();
  return node;
}

/** Parses one word as the shell would (used for ${X:-default}). */
export function parseWord(src: string): Word {
  return scanWord(src, 0, true)[0];
}
