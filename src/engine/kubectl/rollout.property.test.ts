/**
 * Properties of rollout history under any sequence of image changes and undos through
 * kubectl (kubectl polymorphichelpers/rollback.go over pkg/controller/deployment's
 * revision bookkeeping): revisions stay unique and increasing, the Deployment's own
 * revision is the newest one, and the newest ReplicaSet carries the Deployment's
 * template. A template used twice never gets a second ReplicaSet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../api/workload-types';
import { testCluster } from '../testing';
import { equalIgnoreHash } from './rollout-revisions';

const IMAGES = ['nginx:1.25', 'nginx:1.27', 'nginx:1.29'];

type Op = { set: number } | { undo: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ set: fc.integer({ min: 0, max: IMAGES.length - 1 }) }),
  fc.record({ undo: fc.integer({ min: 0, max: 4 }) }),
);

describe('rollout history property', () => {
  it('revisions stay unique and the newest one is the Deployment itself', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 5 }), (ops) => {
        const t = testCluster({ nodes: 2 });
        t.kubectl(`create deployment web --image=${IMAGES[0]} --replicas=2`);
        t.kubectl('rollout status deployment/web');
        for (const o of ops) {
          if ('set' in o) t.run(`set image deployment/web nginx=${IMAGES[o.set]}`);
          else t.run(`rollout undo deployment/web --to-revision=${o.undo}`);
          expect(t.run('rollout status deployment/web').exitCode).toBe(0);
        }
        const rss = t.list<ReplicaSet>('ReplicaSet', 'default');
        const revisions = rss.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision']));
        expect(new Set(revisions).size).toBe(revisions.length);
        const newest = Math.max(...revisions);
        const d = t.get('Deployment', 'web');
        expect(Number(d?.metadata.annotations?.['deployment.kubernetes.io/revision'])).toBe(newest);
        const newestRS = rss[revisions.indexOf(newest)];
        expect(equalIgnoreHash(newestRS.spec.template, d?.spec?.template)).toBe(true);
        const images = new Set(rss.map((rs) => rs.spec.template.spec.containers[0].image));
        expect(images.size).toBe(rss.length);
        const listed = t
          .run('rollout history deployment/web')
          .stdout.split('\n')
          .slice(2)
          .filter((l) => l.trim() !== '')
          .map((l) => Number(l.split(/\s+/)[0]));
        expect(listed).toEqual([...revisions].sort((a, b) => a - b));
      }),
      { numRuns: 12, seed: 7 },
    );
  });
});
