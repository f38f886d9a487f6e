// The sh grammar subset pod manifests use (POSIX Shell Command Language, 2.9–2.10).
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { parseScript, ShellSyntaxError } from './parse';

describe('shell parser', () => {
  it('splits lists on ; && || and newlines, keeping && / || left-associative (2.9.3)', () => {
    const n = parseScript('a && b || c; d\ne');
    expect(n.k).toBe('seq');
    if (n.k !== 'seq') return;
    expect(n.list).toHaveLength(3);
    expect(n.list[0].k).toBe('or');
    const or = n.list[0] as unknown as { a: { k: string } };
    expect(or.a.k).toBe('and');
  });

  it('keeps quoting on word parts so expansion knows what to split', () => {
    const n = parseScript(`echo "a $X" 'b $Y' c\\ d`);
    if (n.k !== 'cmd') throw new Error('not a command');
    expect(n.words[1]).toEqual([
      { t: 'lit', v: 'a ', q: true },
      { t: 'var', name: 'X', q: true },
    ]);
    expect(n.words[2]).toEqual([{ t: 'lit', v: 'b $Y', q: true }]);
    expect(n.words[3]).toEqual([
      { t: 'lit', v: 'c', q: false },
      { t: 'lit', v: ' ', q: true },
      { t: 'lit', v: 'd', q: false },
    ]);
  });

  it('reads redirections with and without a file descriptor', () => {
    const n = parseScript('echo hi >> /tmp/log 2>&1');
    if (n.k !== 'cmd') throw new Error('not a command');
    expect(n.redirs.map((r) => [r.fd, r.op, r.to])).toEqual([
      [1, '>>', undefined],
      [2, '>&', 1],
    ]);
  });

  it('parses while, for and if compound commands', () => {
    expect(parseScript('while true; do sleep 1; done').k).toBe('while');
    expect(parseScript('for i in 1 2 3; do echo $i; done').k).toBe('for');
    expect(parseScript('if [ -f /x ]; then echo y; elif true; then :; else echo n; fi').k).toBe('if');
  });

  it('takes $(...), $((...)) and the X:-default form as single expansions', () => {
    const n = parseScript(`echo $(date) $((i + 1)) \${X:-none}`);
    if (n.k !== 'cmd') throw new Error('not a command');
    expect(n.words[1][0]).toMatchObject({ t: 'sub', src: 'date' });
    expect(n.words[2][0]).toMatchObject({ t: 'arith', src: 'i + 1' });
    expect(n.words[3][0]).toMatchObject({ t: 'var', name: 'X', op: ':-' });
  });

  it('treats a leading NAME=value as an assignment', () => {
    const n = parseScript('A=1 B=two env');
    if (n.k !== 'cmd') throw new Error('not a command');
    expect(n.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(n.words).toHaveLength(1);
  });

  it('reports an unexpected keyword as sh does', () => {
    expect(() => parseScript('echo hi; done')).toThrow(ShellSyntaxError);
    expect(() => parseScript('while true; do echo')).toThrow(/unexpected/);
    expect(compile('if true; then').ok).toBe(false);
  });

  it('compiles to plain JSON (a running script must survive a snapshot)', () => {
    const prog = compile('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done');
    expect(prog.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(prog))).toEqual(prog);
  });
});
