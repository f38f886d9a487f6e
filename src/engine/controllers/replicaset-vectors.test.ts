// The ReplicaSet part of the node_failure vectors of k8s-vectors.json (vendored in
// testdata/node-failure-vectors.json): each eviction-timeline case expects the
// replacement pod to be created "by the ReplicaSet controller after the pod is deleted".
// Sources: pkg/controller/replicaset (a pod being deleted no longer counts) after
// pkg/controller/tainteviction deletes it at ~grace + 300s.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { node, testCluster } from '../testing';
import { getControllerOf } from './controllerref';
import { isPodActive } from './podutil';

interface Case {
  id: string;
  given: Record<string, any>;
  expect: Record<string, any>;
}

const vectors = JSON.parse(readFileSync(resolve(__dirname, 'testdata/node-failure-vectors.json'), 'utf8')) as {
  cases: Case[];
};
const timelines = vectors.cases.filter((c) => c.id.startsWith('eviction-timeline'));

const rs = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
  },
};

describe('node_failure vectors: the ReplicaSet replaces an evicted pod', () => {
  it('has the eviction-timeline cases', () => {
    expect(timelines.map((c) => c.id)).toEqual(['eviction-timeline-grace40', 'eviction-timeline-grace50']);
  });

  describe.each(timelines)('$id', (c) => {
    const grace = c.given.nodeMonitorGracePeriodSeconds as number;
    it(`${c.expect.replacementPodCreatedBy} (~${c.expect.podDeletedByTaintEvictionAtSeconds}s)`, () => {
      const t = testCluster({
        nodes: [node('node-1'), node('node-2')],
        heartbeats: true,
        timingOverrides: { nodeMonitorGracePeriodMs: grace * 1000 },
      }).apply(rs);
      t.advance('100s');
      const uid = t.get('ReplicaSet', 'web')?.metadata.uid;
      const owned = () => t.list<Pod>('Pod', 'default').filter((p) => getControllerOf(p)?.uid === uid);
      const [first] = owned();
      expect(first.status.phase).toBe('Running');
      const killedAt = t.now();
      t.kill(first.spec.nodeName as string);
      let deletedAt: number | undefined;
      for (let s = 0; s < 500 && deletedAt === undefined; s++) {
        t.advance('1s');
        // Until the eviction the lost pod still counts, so nothing is created.
        const gone = t.get<Pod>('Pod', first.metadata.name)?.metadata.deletionTimestamp !== undefined;
        if (gone) deletedAt = (t.now() - killedAt) / 1000;
        else expect(owned()).toHaveLength(1);
      }
      const expected = Number(/~(\d+)/.exec(c.expect.podDeletedByTaintEvictionAtSeconds)?.[1]);
      expect(Math.abs((deletedAt as number) - expected)).toBeLessThanOrEqual(15);
      // At the same instant the ReplicaSet has made a replacement...
      const replacement = owned().filter((p) => p.metadata.uid !== first.metadata.uid && isPodActive(p));
      expect(replacement).toHaveLength(1);
      expect(t.events('SuccessfulCreate').map((e) => e.message)).toContain(
        `Created pod: ${replacement[0].metadata.name}`,
      );
      // ...which the scheduler puts on the surviving node, where it runs.
      t.advance('30s');
      const now = t.pod(replacement[0].metadata.name);
      expect(now.spec.nodeName).not.toBe(first.spec.nodeName);
      expect(now.status.phase).toBe('Running');
    });
  });
});
