/**
 * Turns a syntax tree into a flat list of instructions with jumps. A running script is
 * then just "which instruction next" plus variables, which fits in a snapshot, and the
 * compiled code is shared by every container running the same script (memoised here;
 * the memo is derived data, rebuilt after a restore).
 */
import type { Node, Word } from './ast';
import { parseScript, ShellSyntaxError } from './parse';

export type Instr =
  | { o: 'cmd'; n: Extract<Node, { k: 'cmd' }> }
  | { o: 'pipe'; n: Extract<Node, { k: 'pipe' }> }
  /** jump when the last status is zero (t) / non-zero (f) / always */
  | { o: 'jt' | 'jf' | 'j'; to: number }
  | { o: 'neg' }
  | { o: 'st'; v: number }
  /** for-loop: expand the items and push a loop frame */
  | { o: 'fi'; items?: Word[] }
  /** for-loop: next item into `v`, or jump to `to` when done */
  | { o: 'fn'; v: string; to: number }
  | { o: 'fp' }
  /** background on/off: a sleep in the background does not hold the script */
  | { o: 'bg'; on: boolean };

export type Program = { ok: true; code: Instr[] } | { ok: false; error: string };

interface LoopCtx {
  breaks: number[];
  conts: number[];
  isFor: boolean;
}

function compileNode(n: Node, code: Instr[], loops: LoopCtx[]): void {
  switch (n.k) {
    case 'cmd': {
      const name = n.words[0]?.length === 1 && n.words[0][0].t === 'lit' ? n.words[0][0].v : undefined;
      if ((name === 'break' || name === 'continue') && loops.length > 0) {
        const loop = loops[loops.length - 1];
        code.push({ o: 'st', v: 0 });
        (name === 'break' ? loop.breaks : loop.conts).push(code.length);
        code.push({ o: 'j', to: -1 });
        return;
      }
      code.push({ o: 'cmd', n });
      return;
    }
    case 'pipe':
      code.push({ o: 'pipe', n });
      return;
    case 'seq':
      for (const c of n.list) compileNode(c, code, loops);
      return;
    case 'group':
      compileNode(n.body, code, loops);
      return;
    case 'bg':
      code.push({ o: 'bg', on: true });
      compileNode(n.body, code, loops);
      code.push({ o: 'bg', on: false }, { o: 'st', v: 0 });
      return;
    case 'and':
    case 'or': {
      compileNode(n.a, code, loops);
      const jump = code.length;
      code.push({ o: n.k === 'and' ? 'jf' : 'jt', to: -1 });
      compileNode(n.b, code, loops);
      (code[jump] as { to: number }).to = code.length;
      return;
    }
    case 'if': {
      compileNode(n.cond, code, loops);
      const toElse = code.length;
      code.push({ o: 'jf', to: -1 });
      compileNode(n.then, code, loops);
      const toEnd = code.length;
      code.push({ o: 'j', to: -1 });
      (code[toElse] as { to: number }).to = code.length;
      if (n.else) compileNode(n.else, code, loops);
      else code.push({ o: 'st', v: 0 });
      (code[toEnd] as { to: number }).to = code.length;
      return;
    }
    case 'while':
    case 'until': {
      const top = code.length;
      const loop: LoopCtx = { breaks: [], conts: [], isFor: false };
      compileNode(n.cond, code, loops);
      const exit = code.length;
      code.push({ o: n.k === 'while' ? 'jf' : 'jt', to: -1 });
      compileNode(n.body, code, [...loops, loop]);
      code.push({ o: 'j', to: top });
      const end = code.length;
      code.push({ o: 'st', v: 0 });
      (code[exit] as { to: number }).to = end;
      for (const b of loop.breaks) (code[b] as { to: number }).to = end;
      for (const c of loop.conts) (code[c] as { to: number }).to = top;
      return;
    }
    case 'for': {
      code.push({ o: 'fi', items: n.items });
      const next = code.length;
      const loop: LoopCtx = { breaks: [], conts: [], isFor: true };
      code.push({ o: 'fn', v: n.v, to: -1 });
      compileNode(n.body, code, [...loops, loop]);
      code.push({ o: 'j', to: next });
      const end = code.length;
      code.push({ o: 'fp' }, { o: 'st', v: 0 });
      (code[next] as { to: number }).to = end;
      for (const b of loop.breaks) (code[b] as { to: number }).to = end;
      for (const c of loop.conts) (code[c] as { to: number }).to = next;
      return;
    }
  }
}

const MEMO = new Map<string, Program>();

/** The compiled script, or sh's syntax error text. */
export function compile(src: string): Program {
  const hit = MEMO.get(src);
  if (hit) return hit;
  let prog: Program;
  try {
    const code: Instr[] = [];
    compileNode(parseScript(src), code, []);
    prog = { ok: true, code };
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    prog = { ok: false, error: e.message };
  }
  if (MEMO.size > 2000) MEMO.clear();
  MEMO.set(src, prog);
  return prog;
}
