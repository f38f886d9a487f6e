// Whatever a learner types into `command`, the runtime answers with a log line and an
// exit code, never an exception (a crash here would stop the whole simulation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runtime } from '../runtime';
import { start } from '../testkit';

const PIECES = [
  'echo',
  'sleep 1',
  'exit 3',
  ';',
  '&&',
  '||',
  '|',
  '&',
  '(',
  ')',
  '{',
  '}',
  'while',
  'do',
  'done',
  'for',
  'in',
  'if',
  'then',
  'else',
  'fi',
  '"',
  "'",
  '$',
  '${',
  '}',
  '$(',
  '$((',
  '))',
  '`',
  '\\',
  '>',
  '>>',
  '<',
  '2>&1',
  'x=1',
  '$x',
  '*',
  '[',
  ']',
  '-f',
  '/tmp/a',
  'cat',
  'ls',
  'true',
  'false',
  'break',
  'continue',
  'trap',
  'wait',
  '\n',
  ' ',
];

describe('shell robustness', () => {
  it('random scripts never throw and leave JSON state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), (parts) => {
        const script = parts.join(' ');
        const r = start('busybox', { command: ['sh', '-c', script] });
        r.advance(5000);
        runtime.execInContainer(r.p, r.sb, ['sh', '-c', script], 5000);
        runtime.signalProcess(r.p, r.sb, 'SIGTERM', 6000);
        expect(JSON.parse(JSON.stringify(r.p))).toEqual(r.p);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (script) => {
        const r = start('busybox', { command: ['sh', '-c', script] });
        r.advance(2000);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
