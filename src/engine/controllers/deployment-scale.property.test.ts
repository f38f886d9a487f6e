// A property of proportional scaling (sync.go scale): a deployment resized in the
// middle of a rollout ends with exactly replicas + maxSurge pods asked for across its
// ReplicaSets (none at all when resized to 0), and no ReplicaSet goes below zero.
// The TestScale table checks chosen sizes; this checks the sum for any of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setReplicasAnnotations } from './deployment-annotations';
import { scale } from './deployment-scale';
import { FakeDeploymentOps, newDeployment, newRS } from './deployment-testing';

describe('scale: proportional scaling keeps the total', () => {
  it('property: after a resize the ReplicaSets add up to replicas + maxSurge', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 4 }),
        fc.nat(5),
        fc.nat(60),
        fc.nat(6),
        (sizes, oldSurge, replicas, surge) => {
          // Mid-rollout at the surge limit of the old size: every ReplicaSet remembers it.
          const total = sizes.reduce((a, b) => a + b, 0);
          fc.pre(total - oldSurge > 0);
          const rss = sizes.map((n, i) => {
            const annotations: Record<string, string> = {};
            setReplicasAnnotations(annotations, total - oldSurge, total);
            // available 0: the new ReplicaSet is never saturated, so scale goes proportional.
            return newRS(`rs-${i}`, n, { created: `2016-05-20T0${i}:00:00Z`, annotations, available: 0 });
          });
          const [newest, ...olds] = [...rss].reverse();
          const ops = new FakeDeploymentOps(undefined, rss);
          scale(ops, newDeployment(replicas, surge, 0), newest, olds);
          const after = rss.map((rs) => ops.replicaSets.get(rs.metadata.name)?.spec.replicas ?? -1);
          for (const n of after) expect(n).toBeGreaterThanOrEqual(0);
          expect(after.reduce((a, b) => a + b, 0)).toBe(replicas > 0 ? replicas + surge : 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
