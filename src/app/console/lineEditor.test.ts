// The prompt's editing keys behave as GNU readline's emacs mode does in bash.
import { describe, expect, it } from 'vitest';
import { applyCompletion, applyKey, commonPrefix, insertText, type LineState } from './lineEditor';

const at = (line: string, cursor = line.length): LineState => ({ line, cursor });
const edited = (s: LineState, data: string) => {
  const r = applyKey(s, data);
  if (r.kind !== 'edit') throw new Error(`expected an edit, got ${r.kind}`);
  return r.state;
};
/** Types keys one by one from an empty line. */
const type = (keys: string[], from: LineState = at('')) => keys.reduce(edited, from);

describe('applyKey', () => {
  it('inserts at the cursor and moves left/right within the line', () => {
    expect(type(['g', 'e', 't'])).toEqual(at('get'));
    expect(type(['\x1b[D', '\x1b[D', 'X'], at('get'))).toEqual(at('gXet', 2));
    expect(type(['\x1b[D', '\x1b[D', '\x1b[D', '\x1b[D'], at('ab'))).toEqual(at('ab', 0));
    expect(type(['\x1b[C'], at('ab'))).toEqual(at('ab', 2));
  });

  it('Home/End and Ctrl+A/Ctrl+E', () => {
    for (const k of ['\x1b[H', '\x1bOH', '\x01']) expect(edited(at('get pods'), k)).toEqual(at('get pods', 0));
    for (const k of ['\x1b[F', '\x1bOF', '\x05']) expect(edited(at('get pods', 0), k)).toEqual(at('get pods'));
  });

  it('Backspace and Delete', () => {
    expect(edited(at('gets'), '\x7f')).toEqual(at('get'));
    expect(edited(at('gXet', 2), '\x7f')).toEqual(at('get', 1));
    expect(applyKey(at('get', 0), '\x7f').kind).toBe('ignore');
    expect(edited(at('gXet', 1), '\x1b[3~')).toEqual(at('get', 1));
    expect(applyKey(at('get'), '\x1b[3~').kind).toBe('ignore');
  });

  it('Ctrl+U, Ctrl+K, Ctrl+W kill text like readline', () => {
    expect(edited(at('get pods -A', 4), '\x15')).toEqual(at('pods -A', 0));
    expect(edited(at('get pods -A', 8), '\x0b')).toEqual(at('get pods', 8));
    expect(edited(at('get pods  '), '\x17')).toEqual(at('get ', 4));
    expect(edited(at('get pods -A', 8), '\x17')).toEqual(at('get  -A', 4));
  });

  it('Enter, Ctrl+C, Ctrl+L, Tab, ↑/↓ become console actions', () => {
    expect(applyKey(at('x'), '\r')).toEqual({ kind: 'submit' });
    expect(applyKey(at('x'), '\x03')).toEqual({ kind: 'cancel' });
    expect(applyKey(at('x'), '\x0c')).toEqual({ kind: 'clearScreen' });
    expect(applyKey(at('x'), '\t')).toEqual({ kind: 'complete' });
    expect(applyKey(at('x'), '\x1b[A')).toEqual({ kind: 'history', direction: -1 });
    expect(applyKey(at('x'), '\x1b[B')).toEqual({ kind: 'history', direction: 1 });
  });

  it('several characters at once are a paste; unknown escapes are ignored', () => {
    expect(applyKey(at(''), 'get pods\rget nodes\r')).toEqual({ kind: 'paste', text: 'get pods\rget nodes\r' });
    expect(applyKey(at(''), '\x1b[15~').kind).toBe('ignore');
    expect(applyKey(at(''), '\x07').kind).toBe('ignore');
  });
});

describe('insertText', () => {
  it('drops control characters and turns tabs into spaces', () => {
    expect(insertText(at('get ', 4), 'po\x1b[31mds\t-A')).toEqual(at('get po[31mds -A', 15));
  });
});

describe('applyCompletion', () => {
  it('one candidate completes inline with a space', () => {
    expect(applyCompletion(at('kubectl get depl'), ['deployments'], 12)).toEqual({
      state: at('kubectl get deployments '),
      list: false,
    });
  });
  it('no space after a flag waiting for its value or a TYPE/', () => {
    expect(applyCompletion(at('scale deploy web --rep'), ['--replicas='], 17).state).toEqual(
      at('scale deploy web --replicas='),
    );
  });
  it('in the middle of a line, reuses the space that follows', () => {
    const s = at('get depl -o wide', 8);
    expect(applyCompletion(s, ['deployments'], 4).state).toEqual(at('get deployments -o wide', 16));
  });
  it('several: the common prefix first, then a list', () => {
    expect(applyCompletion(at('get deployments w'), ['web', 'worker'], 16)).toEqual({
      state: at('get deployments w'),
      list: true,
    });
    expect(applyCompletion(at('get pods web'), ['web-1', 'web-2'], 9)).toEqual({
      state: at('get pods web-'),
      list: false,
    });
  });
  it('none: nothing changes', () => {
    expect(applyCompletion(at('get x'), [], 4)).toEqual({ state: at('get x'), list: false });
  });
  it('commonPrefix', () => {
    expect(commonPrefix(['deployment', 'deployments'])).toBe('deployment');
    expect(commonPrefix([])).toBe('');
  });
});
