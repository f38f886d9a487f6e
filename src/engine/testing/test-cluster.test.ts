// The TestCluster harness itself: steps run at once and chain, failures say what failed.
import { describe, expect, it } from 'vitest';
import { duration, node, pod, testCluster } from './index';

describe('TestCluster', () => {
  it('reads durations like kubectl ages', () => {
    expect(duration('250ms')).toBe(250);
    expect(duration('90s')).toBe(90_000);
    expect(duration('1h30m')).toBe(5_400_000);
    expect(duration(42)).toBe(42);
    for (const bad of ['', '5 minutes', '1d', 's']) expect(() => duration(bad)).toThrow(/not a duration/);
  });

  it('chains apply → advance → expect', () => {
    const t = testCluster({ nodes: [node('a')] })
      .apply(pod('web', { node: 'a', labels: { app: 'web' } }))
      .advance('1s')
      .expect((c) => expect(c.pod('web').metadata.labels).toEqual({ app: 'web' }));
    expect(t.now()).toBe(1000);
    expect(t.list('Pod', 'default').map((p) => p.metadata.name)).toEqual(['web']);
  });

  it('throws with the API error when an apply fails, and tryApply returns it instead', () => {
    const t = testCluster();
    expect(() => t.apply({ apiVersion: 'v1', kind: 'Gizmo', metadata: { name: 'x' } })).toThrow(
      /apply failed: .*Gizmo/,
    );
    expect(t.tryApply({ apiVersion: 'v1', kind: 'Gizmo', metadata: { name: 'x' } }).ok).toBe(false);
  });

  it('runs kubectl through the public Cluster', () => {
    const t = testCluster({ nodes: 1 }).kubectl('cordon node-1');
    expect(t.node('node-1').spec.unschedulable).toBe(true);
    expect(t.run('get nodes').stdout).toMatch(/^NAME\s+STATUS/);
    expect(() => t.kubectl('frobnicate')).toThrow(/kubectl frobnicate exited/);
  });

  it('markReady stands in for a kubelet; fork continues identically', () => {
    // Where no kubelet runs the pod (its machine is off), only markReady makes it Ready.
    const t = testCluster({ nodes: 1, heartbeats: true })
      .apply(pod('web', { node: 'node-1' }))
      .kill('node-1')
      .markReady('web');
    expect(t.pod('web').status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const f = t.fork();
    t.advance('2m');
    f.advance('2m');
    expect(JSON.stringify(f.snapshot())).toBe(JSON.stringify(t.snapshot()));
  });
});
