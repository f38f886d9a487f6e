/**
 * Properties of a rolling update (pkg/controller/deployment/rolling.go's promise):
 * on a healthy cluster, whatever the user changes — images, surge/unavailable budgets,
 * replicas — the deployment never runs more than replicas + maxSurge pods, and while
 * its size stays put never has fewer than replicas - maxUnavailable available; and
 * with chaos (nodes killed) it still converges once the nodes come back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { Deployment } from '../api/workload-types';
import { type TestCluster, testCluster } from '../testing';
import { resolveFenceposts } from './deployment-util';
import { isPodActive, isPodReady } from './podutil';

const IMAGES = ['nginx:1.25', 'nginx:1.27', 'nginx:1.28', 'nginx:1.29'];

type Op =
  | { op: 'image'; i: number }
  | { op: 'scale'; n: number }
  | { op: 'advance'; s: number }
  | { op: 'kill'; node: number };

function manifest(replicas: number, image: string, surge: number | string, unavailable: number | string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

/** A surge/unavailable pair validation accepts (not both zero). */
const budgetArb = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%')),
    fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%')),
  )
  .filter(([s, u]) => String(s).replace('%', '') !== '0' || String(u).replace('%', '') !== '0');

function deploymentPods(t: TestCluster): Pod[] {
  return t.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');
}

function deployment(t: TestCluster): Deployment {
  return t.get('Deployment', 'web') as Deployment;
}

/** Advance one second at a time, checking the bounds after each. */
function advanceChecking(t: TestCluster, seconds: number, check: () => void): void {
  for (let i = 0; i < seconds; i++) {
    t.advance(1000);
    check();
  }
}

function settle(t: TestCluster): void {
  for (let i = 0; i < 600; i++) {
    const d = deployment(t);
    const s = d.status;
    const replicas = d.spec.replicas ?? 0;
    const pods = deploymentPods(t);
    if (
      s?.observedGeneration === d.metadata.generation &&
      (s?.updatedReplicas ?? 0) === replicas &&
      (s?.replicas ?? 0) === replicas &&
      (s?.availableReplicas ?? 0) === replicas &&
      pods.length === replicas
    ) {
      return;
    }
    t.advance(1000);
  }
}

describe('Deployment rolling update bounds', () => {
  it('never exceeds replicas + maxSurge pods, nor drops below replicas - maxUnavailable available', () => {
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ op: fc.constant('image' as const), i: fc.nat({ max: IMAGES.length - 1 }) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('scale' as const), n: fc.integer({ min: 1, max: 8 }) }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('advance' as const), s: fc.integer({ min: 1, max: 8 }) }) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        budgetArb,
        fc.array(opArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        (replicas0, [surge, unavailable], ops, seed) => {
          const t = testCluster({ nodes: 3, seed });
          let replicas = replicas0;
          let image = IMAGES[0];
          t.apply(manifest(replicas, image, surge, unavailable));
          settle(t);
          // A scale-up adds replicas that are not available yet; the lower bound holds
          // again once the deployment has settled at its new size.
          let lowerBoundHolds = true;
          const check = () => {
            const { surge: s, unavailable: u } = resolveFenceposts(surge, unavailable, replicas);
            const active = deploymentPods(t).filter(isPodActive);
            expect(active.length).toBeLessThanOrEqual(replicas + s);
            if (lowerBoundHolds) {
              const available = active.filter(isPodReady).length;
              expect(available).toBeGreaterThanOrEqual(replicas - Math.min(u, replicas));
            }
          };
          for (const o of ops) {
            if (o.op === 'image') image = IMAGES[o.i];
            if (o.op === 'scale') {
              if (o.n > replicas) lowerBoundHolds = false;
              replicas = o.n;
            }
            if (o.op === 'advance') {
              advanceChecking(t, o.s, check);
              continue;
            }
            t.apply(manifest(replicas, image, surge, unavailable));
            // Let the controllers react at this instant, then look.
            t.advance(0);
            check();
          }
          settle(t);
          check();
          const pods = deploymentPods(t);
          expect(pods).toHaveLength(replicas);
          expect(pods.every((p) => p.spec.containers[0].image === image && p.status?.phase === 'Running')).toBe(true);
        },
      ),
      { numRuns: 20, seed: 7 },
    );
  });

  it('converges once chaos stops: every replica Running the latest template', () => {
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('image' as const), i: fc.nat({ max: IMAGES.length - 1 }) }),
      fc.record({ op: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ op: fc.constant('advance' as const), s: fc.integer({ min: 1, max: 90 }) }),
      fc.record({ op: fc.constant('kill' as const), node: fc.integer({ min: 1, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 8 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const t = testCluster({ nodes: 3, seed });
        let replicas = 3;
        let image = IMAGES[1];
        const killed = new Set<string>();
        t.apply(manifest(replicas, image, '25%', '25%'));
        for (const o of ops) {
          if (o.op === 'advance') t.advance(o.s * 1000);
          else if (o.op === 'kill') {
            const name = `node-${o.node}`;
            // Keep one worker alive so the pods have somewhere to go.
            if (!killed.has(name) && killed.size < 2) {
              killed.add(name);
              t.kill(name);
            }
          } else {
            if (o.op === 'image') image = IMAGES[o.i];
            else replicas = o.n;
            t.apply(manifest(replicas, image, '25%', '25%'));
          }
        }
        for (const name of killed) t.restore(name);
        t.advance('2m');
        settle(t);
        const pods = deploymentPods(t).filter(isPodActive);
        expect(pods).toHaveLength(replicas);
        expect(pods.every((p) => p.spec.containers[0].image === image && p.status?.phase === 'Running')).toBe(true);
        const d = deployment(t);
        expect(d.status?.availableReplicas ?? 0).toBe(replicas);
        expect(d.status?.updatedReplicas ?? 0).toBe(replicas);
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});
