// -o yaml byte for byte: sigs.k8s.io/yaml over go-yaml v2 (gopkg.in/yaml.v2 emitterc.go,
// encode.go stringv, sorter.go keyList.Less).
import { describe, expect, it } from 'vitest';
import { toYaml, yamlKeyLess } from './yaml';

describe('toYaml', () => {
  it('nests maps by two spaces and lists at their key', () => {
    expect(toYaml({ spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }], empty: {}, none: [] } })).toBe(
      [
        'spec:',
        '  containers:',
        '  - name: a',
        '    ports:',
        '    - containerPort: 80',
        '  empty: {}',
        '  none: []',
        '',
      ].join('\n'),
    );
  });

  it('lists of lists', () => {
    expect(toYaml({ a: [['x', 'y'], []] })).toBe('a:\n- - x\n  - "y"\n- []\n');
  });

  it('double-quotes strings that would read back as another type', () => {
    const out = toYaml({
      a: 'true',
      b: '',
      c: '80',
      d: '1.5',
      e: 'null',
      f: 'yes',
      g: '2026-01-01T09:00:00Z',
      h: '0x1F',
      i: '1:30',
      n: 1,
    });
    expect(out).toBe(
      'a: "true"\nb: ""\nc: "80"\nd: "1.5"\ne: "null"\nf: "yes"\ng: "2026-01-01T09:00:00Z"\nh: "0x1F"\ni: "1:30"\n"n": 1\n',
    );
  });

  it('single-quotes strings plain style cannot carry', () => {
    expect(toYaml({ a: 'x: y', b: '- item', c: '*star', d: "it's", e: ' lead', f: 'a #b', g: "'q'" })).toBe(
      "a: 'x: y'\nb: '- item'\nc: '*star'\nd: it's\ne: ' lead'\nf: 'a #b'\ng: '''q'''\n",
    );
  });

  it('literal blocks for multi-line text, with chomping', () => {
    expect(toYaml({ a: 'one\ntwo\n', b: 'one\ntwo', c: ' indented\n' })).toBe(
      'a: |\n  one\n  two\nb: |-\n  one\n  two\nc: |2\n   indented\n',
    );
  });

  it('double quotes with escapes when a block cannot hold the text', () => {
    expect(toYaml({ a: 'trailing \nspace', b: 'bell\u0007' })).toBe('a: "trailing \\nspace"\nb: "bell\\x07"\n');
  });

  it('folds long text at the first space past column 80, as go-yaml does', () => {
    const message =
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(toYaml({ status: { message } })).toBe(
      "status:\n  message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are\n    available: 3 No preemption victims found for incoming pod.'\n",
    );
    const plain = `${'word '.repeat(20)}end`;
    expect(toYaml({ m: plain })).toBe(`m: ${'word '.repeat(15)}word\n  ${'word '.repeat(4)}end\n`);
  });

  it('orders keys like go-yaml: digit runs as numbers', () => {
    const keys = ['node-10', 'node-9', 'b', 'a', 'A', 'app.kubernetes.io/name', 'app'];
    expect(keys.sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual([
      'A',
      'a',
      'app',
      'app.kubernetes.io/name',
      'b',
      'node-9',
      'node-10',
    ]);
  });

  it('null, booleans, numbers', () => {
    expect(toYaml({ a: null, b: true, c: 0.5, d: -3 })).toBe('a: null\nb: true\nc: 0.5\nd: -3\n');
  });
});
