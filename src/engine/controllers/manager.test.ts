// The controller manager's loop: keys are de-duplicated, advance() drains queues until
// quiet, and a runaway controller is cut off and reported instead of hanging the page
// (the "controller has nothing left to do" settle step of kube-scheduler-simulator scenarios).
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';
import { HOT_LOOP_LIMIT, INSTANT_RECONCILE_LIMIT } from './manager';

describe('controller manager', () => {
  it('serves a key once however often it was queued before a drain', () => {
    const t = testCluster();
    const seen: string[] = [];
    t.core.manager.register({ name: 'probe', reconcile: (key) => seen.push(key) });
    for (let i = 0; i < 5; i++) t.core.manager.enqueue('probe', 'k');
    t.core.manager.enqueue('probe', 'other');
    t.advance(0);
    expect(seen).toEqual(['k', 'other']);
  });

  it('fires timers in time order, ties in the order they were set', () => {
    const t = testCluster();
    const fired: string[] = [];
    t.core.manager.register({
      name: 'timers',
      reconcile: (key, ctx) => {
        if (key === 'setup') {
          ctx.after(3000, 'c');
          ctx.after(1000, 'a');
          ctx.after(1000, 'b');
          return;
        }
        fired.push(`${key}@${ctx.clock.now()}`);
      },
    });
    t.core.manager.enqueue('timers', 'setup');
    t.advance('5s');
    expect(fired).toEqual(['a@1000', 'b@1000', 'c@3000']);
    expect(t.now()).toBe(5000);
  });

  it('stops a controller re-queueing one key forever at one instant and reports a Warning event', () => {
    const t = testCluster();
    let runs = 0;
    t.core.manager.register({
      name: 'spinner',
      reconcile: (key, ctx) => {
        runs++;
        ctx.enqueue('spinner', key);
      },
    });
    t.core.manager.enqueue('spinner', 'spin');
    t.advance('1s');
    expect(runs).toBe(HOT_LOOP_LIMIT);
    const [e] = t.events('HotLoop');
    expect(e).toMatchObject({ type: 'Warning', involvedObject: { kind: 'Namespace', name: 'kube-system' } });
    expect(e.message).toContain(`controller spinner reconciled spin more than ${HOT_LOOP_LIMIT} times at one instant`);
    expect(t.core.manager.hotLoops).toEqual([{ controller: 'spinner', key: 'spin', at: 0 }]);
    // The rest of the cluster carries on.
    t.advance('1m');
    expect(t.now()).toBe(61_000);
  });

  it('catches a zero-delay timer loop the same way (ctx.after(0) never lets time move)', () => {
    const t = testCluster();
    let runs = 0;
    t.core.manager.register({
      name: 'zero',
      reconcile: (key, ctx) => {
        runs++;
        ctx.after(0, key);
      },
    });
    t.core.manager.enqueue('zero', 'z');
    t.advance('1s');
    expect(runs).toBe(HOT_LOOP_LIMIT);
    expect(t.events('HotLoop')).toHaveLength(1);
  });

  it('catches a controller chaining fresh keys forever (the per-instant cap)', () => {
    const t = testCluster();
    let runs = 0;
    t.core.manager.register({
      name: 'chain',
      reconcile: (key, ctx) => {
        runs++;
        ctx.enqueue('chain', `k${Number(key.slice(1)) + 1}`);
      },
    });
    t.core.manager.enqueue('chain', 'k0');
    t.advance(0);
    expect(runs).toBeLessThanOrEqual(INSTANT_RECONCILE_LIMIT);
    expect(t.events('HotLoop')[0].message).toContain(`more than ${INSTANT_RECONCILE_LIMIT} reconciles at one instant`);
  });

  it('keeps its work moving with time: a controller re-arming a 1s timer is not a hot loop', () => {
    const t = testCluster();
    let runs = 0;
    t.core.manager.register({
      name: 'ticker',
      reconcile: (key, ctx) => {
        runs++;
        ctx.after(1000, key);
      },
    });
    t.core.manager.enqueue('ticker', 't');
    t.advance('1h');
    expect(runs).toBe(3601);
    expect(t.events('HotLoop')).toEqual([]);
  });
});

describe('a reconcile that throws', () => {
  it('is reported as a Warning event and the simulation goes on', () => {
    const t = testCluster();
    t.core.manager.register({
      name: 'broken',
      reconcile: (key) => {
        throw new Error(`cannot handle ${key}`);
      },
    });
    t.core.manager.enqueue('broken', 'k');
    t.advance('1m');
    expect(t.now()).toBe(60_000);
    expect(t.events('ReconcileError').map((e) => e.message)).toEqual(['broken k: cannot handle k']);
    expect(t.core.manager.errors).toEqual([{ controller: 'broken', key: 'k', at: 0, message: 'cannot handle k' }]);
  });
});
