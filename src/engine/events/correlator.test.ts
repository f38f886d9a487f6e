// The correlator's caches: bounded like client-go's LRU caches (maxLruCacheEntries 4096).
import { describe, expect, it } from 'vitest';
import { CACHE_SIZE, Correlator, type EventFields } from './correlator';

const ev = (name: string): EventFields => ({
  namespace: 'default',
  source: { component: 'c' },
  involvedObject: { kind: 'Pod', namespace: 'default', name, uid: name },
  type: 'Normal',
  reason: 'R',
  message: 'm',
});

describe('correlator caches', () => {
  let n = 0;
  const name = () => `e${n++}`;

  it('remembers an event across at least 4096 others, and forgets it within 8192', () => {
    const c = new Correlator();
    c.correlate(ev('first'), 0, name, 't');
    for (let i = 0; i < CACHE_SIZE - 1; i++) c.correlate(ev(`p${i}`), 0, name, 't');
    expect(c.correlate(ev('first'), 0, name, 't').observation.count).toBe(2);
    for (let i = 0; i < 2 * CACHE_SIZE; i++) c.correlate(ev(`q${i}`), 0, name, 't');
    expect(c.correlate(ev('first'), 0, name, 't').isUpdate).toBe(false);
  });

  it('round-trips through JSON with identical behaviour', () => {
    const a = new Correlator();
    for (let i = 0; i < CACHE_SIZE + 100; i++) a.correlate(ev(`p${i % 5000}`), i, name, 't');
    const b = new Correlator();
    b.load(JSON.parse(JSON.stringify(a.toJSON())), 'x');
    for (let i = 0; i < 300; i++) {
      const e = ev(`p${(i * 37) % 5000}`);
      const fixed = () => 'same';
      expect(b.correlate(e, 10_000 + i, fixed, 't')).toEqual(a.correlate(e, 10_000 + i, fixed, 't'));
    }
  });
});
