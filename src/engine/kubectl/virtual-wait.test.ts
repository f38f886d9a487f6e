/** Go's time.ParseDuration / Duration.String as kubectl's --timeout flags use them, and the stepping wait. */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';
import { goDurationString, parseGoDuration, WAIT_STEP_MS, waitVirtual } from './virtual-wait';

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
  ])('%s', (text, ms) => {
    expect(parseGoDuration('timeout', text)).toBe(ms);
  });

  it("uses time.ParseDuration's errors", () => {
    expect(() => parseGoDuration('timeout', '5')).toThrow(
      'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"',
    );
    expect(() => parseGoDuration('timeout', 'soon')).toThrow(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"',
    );
  });
});

describe('goDurationString', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1500, '1.5s'],
    [600_000, '10m0s'],
    [3_600_000, '1h0m0s'],
  ])('%d', (ms, text) => {
    expect(goDurationString(ms)).toBe(text);
  });
});

describe('waitVirtual', () => {
  it('looks before the first step, then once per step, and stops at the limit', () => {
    const t = testCluster({ nodes: 1 });
    const inv = { cluster: t.cluster } as Parameters<typeof waitVirtual>[0];
    let looks = 0;
    expect(waitVirtual(inv, 5000, () => ++looks > 0)).toBe(true);
    expect(t.now()).toBe(0);
    looks = 0;
    const never = () => {
      looks++;
      return false;
    };
    expect(waitVirtual(inv, 3500, never)).toBe(false);
    expect(looks).toBe(1 + Math.ceil(3500 / WAIT_STEP_MS));
    expect(t.now()).toBe(3500);
  });
});
