// The event recorder and correlator, after client-go tools/record (events_cache.go:
// EventLogger, EventAggregator, EventSourceObjectSpamFilter) and the API server's --event-ttl.
import { describe, expect, it } from 'vitest';
import type { KubeEvent } from '../api/types';
import { EPOCH_MS } from '../sim/clock';
import { testCluster } from '../testing';
import { AGGREGATE_MAX_EVENTS, COMBINED_PREFIX, SPAM_BURST } from './correlator';

const SOURCE = { component: 'test-controller' };

function setup() {
  const t = testCluster({ nodes: 1 });
  const node = t.node('node-1');
  const rec = t.core.events;
  const mine = () => t.events().filter((e) => e.source.component === SOURCE.component);
  return { t, node, rec, mine };
}

describe('event recorder', () => {
  it('writes a core/v1 Event with the real fields', () => {
    const { t, node, rec, mine } = setup();
    t.advance('1500ms');
    rec.warning(SOURCE, node, 'Something', 'it happened', { fieldPath: 'spec' });
    const [e] = mine();
    expect(e).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      type: 'Warning',
      reason: 'Something',
      message: 'it happened',
      count: 1,
      firstTimestamp: '2026-01-01T09:00:01Z',
      lastTimestamp: '2026-01-01T09:00:01Z',
      source: SOURCE,
      involvedObject: { kind: 'Node', name: 'node-1', uid: node.metadata.uid, apiVersion: 'v1', fieldPath: 'spec' },
    });
    // Cluster-scoped objects' events live in "default".
    expect(e.metadata.namespace).toBe('default');
  });

  it('names events <object>.<hex unix nanoseconds> of the simulated time', () => {
    const { t, node, rec, mine } = setup();
    t.advance('2s');
    rec.normal(SOURCE, node, 'A', 'a');
    rec.normal(SOURCE, node, 'B', 'b');
    const [a, b] = mine().map((e) => e.metadata.name);
    const nanos = BigInt(EPOCH_MS + 2000) * 1_000_000n;
    expect(a).toBe(`node-1.${nanos.toString(16)}`);
    expect(b).toBe(`node-1.${(nanos + 1n).toString(16)}`);
  });

  it('deduplicates: same source, object, type, reason and message bump count and lastTimestamp', () => {
    const { t, node, rec, mine } = setup();
    rec.normal(SOURCE, node, 'Pulled', 'same');
    t.advance('30s');
    rec.normal(SOURCE, node, 'Pulled', 'same');
    t.advance('30s');
    rec.normal(SOURCE, node, 'Pulled', 'same');
    const events = mine();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      count: 3,
      firstTimestamp: '2026-01-01T09:00:00Z',
      lastTimestamp: '2026-01-01T09:01:00Z',
    });
    // A different message, reason, type or source is a different event.
    rec.normal(SOURCE, node, 'Pulled', 'other');
    rec.warning(SOURCE, node, 'Pulled', 'same');
    rec.normal({ component: 'test-controller', host: 'node-1' }, node, 'Pulled', 'same');
    expect(mine()).toHaveLength(4);
  });

  it(`combines ${AGGREGATE_MAX_EVENTS} similar events (same reason, different messages) within 10 minutes`, () => {
    const { t, node, rec, mine } = setup();
    for (let i = 1; i <= 12; i++) {
      rec.warning(SOURCE, node, 'Flapping', `attempt ${i}`);
      t.advance('1s');
    }
    const events = mine();
    // 9 distinct ones, then the 10th onwards fold into one combined event.
    expect(events.map((e) => e.message)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `attempt ${i + 1}`),
      `${COMBINED_PREFIX}attempt 12`,
    ]);
    expect(events[9].count).toBe(3);
    expect(events[9].firstTimestamp).toBe('2026-01-01T09:00:09Z');
  });

  it('starts the aggregation window afresh after 10 minutes of quiet', () => {
    const { t, node, rec, mine } = setup();
    for (let i = 1; i <= 9; i++) rec.warning(SOURCE, node, 'Flapping', `m${i}`);
    t.advance('11m');
    rec.warning(SOURCE, node, 'Flapping', 'm10');
    expect(mine().map((e) => e.message)).not.toContain(`${COMBINED_PREFIX}m10`);
  });

  it(`throttles writes per source and object (burst ${SPAM_BURST}, then one per 5 minutes) but keeps the true count`, () => {
    const { t, node, rec, mine } = setup();
    for (let i = 0; i < SPAM_BURST + 10; i++) rec.normal(SOURCE, node, 'Tick', 'tick');
    expect(mine()[0].count).toBe(SPAM_BURST);
    t.advance('5m');
    rec.normal(SOURCE, node, 'Tick', 'tick');
    expect(mine()[0].count).toBe(SPAM_BURST + 11);
  });

  it('expires events --event-ttl (1h) after their last write', () => {
    const { t, node, rec, mine } = setup();
    rec.normal(SOURCE, node, 'Old', 'old');
    rec.normal(SOURCE, node, 'Kept', 'kept');
    t.advance('50m');
    rec.normal(SOURCE, node, 'Kept', 'kept');
    t.advance('11m');
    expect(mine().map((e) => e.reason)).toEqual(['Kept']);
    t.advance('50m');
    expect(mine()).toEqual([]);
  });

  it('re-creates an expired event under its old name with the count going on', () => {
    const { t, node, rec, mine } = setup();
    rec.normal(SOURCE, node, 'Again', 'again');
    const name = mine()[0].metadata.name;
    t.advance('61m');
    expect(mine()).toEqual([]);
    rec.normal(SOURCE, node, 'Again', 'again');
    const [e] = mine() as KubeEvent[];
    expect(e.metadata.name).toBe(name);
    expect(e.count).toBe(2);
  });
});
