/**
 * Property: whatever a user does — scale, delete pods, let time pass — the number of
 * active pods a ReplicaSet owns settles at spec.replicas (the controller's one promise,
 * pkg/controller/replicaset).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../api/types';
import { testCluster } from '../testing';
import { getControllerOf } from './controllerref';
import { isPodActive } from './podutil';

type Op = { op: 'scale'; n: number } | { op: 'delete'; pick: number } | { op: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 60_000 }) }),
);

const manifest = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
  },
};

describe('ReplicaSet convergence', () => {
  it('active owned pods converge to spec.replicas', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 12 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const t = testCluster({ nodes: 2, seed }).apply(manifest);
        const owned = () => {
          const uid = t.get('ReplicaSet', 'web')?.metadata.uid;
          return t.list<Pod>('Pod', 'default').filter((p) => getControllerOf(p)?.uid === uid && isPodActive(p));
        };
        for (const o of ops) {
          if (o.op === 'scale') {
            const cur = t.get('ReplicaSet', 'web') as KubeObject;
            t.core.api.update({ ...cur, spec: { ...cur.spec, replicas: o.n } });
          } else if (o.op === 'delete') {
            const pods = owned();
            if (pods.length > 0) t.delete('Pod', pods[o.pick % pods.length].metadata.name);
          } else {
            t.advance(o.ms);
          }
        }
        t.advance('2m');
        const want = t.get('ReplicaSet', 'web')?.spec.replicas;
        expect(owned()).toHaveLength(want);
        expect(t.get('ReplicaSet', 'web')?.status.replicas).toBe(want);
        expect(owned().every((p) => p.status.phase === 'Running')).toBe(true);
      }),
      { numRuns: 25, seed: 42 },
    );
  });
});
