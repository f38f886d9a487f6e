/** The shell's syntax tree: plain JSON, so a compiled script can sit in a snapshot. */

/** A piece of a word; `q` = quoted (no field splitting or globbing of its result). */
export type Part =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; op?: string; arg?: Word; q: boolean }
  | { t: 'sub'; src: string; q: boolean }
  | { t: 'arith'; src: string; q: boolean };

export type Word = Part[];

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '&>';
  /** the fd duplicated by `n>&m` */
  to?: number;
  target: Word;
}

export type Node =
  | { k: 'cmd'; assigns: { name: string; value: Word }[]; words: Word[]; redirs: Redir[]; line: number }
  | { k: 'pipe'; cmds: Node[]; neg?: boolean }
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'seq'; list: Node[] }
  | { k: 'while' | 'until'; cond: Node; body: Node }
  | { k: 'for'; v: string; items?: Word[]; body: Node }
  | { k: 'if'; cond: Node; then: Node; else?: Node }
  | { k: 'group'; body: Node }
  | { k: 'bg'; body: Node };
