/**
 * mirrors pkg/controller/replicaset/replica_set_test.go (TestSyncReplicaSetCreateFailures,
 * TestSyncReplicaSetDormancy, TestDeleteControllerAndExpectations, TestPodControllerLookup,
 * TestUpdatePods, TestControllerUpdateStatusWithFailure) as scenarios on a whole
 * cluster: the scheduler and the kubelets run the pods the controller creates.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../api/types';
import { pod, testCluster } from '../testing';
import type { TestCluster } from '../testing/test-cluster';
import { getControllerOf } from './controllerref';
import { isPodActive } from './podutil';
import { REPLICASET_CONTROLLER } from './replicaset';

function rs(name: string, replicas: number, extra: { minReadySeconds?: number; labels?: Record<string, string> } = {}) {
  const labels = extra.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      ...(extra.minReadySeconds !== undefined ? { minReadySeconds: extra.minReadySeconds } : {}),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  };
}

function owned(t: TestCluster, owner: string, kind = 'ReplicaSet'): Pod[] {
  const o = t.get(kind, owner);
  return t.list<Pod>('Pod', 'default').filter((p) => getControllerOf(p)?.uid === o?.metadata.uid);
}

const activeOwned = (t: TestCluster, owner: string, kind = 'ReplicaSet') => owned(t, owner, kind).filter(isPodActive);
/** Changes spec.replicas as `kubectl scale` would (a client update), then lets the controllers run. */
function scale(t: TestCluster, name: string, replicas: number, kind = 'ReplicaSet'): void {
  const cur = t.get(kind, name) as KubeObject;
  t.core.api.update({ ...cur, spec: { ...cur.spec, replicas } });
  t.advance(0);
}

const messages = (t: TestCluster, reason: string) => t.events(reason).map((e) => e.message);

describe('creating pods', () => {
  it('creates spec.replicas pods from the template, named <rs>-xxxxx and controlled by the ReplicaSet', () => {
    const t = testCluster({ nodes: 3 }).apply(rs('web', 3)).advance('30s');
    const pods = owned(t, 'web');
    expect(pods).toHaveLength(3);
    const uid = t.get('ReplicaSet', 'web')?.metadata.uid;
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(p.status.phase).toBe('Running');
    }
    expect(messages(t, 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(t.events('SuccessfulCreate')[0].source.component).toBe('replicaset-controller');
    expect(t.events('SuccessfulCreate')[0].involvedObject).toMatchObject({ kind: 'ReplicaSet', name: 'web' });
    expect(t.get('ReplicaSet', 'web')?.status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
  });

  it('creates at most burstReplicas (500) pods in one sync', () => {
    const t = testCluster({ nodes: 1 });
    const ctx = t.core.context(REPLICASET_CONTROLLER);
    t.core.api.create(rs('big', 600) as unknown as KubeObject);
    t.core.manager.get(REPLICASET_CONTROLLER)?.reconcile('ReplicaSet/default/big', ctx);
    expect(owned(t, 'big')).toHaveLength(500);
    t.core.settle();
    expect(owned(t, 'big')).toHaveLength(600);
  });

  it('reports a failing create as FailedCreate and the ReplicaFailure condition, and retries with backoff', () => {
    const t = testCluster({ nodes: 1 }).apply(rs('web', 2)).advance('10s');
    const cur = t.get('ReplicaSet', 'web') as KubeObject;
    // A template the API server refuses for pods (written past validation, as a broken client might).
    t.core.api.replace({
      ...cur,
      spec: { ...cur.spec, replicas: 4, template: { ...cur.spec.template, spec: { containers: [] } } },
    });
    t.core.settle();
    const failed = messages(t, 'FailedCreate');
    // Slow start: each sync tries one create and stops (the status write wakes a second sync).
    expect(t.events('FailedCreate').reduce((n, e) => n + e.count, 0)).toBeLessThanOrEqual(2);
    for (const m of failed) {
      expect(m).toMatch(/^Error creating: Pod "web-[a-z0-9]{5}" is invalid: spec.containers: Required value$/);
    }
    expect(t.events('FailedCreate')[0].type).toBe('Warning');
    const status = t.get('ReplicaSet', 'web')?.status;
    expect(status.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: failed[0].slice('Error creating: '.length),
        lastTransitionTime: t.core.clock.timestamp(),
      },
    ]);
    // The rate limiter brings the key back: 5ms, 10ms, 20ms, ... each try fails the same way.
    t.advance('1s');
    expect(t.events('FailedCreate').reduce((n, e) => n + e.count, 0)).toBeGreaterThan(5);
    // Fixed: the next retry creates the pods and the condition goes.
    const broken = t.get('ReplicaSet', 'web') as KubeObject;
    t.core.api.replace({ ...broken, spec: { ...broken.spec, template: rs('web', 4).spec.template } });
    t.advance('1s');
    expect(activeOwned(t, 'web')).toHaveLength(4);
    expect(t.get('ReplicaSet', 'web')?.status.conditions).toBeUndefined();
  });
});

