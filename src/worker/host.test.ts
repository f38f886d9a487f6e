// The worker host against a real engine, with the wall clock and timers faked.
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../engine/index';
import type { ClusterView, WorkerMessage } from '../protocol/messages';
import { ClusterHost, type HostDeps, stripKubectl } from './host';

function harness(opts: Partial<HostDeps> = {}) {
  const posted: WorkerMessage[] = [];
  let wall = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let seq = 0;
  const deps: HostDeps = {
    post: (m) => posted.push(structuredClone(m)),
    now: () => wall,
    setTimer: (fn, ms) => {
      const id = ++seq;
      timers.push({ at: wall + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    ...opts,
  };
  const host = new ClusterHost(deps);
  /** Moves the wall clock forward, firing due timers in order. */
  const wallAdvance = (ms: number) => {
    const until = wall + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      wall = Math.max(wall, next.at);
      next.fn();
    }
    wall = until;
  };
  const views = () => posted.filter((m): m is Extract<WorkerMessage, { type: 'view' }> => m.type === 'view');
  const lastView = (): ClusterView => views().at(-1)!.view;
  return { host, posted, wallAdvance, views, lastView, pendingTimers: () => timers.length };
}

describe('ClusterHost', () => {
  it('posts a first view with the control-plane node and three workers', () => {
    const h = harness();
    h.wallAdvance(1);
    expect(h.lastView().nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(h.lastView().nodes[0].roles).toEqual(['control-plane']);
    expect(h.lastView().pods.length).toBeGreaterThan(0);
    h.host.dispose();
  });

  it('paces simulated time at wall × speed and reports the clock', () => {
    const h = harness();
    h.wallAdvance(2000);
    // The last tick fired at most one tick interval ago.
    expect(h.host.clock().now).toBeGreaterThanOrEqual(2000 - 33);
    expect(h.host.clock().now).toBeLessThanOrEqual(2000);
    h.host.handle({ type: 'setSpeed', speed: 10 });
    const before = h.host.clock().now;
    h.wallAdvance(1000);
    expect(h.host.clock().now - before).toBeGreaterThanOrEqual(10_000 - 33 * 10);
    expect(h.host.clock().now - before).toBeLessThanOrEqual(10_000);
    h.host.dispose();
  });

  it('clamps speed to 0.25–60', () => {
    const h = harness();
    h.host.handle({ type: 'setSpeed', speed: 1000 });
    expect(h.host.clock().speed).toBe(60);
    h.host.handle({ type: 'setSpeed', speed: 0 });
    expect(h.host.clock().speed).toBe(0.25);
    h.host.dispose();
  });

  it('stands still while paused, steps on request, and stops ticking when idle', () => {
    const h = harness();
    h.host.handle({ type: 'pause' });
    h.wallAdvance(100);
    const t = h.host.clock().now;
    h.wallAdvance(5000);
    expect(h.host.clock().now).toBe(t);
    expect(h.pendingTimers()).toBe(0);
    h.host.handle({ type: 'step', ms: 10_000 });
    expect(h.host.clock().now).toBe(t + 10_000);
    h.wallAdvance(100);
    expect(h.posted.filter((m) => m.type === 'clock').at(-1)).toMatchObject({
      clock: { now: t + 10_000, running: false },
    });
    h.host.dispose();
  });

  it('posts at most ~30 views a second, and none when nothing changed', () => {
    const h = harness();
    h.host.handle({ type: 'setSpeed', speed: 60 });
    h.wallAdvance(1000);
    const n = h.views().length;
    h.wallAdvance(1000);
    expect(h.views().length - n).toBeLessThanOrEqual(34);
    h.host.handle({ type: 'pause' });
    h.wallAdvance(100);
    const idle = h.views().length;
    h.wallAdvance(2000);
    expect(h.views().length).toBe(idle);
    h.host.dispose();
  });

  it('applies a manifest, answers with the result and shows the pod in the next view', () => {
    const h = harness();
    h.host.handle({
      type: 'apply',
      id: 7,
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
    });
    expect(h.posted).toContainEqual({
      type: 'applyResult',
      id: 7,
      result: expect.objectContaining({
        ok: true,
        results: [expect.objectContaining({ name: 'web', action: 'created' })],
      }),
      lines: ['pod/web created'],
    });
    h.wallAdvance(50);
    expect(h.lastView().pods).toContainEqual(
      expect.objectContaining({ namespace: 'default', name: 'web', ready: '0/1' }),
    );
    h.host.dispose();
  });

  it('reports apply errors with line numbers', () => {
    const h = harness();
    h.host.handle({ type: 'apply', id: 1, text: 'kind: Pod\nmetadata: [\n' });
    const r = h.posted.find((m) => m.type === 'applyResult');
    expect(r && r.type === 'applyResult' && r.result.ok).toBe(false);
    expect(r && r.type === 'applyResult' && r.result.errors[0].line).toBeGreaterThan(0);
    h.host.dispose();
  });

  it('answers kubectl lines with or without the "kubectl" prefix', () => {
    const h = harness();
    h.host.handle({ type: 'kubectl', id: 3, line: 'kubectl get nodes' });
    const r = h.posted.find((m) => m.type === 'kubectlResult');
    expect(r).toMatchObject({ type: 'kubectlResult', id: 3, line: 'kubectl get nodes' });
    expect(stripKubectl('  kubectl get pods -A')).toBe('get pods -A');
    expect(stripKubectl('get pods')).toBe('get pods');
    expect(stripKubectl('kubectl')).toBe('');
    h.host.dispose();
  });

  it('turns an engine exception into an error message and keeps serving', () => {
    let fail = false;
    const h = harness({
      createCluster: (o) => {
        const c = createCluster(o);
        const wrapped: Cluster = {
          ...c,
          advance: (ms) => {
            if (fail) throw new Error('boom');
            c.advance(ms);
          },
        };
        return wrapped;
      },
    });
    h.wallAdvance(100);
    fail = true;
    h.wallAdvance(100);
    expect(h.posted).toContainEqual({ type: 'error', command: 'tick', message: 'simulation paused: boom' });
    expect(h.host.clock().running).toBe(false);
    h.host.handle({ type: 'step', id: 9, ms: 1000 });
    expect(h.posted).toContainEqual({ type: 'error', id: 9, command: 'step', message: 'boom' });
    fail = false;
    h.host.handle({ type: 'kubectl', id: 10, line: 'get nodes' });
    expect(h.posted.some((m) => m.type === 'kubectlResult' && m.id === 10)).toBe(true);
    h.host.dispose();
  });

  it('reset builds a new cluster with the requested worker count', () => {
    const h = harness();
    h.wallAdvance(500);
    h.host.handle({ type: 'reset', options: { nodes: 1 } });
    h.wallAdvance(50);
    expect(h.lastView().nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1']);
    expect(h.host.clock().now).toBeLessThan(100);
    h.host.dispose();
  });
});

describe('ClusterHost workloads', () => {
  it('lists an applied Job and keeps its AGE as current as kubectl get jobs, with no object changing', () => {
    const h = harness();
    h.host.handle({
      type: 'apply',
      text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox:1.36\n        command: ["sh", "-c", "echo done"]\n',
    });
    h.host.handle({ type: 'setSpeed', speed: 60 });
    h.wallAdvance(3000);
    expect(h.lastView().workloads.map((w) => [w.kind, w.name, w.cells[1], w.tone])).toEqual([
      ['Job', 'pi', 'Complete', 'done'],
    ]);
    h.host.handle({ type: 'pause' });
    const kubectlRow = () => {
      h.host.handle({ type: 'kubectl', line: 'get job pi' });
      const r = [...h.posted].reverse().find((m) => m.type === 'kubectlResult');
      return r?.type === 'kubectlResult'
        ? r.result.stdout
            .split('\n')[1]
            .trim()
            .split(/\s{2,}/)
        : [];
    };
    // A finished Job is written no more, yet its AGE moves on: after every second the
    // view's row reads like kubectl's, whether or not anything else in the cluster changed.
    for (let i = 0; i < 30; i++) {
      h.host.handle({ type: 'step', ms: 1000 });
      h.wallAdvance(100);
      expect(h.lastView().workloads[0].cells).toEqual(kubectlRow());
    }
    h.host.dispose();
  });
});
