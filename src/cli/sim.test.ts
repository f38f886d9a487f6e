import { describe, expect, it } from 'vitest';
import { parseArgs, parseDuration } from './sim';

describe('sim CLI arguments', () => {
  it('reads Go-style durations like kubectl flags do', () => {
    expect(parseDuration('60s')).toBe(60_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('60')).toBeUndefined();
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('keeps steps in the order given', () => {
    const o = parseArgs(['-f', 'a.yaml', '--for', '10s', '--kubectl', 'kubectl get pods', '--nodes', '5']);
    expect(o).toEqual({
      seed: 1,
      nodes: 5,
      timings: 'real',
      steps: [
        { kind: 'apply', file: 'a.yaml' },
        { kind: 'advance', ms: 10_000 },
        { kind: 'kubectl', line: 'get pods' },
      ],
    });
  });

  it('explains bad usage instead of guessing', () => {
    expect(parseArgs(['--for', 'forever'])).toMatch(/not a duration/);
    expect(parseArgs(['--nodes', '-1'])).toMatch(/not a whole number/);
    expect(parseArgs(['--kubectl'])).toBe('--kubectl needs a value');
    expect(parseArgs(['--frobnicate'])).toBe('unknown argument "--frobnicate"');
  });
});
