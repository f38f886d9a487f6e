// The simulation core: virtual clock, timer queue, seeded PRNG and the advance loop.
import { describe, expect, it } from 'vitest';
import { Clock, EPOCH_MS, fromTimestamp, toTimestamp } from './clock';
import { advance } from './loop';
import { Rng } from './rng';
import { type Timer, TimerQueue } from './timers';

describe('clock', () => {
  it('starts at 0 on a fixed wall-clock epoch and writes RFC 3339 at second precision', () => {
    const c = new Clock();
    expect(c.now()).toBe(0);
    expect(c.timestamp()).toBe('2026-01-01T09:00:00Z');
    c.set(61_999);
    expect(c.timestamp()).toBe('2026-01-01T09:01:01Z');
    expect(fromTimestamp(toTimestamp(61_999))).toBe(61_000);
    expect(EPOCH_MS).toBe(Date.UTC(2026, 0, 1, 9));
  });

  it('never goes back', () => {
    const c = new Clock();
    c.set(10);
    expect(() => c.set(9)).toThrow(/cannot go back/);
  });
});

describe('rng (mulberry32)', () => {
  it('is a pure function of its seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(new Rng(43).next()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('carries its whole state in one integer (snapshots resume the sequence)', () => {
    const a = new Rng(7);
    a.next();
    const b = new Rng(0);
    b.setState(a.getState());
    expect(b.uuid()).toBe(a.uuid());
  });

  it("draws names from Kubernetes' suffix alphabet and v4-shaped uuids", () => {
    const r = new Rng(1);
    expect(r.suffix(500)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{500}$/);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(6)));
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('timer queue', () => {
  it('pops in time order, ties in the order they were added', () => {
    const q = new TimerQueue();
    const order = [30, 10, 20, 10, 0, 20];
    for (const [i, at] of order.entries()) q.add(at, 'c', `k${i}`);
    const out: string[] = [];
    for (let t = q.pop(); t; t = q.pop()) out.push(`${t.at}:${t.key}`);
    expect(out).toEqual(['0:k4', '10:k1', '10:k3', '20:k2', '20:k5', '30:k0']);
  });

  it('survives JSON: the restored queue pops the same sequence and numbers new timers on', () => {
    const q = new TimerQueue();
    for (let i = 0; i < 50; i++) q.add((i * 7919) % 101, 'c', `k${i}`);
    const r = TimerQueue.fromJSON(JSON.parse(JSON.stringify(q.toJSON())));
    r.add(5, 'c', 'late');
    q.add(5, 'c', 'late');
    const drain = (x: TimerQueue) => {
      const out: Timer[] = [];
      for (let t = x.pop(); t; t = x.pop()) out.push(t);
      return out;
    };
    expect(drain(r)).toEqual(drain(q));
  });
});

describe('advance loop', () => {
  function rig() {
    const clock = new Clock();
    const timers = new TimerQueue();
    const log: string[] = [];
    let settles = 0;
    const parts = {
      clock,
      timers,
      fire: (t: Timer) => log.push(`${clock.now()}:${t.key}`),
      settle: () => {
        settles++;
      },
    };
    return { clock, timers, log, parts, settles: () => settles };
  }

  it('fires due timers in order at their instants and ends exactly at now + ms', () => {
    const r = rig();
    r.timers.add(2500, 'c', 'b');
    r.timers.add(1000, 'c', 'a');
    r.timers.add(9000, 'c', 'later');
    advance(r.parts, 5000);
    expect(r.log).toEqual(['1000:a', '2500:b']);
    expect(r.clock.now()).toBe(5000);
    expect(r.timers.size).toBe(1);
  });

  it('settles before, after every instant, and at the end', () => {
    const r = rig();
    r.timers.add(10, 'c', 'x');
    r.timers.add(10, 'c', 'y');
    r.timers.add(20, 'c', 'z');
    advance(r.parts, 100);
    expect(r.settles()).toBe(4);
  });

  it('fires a timer at the boundary, and one set in the past right away', () => {
    const r = rig();
    r.clock.set(100);
    r.timers.add(50, 'c', 'overdue');
    r.timers.add(200, 'c', 'edge');
    advance(r.parts, 100);
    expect(r.log).toEqual(['100:overdue', '200:edge']);
  });

  it('rejects durations that are not', () => {
    const r = rig();
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => advance(r.parts, bad)).toThrow(RangeError);
  });
});
