import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import { SERIES_CAPACITY, SeriesRecorder } from './series';

const deployment = (image: string, replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        resources: {requests: {cpu: 250m}}
`;

describe('SeriesRecorder', () => {
  it('takes one sample per simulated second, even when one advance covers many', () => {
    const c = createCluster({ nodes: 1, timings: 'fast' });
    const s = new SeriesRecorder();
    s.record(c);
    s.advance(c, 10_500);
    const v = s.view();
    expect(v.t).toHaveLength(11);
    expect(v.t.every((t, i) => i === 0 || t - v.t[i - 1] === 1000)).toBe(true);
    // a second already sampled is not sampled twice
    s.advance(c, 200);
    expect(s.view().t).toHaveLength(11);
  });

  it('keeps only the last 10 simulated minutes (the ring buffer is bounded)', () => {
    const c = createCluster({ nodes: 1, timings: 'fast' });
    const s = new SeriesRecorder();
    for (let i = 0; i < 3; i++) s.advance(c, 5 * 60_000);
    expect(s.size).toBe(SERIES_CAPACITY);
    const v = s.view();
    expect(v.t.length).toBeLessThanOrEqual(600);
    expect(v.t[v.t.length - 1] - v.t[0]).toBeLessThan(600_000);
    expect(v.t[v.t.length - 1]).toBe(c.now());
    expect([...v.t].sort((a, b) => a - b)).toEqual(v.t);
  });

  it('follows a Deployment through a rolling update: desired, updated, ready, available', () => {
    const c = createCluster({ nodes: 2, timings: 'fast' });
    const s = new SeriesRecorder();
    s.record(c);
    c.apply(deployment('nginx:1.25'));
    s.advance(c, 60_000);
    const before = s.view().deployments.find((d) => d.name === 'web');
    expect(before?.namespace).toBe('default');
    const last = (xs: (number | null)[] | undefined) => xs?.[xs.length - 1];
    expect(last(before?.desired)).toBe(3);
    expect(last(before?.ready)).toBe(3);
    expect(last(before?.available)).toBe(3);
    // the first sample predates the Deployment
    expect(before?.desired[0]).toBeNull();

    const mark = s.view().t.length;
    c.apply(deployment('nginx:1.27'));
    s.advance(c, 120_000);
    const after = s.view().deployments.find((d) => d.name === 'web');
    const updated = (after?.updated ?? []).slice(mark) as number[];
    // updated replicas climb from 0 to 3 one surge at a time while desired stays 3
    expect(Math.min(...updated)).toBeLessThan(3);
    expect(last(after?.updated)).toBe(3);
    expect(new Set((after?.desired ?? []).slice(mark))).toEqual(new Set([3]));
    expect(last(after?.available)).toBe(3);
  });

  it('counts Running and Pending pods and CPU requested per node', () => {
    const c = createCluster({ nodes: 1, timings: 'fast' });
    const s = new SeriesRecorder();
    // 8 × 250m cannot all fit on a 2-CPU worker next to kube-proxy and CoreDNS
    c.apply(deployment('nginx:1.27', 8));
    s.advance(c, 60_000);
    const v = s.view();
    const i = v.t.length - 1;
    expect(v.pods.pending[i]).toBeGreaterThan(0);
    expect(v.pods.running[i]).toBeGreaterThan(0);
    const worker = v.nodes.find((n) => n.name === 'node-1');
    expect(worker?.cpuPercent[i]).toBeGreaterThan(50);
    expect(worker?.cpuPercent[i]).toBeLessThanOrEqual(100);
  });

  it('clear() forgets a previous cluster', () => {
    const c = createCluster({ nodes: 1, timings: 'fast' });
    const s = new SeriesRecorder();
    s.advance(c, 5000);
    s.clear();
    expect(s.view().t).toEqual([]);
  });
});