describe('ownership', () => {
  it('adopts a hand-made pod that matches its selector, then deletes the surplus (the not yet running one)', () => {
    const t = testCluster({ nodes: 3 }).apply(rs('web', 2)).advance('30s');
    t.kubectl('cordon node-1').kubectl('cordon node-2').kubectl('cordon node-3');
    t.apply(pod('hand', { labels: { app: 'web' } })).advance(0);
    const hand = t.get<Pod>('Pod', 'hand');
    // It was adopted (it carried the controllerRef when it was deleted) and, still
    // Pending and unscheduled, it ranked first for deletion.
    expect(hand === undefined || hand.metadata.deletionTimestamp !== undefined).toBe(true);
    expect(messages(t, 'SuccessfulDelete')).toEqual(['Deleted pod: hand']);
    expect(activeOwned(t, 'web')).toHaveLength(2);
  });

  it('keeps an adopted pod when there is room for it', () => {
    const t = testCluster({ nodes: 2 })
      .apply(pod('hand', { labels: { app: 'web' } }))
      .advance('20s');
    t.apply(rs('web', 2)).advance('20s');
    const hand = t.pod('hand');
    expect(getControllerOf(hand)).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
    expect(activeOwned(t, 'web')).toHaveLength(2);
    expect(messages(t, 'SuccessfulCreate')).toHaveLength(1);
  });

  it('releases a pod relabelled out of the selector and replaces it', () => {
    const t = testCluster({ nodes: 2 }).apply(rs('web', 2)).advance('30s');
    const victim = owned(t, 'web')[0].metadata.name;
    t.kubectl(`label pod ${victim} app=debug --overwrite`).advance(0);
    expect(t.pod(victim).metadata.ownerReferences).toBeUndefined();
    expect(t.pod(victim).metadata.deletionTimestamp).toBeUndefined();
    const now = activeOwned(t, 'web');
    expect(now).toHaveLength(2);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim);
  });

  it('ignores pods another controller owns', () => {
    const t = testCluster({ nodes: 2 })
      .apply(rs('a', 1, { labels: { app: 'x' } }))
      .advance('20s');
    t.apply(rs('b', 1, { labels: { app: 'x' } })).advance('20s');
    expect(activeOwned(t, 'a')).toHaveLength(1);
    expect(activeOwned(t, 'b')).toHaveLength(1);
    expect(activeOwned(t, 'a')[0].metadata.name).not.toBe(activeOwned(t, 'b')[0].metadata.name);
  });
});

