import { describe, expect, it } from 'vitest';
import { formatSimTime, humanDuration } from './format';

describe('formatSimTime', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45_000, '45s'],
    [65_000, '1m05s'],
    [3_600_000 + 3 * 60_000 + 9_000, '1h03m09s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatSimTime(ms)).toBe(text);
  });
});

describe('humanDuration (mirrors apimachinery pkg/util/duration HumanDuration)', () => {
  it.each([
    [-5000, '<invalid>'],
    [-1000, '0s'],
    [0, '0s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [125_000, '2m5s'],
    [15 * 60_000, '15m'],
    [179 * 60_000, '179m'],
    [3 * 3_600_000 + 20 * 60_000, '3h20m'],
    [8 * 3_600_000, '8h'],
    [52 * 3_600_000, '2d4h'],
    [72 * 3_600_000, '3d'],
    [30 * 24 * 3_600_000, '30d'],
    [(365 * 2 + 3) * 24 * 3_600_000, '2y3d'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
