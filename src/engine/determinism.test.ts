// Same seed + same calls at the same simulated times ⇒ byte-identical objects and events;
// a different seed gives different uids and names (DESIGN.md, "The engine's public contract").
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from './index';

const PODS = ['a', 'b', 'c']
  .map(
    (n) => `---
apiVersion: v1
kind: Pod
metadata: { name: ${n}, labels: { app: demo } }
spec: { containers: [{ name: app, image: nginx:1.27 }] }`,
  )
  .join('\n');

/** A little of everything: apply, time, a node failure and its recovery, deletes. */
function script(seed: number): Cluster {
  const c = createCluster({ seed });
  c.apply(PODS);
  c.advance(20_000);
  c.chaos.killNode('node-2');
  c.advance(120_000);
  c.delete('Pod', 'a');
  c.advance(250_000);
  c.chaos.restoreNode('node-2');
  c.advance(60_000);
  c.delete('Pod', 'b', 'default', { propagationPolicy: 'Foreground' });
  c.advance(45_000);
  return c;
}

describe('determinism', () => {
  it('two clusters with the same seed and calls have byte-identical snapshots and events', () => {
    const a = script(42);
    const b = script(42);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
    expect(JSON.stringify(b.events())).toBe(JSON.stringify(a.events()));
    expect(a.events().length).toBeGreaterThan(5);
  });

  it('a different seed gives different uids', () => {
    const uids = (c: Cluster) => c.list('Node').map((n) => n.metadata.uid);
    const a = script(1);
    const b = script(2);
    expect(uids(a)).not.toEqual(uids(b));
    expect(JSON.stringify(a.snapshot())).not.toBe(JSON.stringify(b.snapshot()));
  });

  it('the default seed is 1', () => {
    expect(JSON.stringify(createCluster().snapshot())).toBe(JSON.stringify(createCluster({ seed: 1 }).snapshot()));
  });
});