describe('deleting pods', () => {
  it('replaces a deleted pod at once', () => {
    const t = testCluster({ nodes: 2 }).apply(rs('web', 2)).advance('30s');
    const victim = owned(t, 'web')[0].metadata.name;
    t.delete('Pod', victim).advance(0);
    expect(activeOwned(t, 'web').map((p) => p.metadata.name)).not.toContain(victim);
    expect(activeOwned(t, 'web')).toHaveLength(2);
    expect(messages(t, 'SuccessfulCreate')).toHaveLength(3);
    t.advance('40s');
    expect(t.get('Pod', victim)).toBeUndefined();
    expect(activeOwned(t, 'web').every((p) => p.status.phase === 'Running')).toBe(true);
  });

  it('scales down pending pods before running ones', () => {
    const t = testCluster({ nodes: 2 }).apply(rs('web', 2)).advance('30s');
    const running = owned(t, 'web').map((p) => p.metadata.name);
    t.kubectl('cordon node-1').kubectl('cordon node-2');
    scale(t, 'web', 4);
    const pending = activeOwned(t, 'web').filter((p) => !running.includes(p.metadata.name));
    expect(pending.map((p) => p.status.phase)).toEqual(['Pending', 'Pending']);
    scale(t, 'web', 2);
    expect(
      activeOwned(t, 'web')
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual([...running].sort());
    expect(messages(t, 'SuccessfulDelete').sort()).toEqual(
      pending.map((p) => `Deleted pod: ${p.metadata.name}`).sort(),
    );
  });

  it('scales to zero and leaves failed or terminating pods out of the count', () => {
    const t = testCluster({ nodes: 2 }).apply(rs('web', 3)).advance('30s');
    scale(t, 'web', 0);
    t.advance('40s');
    expect(owned(t, 'web')).toHaveLength(0);
    expect(t.get('ReplicaSet', 'web')?.status).toEqual({ replicas: 0, observedGeneration: 2 });
  });
});

describe("a ReplicaSet with a controlling owner (as a Deployment's are)", () => {
  // getIndirectlyRelatedPods: the rank counts the pods of every ReplicaSet with the same
  // controller on the node. A Lease stands in for the owner (nothing else acts on it).
  function family(withOwner: boolean) {
    const t = testCluster({ nodes: 2 });
    t.apply({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'owner' }, spec: {} });
    const owner = t.get('Lease', 'owner') as KubeObject;
    const ownerReferences = withOwner
      ? [
          {
            apiVersion: 'coordination.k8s.io/v1',
            kind: 'Lease',
            name: 'owner',
            uid: owner.metadata.uid,
            controller: true,
          },
        ]
      : undefined;
    const withRefs = (m: ReturnType<typeof rs>) => ({ ...m, metadata: { ...m.metadata, ownerReferences } });
    // a2 is the older pod, on node-2 beside both of b's pods; a1 is newer and alone on node-1.
    t.apply(pod('a2', { node: 'node-2', labels: { app: 'a' } }), pod('b1', { node: 'node-2', labels: { app: 'b' } }));
    t.apply(pod('b2', { node: 'node-2', labels: { app: 'b' } })).advance('60s');
    t.apply(pod('a1', { node: 'node-1', labels: { app: 'a' } })).advance('20s');
    t.apply(withRefs(rs('a', 2)), withRefs(rs('b', 2))).advance('1s');
    expect(
      activeOwned(t, 'a')
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(['a1', 'a2']);
    scale(t, 'a', 1);
    return activeOwned(t, 'a').map((p) => p.metadata.name);
  }

  it('deletes from the node most crowded with the family', () => {
    expect(family(true)).toEqual(['a1']);
  });

  it('without an owner the ranks are all zero, and the newer pod goes', () => {
    expect(family(false)).toEqual(['a2']);
  });
});

describe('status', () => {
  it('counts a pod available minReadySeconds after it became ready, on the virtual clock', () => {
    const t = testCluster({ nodes: 1 }).apply(rs('web', 1, { minReadySeconds: 30 }));
    let readyAt: number | undefined;
    for (let i = 0; i < 60 && readyAt === undefined; i++) {
      t.advance('1s');
      if (t.get('ReplicaSet', 'web')?.status.readyReplicas === 1) readyAt = t.now();
    }
    expect(readyAt).toBeDefined();
    expect(t.get('ReplicaSet', 'web')?.status.availableReplicas).toBeUndefined();
    t.advance('28s');
    expect(t.get('ReplicaSet', 'web')?.status.availableReplicas).toBeUndefined();
    t.advance('3s');
    expect(t.get('ReplicaSet', 'web')?.status.availableReplicas).toBe(1);
  });

  it('counts fullyLabeledReplicas against the template labels, not the selector', () => {
    const t = testCluster({ nodes: 1 });
    const base = rs('web', 1);
    base.spec.template.metadata.labels = { app: 'web', tier: 'fe' };
    t.apply(pod('hand', { labels: { app: 'web' } })).advance('10s');
    t.apply({ ...base, spec: { ...base.spec, replicas: 2 } }).advance('20s');
    const st = t.get('ReplicaSet', 'web')?.status;
    expect(st.replicas).toBe(2);
    expect(st.fullyLabeledReplicas).toBe(1);
  });

  it('bumps observedGeneration on a spec change', () => {
    const t = testCluster({ nodes: 1 }).apply(rs('web', 1)).advance('10s');
    scale(t, 'web', 2);
    t.advance('10s');
    expect(t.get('ReplicaSet', 'web')?.status.observedGeneration).toBe(2);
  });
});

describe('ReplicationController', () => {
  const rc = {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'nginx' },
    spec: {
      replicas: 2,
      selector: { app: 'nginx' },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };

  it('keeps its pods like a ReplicaSet, with an equality selector and its own event source', () => {
    const t = testCluster({ nodes: 2 }).apply(rc).advance('30s');
    const pods = owned(t, 'nginx', 'ReplicationController');
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController' });
    expect(t.events('SuccessfulCreate')[0].source.component).toBe('replication-controller');
    t.delete('Pod', pods[0].metadata.name).advance(0);
    expect(activeOwned(t, 'nginx', 'ReplicationController')).toHaveLength(2);
    expect(t.get('ReplicationController', 'nginx')?.status).toMatchObject({ replicas: 2, readyReplicas: 1 });
  });
});

describe('node failure', () => {
  it('ends with every replica Running on the surviving nodes after the eviction timeout', () => {
    const t = testCluster({ nodes: 3, heartbeats: true }).apply(rs('web', 3)).advance('30s');
    const dead = owned(t, 'web')[0].spec.nodeName as string;
    t.kill(dead).advance('4m');
    // Before the 300s toleration runs out the lost pod still counts.
    expect(activeOwned(t, 'web').filter((p) => p.spec.nodeName === dead)).toHaveLength(1);
    t.advance('2m30s');
    const pods = activeOwned(t, 'web');
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.spec.nodeName !== dead && p.status.phase === 'Running')).toBe(true);
    expect(t.get('ReplicaSet', 'web')?.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });
});

describe('determinism', () => {
  it('a restored snapshot goes on exactly like the original (retry backoff state included)', () => {
    const t = testCluster({ nodes: 2 }).apply(rs('web', 3)).advance('20s');
    const cur = t.get('ReplicaSet', 'web') as KubeObject;
    t.core.api.replace({
      ...cur,
      spec: { ...cur.spec, replicas: 5, template: { ...cur.spec.template, spec: { containers: [] } } },
    });
    t.advance('100ms');
    const copy = t.fork();
    for (const c of [t, copy]) {
      const broken = c.get('ReplicaSet', 'web') as KubeObject;
      c.core.api.replace({ ...broken, spec: { ...broken.spec, template: rs('web', 5).spec.template } });
      c.advance('2m');
    }
    expect(copy.snapshot()).toEqual(t.snapshot());
    expect(activeOwned(copy, 'web')).toHaveLength(5);
  });
});
