// Everything the kubelet knows lives in controller state (plain JSON), so a snapshot taken
// mid-pull, mid-back-off or mid-termination restores to a cluster that carries on exactly
// as the original; and the same seed and calls give byte-identical clusters.
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster, restoreCluster } from '../index';
import { podYaml } from './testkit';

function script(c: Cluster): void {
  c.apply(podYaml('web', '  containers:\n  - name: nginx\n    image: nginx:1.27\n'));
  c.apply(podYaml('crash', '  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "exit 1"]\n'));
  c.apply(podYaml('typo', '  containers:\n  - name: app\n    image: nginx:1.161\n'));
  c.apply(
    podYaml(
      'init',
      '  initContainers:\n  - name: setup\n    image: busybox:1.36\n    command: [sleep, "20"]\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n',
    ),
  );
}

/** The first differences between two JSON values, as paths (readable where a whole-snapshot diff is not). */
function differences(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 10 || JSON.stringify(a) === JSON.stringify(b)) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    out.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} != ${JSON.stringify(b)?.slice(0, 200)}`);
    return out;
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  for (const k of new Set([...ka, ...kb])) {
    differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  }
  if (out.length === 0) out.push(`${path}: same content, different key order`);
  return out;
}

const same = (a: Cluster, b: Cluster) =>
  expect(differences(JSON.parse(JSON.stringify(a.snapshot())), JSON.parse(JSON.stringify(b.snapshot())))).toEqual([]);

describe('kubelet state in snapshots', () => {
  for (const [what, at] of [
    ['mid-pull', 1_500],
    ['mid-back-off and mid-init', 35_000],
  ] as const) {
    it(`round-trips ${what}`, () => {
      const a = createCluster({ seed: 7 });
      script(a);
      a.advance(at);
      const b = restoreCluster(JSON.parse(JSON.stringify(a.snapshot())));
      same(a, b);
      a.advance(400_000);
      b.advance(400_000);
      same(a, b);
    });
  }

  it('round-trips mid-termination and mid-outage', () => {
    const a = createCluster({ seed: 3 });
    script(a);
    a.advance(30_000);
    a.delete('Pod', 'web');
    a.chaos.killNode('node-2');
    a.advance(200);
    const b = restoreCluster(JSON.parse(JSON.stringify(a.snapshot())));
    for (const c of [a, b]) {
      c.advance(60_000);
      c.chaos.restoreNode('node-2');
      c.advance(60_000);
    }
    same(a, b);
  });

  it('is deterministic: the same seed and calls give identical snapshots and events', () => {
    const run = () => {
      const c = createCluster({ seed: 11 });
      script(c);
      c.advance(90_000);
      c.chaos.crashContainer('default', 'web');
      c.advance(90_000);
      return c;
    };
    const a = run();
    const b = run();
    same(a, b);
    expect(JSON.stringify(b.events())).toBe(JSON.stringify(a.events()));
  });
});
