// The worker's pacing: simulated time = wall time × speed, whole ms per tick with the
// fraction carried, and a cap on how much wall time one tick may account for.
import { describe, expect, it } from 'vitest';
import { MAX_WALL_STEP_MS, Pacer, Throttle, TICK_MS } from './pacer';

describe('Pacer', () => {
  it('advances wall × speed', () => {
    const p = new Pacer();
    expect(p.simMsFor(33, 1)).toBe(33);
    expect(p.simMsFor(33, 60)).toBe(1980);
  });

  it('carries fractions so 0.25× over 30 ticks of 33 ms adds up to exactly 247 ms (7.5 ms lost to flooring otherwise)', () => {
    const p = new Pacer();
    let total = 0;
    for (let i = 0; i < 30; i++) total += p.simMsFor(TICK_MS, 0.25);
    expect(total).toBe(Math.floor(30 * TICK_MS * 0.25));
  });

  it('keeps pace over a long run at every speed the UI offers', () => {
    for (const speed of [0.25, 0.5, 1, 2, 5, 10, 30, 60]) {
      const p = new Pacer();
      let total = 0;
      for (let i = 0; i < 1000; i++) total += p.simMsFor(33.4, speed);
      // Flooring may leave the last millisecond in the carry, never more.
      expect(Math.abs(total - 33_400 * speed)).toBeLessThanOrEqual(1);
    }
  });

  it('caps one tick at MAX_WALL_STEP_MS of wall time (a machine waking from sleep does not fast-forward)', () => {
    const p = new Pacer();
    expect(p.simMsFor(3_600_000, 2)).toBe(MAX_WALL_STEP_MS * 2);
  });

  it('ignores negative elapsed time and forgets the fraction on reset', () => {
    const p = new Pacer();
    expect(p.simMsFor(-5, 1)).toBe(0);
    expect(p.simMsFor(1, 0.5)).toBe(0);
    p.reset();
    expect(p.simMsFor(1, 0.5)).toBe(0);
  });
});

describe('Throttle', () => {
  it('allows one post per interval', () => {
    const t = new Throttle(30);
    expect(t.wait(0)).toBe(0);
    t.mark(0);
    expect(t.wait(10)).toBe(20);
    expect(t.wait(30)).toBe(0);
  });
});
