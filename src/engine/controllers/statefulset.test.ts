// Scenarios of the StatefulSet controller, mirroring pkg/controller/statefulset
// (stateful_set_control_test.go: CreatesPods, ScalesUp/ScalesDown, ReplacesPods,
// TestStatefulSetControlRollingUpdateWithPartition, …) through the whole cluster.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { StatefulSet } from '../api/workload-types';
import { testCluster } from '../testing';

const WEB = readFileSync(resolve(__dirname, 'testdata/application__web__web.yaml'), 'utf8');
/** The StatefulSet document of web.yaml (the headless Service waits for the Service kind). */
const WEB_STS = WEB.split(/^---$/m)[1];

type T = ReturnType<typeof testCluster>;

function sts(name: string, spec: Record<string, unknown> = {}, image = 'nginx:1.25') {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'default' },
    spec: {
      serviceName: name,
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } },
      ...spec,
    },
  };
}

function podNames(t: T, app: string, opts: { live?: boolean } = {}): string[] {
  return t
    .list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.labels?.app === app && (!opts.live || !p.metadata.deletionTimestamp))
    .map((p) => p.metadata.name)
    .sort();
}

const ready = (p: Pod | undefined) =>
  p?.status?.phase === 'Running' && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

describe('StatefulSet: ordered creation and stable identity', () => {
  it('application/web/web.yaml: web-0, then web-1 once web-0 is Ready; claims www-web-0 and www-web-1', () => {
    const t = testCluster().apply(WEB_STS);
    t.advance('1s');
    expect(podNames(t, 'nginx')).toEqual(['web-0']);
    // web-1 only appears after web-0 is Running and Ready
    for (let i = 0; i < 60 && podNames(t, 'nginx').length < 2; i++) {
      expect(ready(t.get<Pod>('Pod', 'default/web-0'))).toBe(false);
      t.advance('500ms');
    }
    expect(podNames(t, 'nginx')).toEqual(['web-0', 'web-1']);
    expect(ready(t.get<Pod>('Pod', 'default/web-0'))).toBe(true);
    t.advance('60s');
    expect(ready(t.get<Pod>('Pod', 'default/web-1'))).toBe(true);
    const claims = t.list('PersistentVolumeClaim', 'default');
    expect(claims.map((c) => c.metadata.name)).toEqual(['www-web-0', 'www-web-1']);
    expect(claims[0].spec).toMatchObject({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
    });
    expect(claims[0].metadata.labels).toEqual({ app: 'nginx' });
    // INDEX.md says Bound: that part waits for PersistentVolumes and a provisioner, so they stay Pending.
    expect(claims.map((c) => c.status?.phase)).toEqual(['Pending', 'Pending']);
    const web0 = t.pod('web-0');
    expect(web0.spec.hostname).toBe('web-0');
    expect(web0.spec.subdomain).toBe('nginx');
    expect(web0.spec.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    expect(web0.metadata.labels).toMatchObject({
      'statefulset.kubernetes.io/pod-name': 'web-0',
      'apps.kubernetes.io/pod-index': '0',
    });
    expect(t.events('SuccessfulCreate').map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'create Claim www-web-0 Pod web-0 in StatefulSet web success',
        'create Pod web-0 in StatefulSet web successful',
        'create Claim www-web-1 Pod web-1 in StatefulSet web success',
        'create Pod web-1 in StatefulSet web successful',
      ]),
    );
    const s = t.get<StatefulSet>('StatefulSet', 'default/web')?.status;
    expect(s).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 2,
    });
    expect(s?.currentRevision).toBe(s?.updateRevision);
    expect(s?.currentRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(t.pod('web-1').metadata.labels?.['controller-revision-hash']).toBe(s?.updateRevision);
    expect(t.run('get sts web --no-headers').stdout).toMatch(/^web\s+2\/2\s+/);
  });

  it('spec.ordinals.start numbers the pods from there', () => {
    const t = testCluster()
      .apply(sts('db', { replicas: 2, ordinals: { start: 5 } }))
      .advance('60s');
    expect(podNames(t, 'db')).toEqual(['db-5', 'db-6']);
  });

  it('scale 3 → 1 deletes db-2, then db-1 once db-2 is gone', () => {
    const t = testCluster().apply(sts('db')).advance('60s');
    expect(podNames(t, 'db')).toEqual(['db-0', 'db-1', 'db-2']);
    const seen: string[] = [];
    t.core.store.watch((ev) => {
      if (ev.object.kind !== 'Pod') return;
      const n = ev.object.metadata.name;
      if (ev.type === 'DELETED') seen.push(`gone ${n}`);
      else if (ev.object.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp)
        seen.push(`terminating ${n}`);
    });
    t.apply(sts('db', { replicas: 1 })).advance('60s');
    expect(podNames(t, 'db')).toEqual(['db-0']);
    expect(seen).toEqual(['terminating db-2', 'gone db-2', 'terminating db-1', 'gone db-1']);
    expect(t.events('SuccessfulDelete').map((e) => e.message)).toEqual([
      'delete Pod db-2 in StatefulSet db successful',
      'delete Pod db-1 in StatefulSet db successful',
    ]);
  });

  it('a deleted pod comes back with the same name (and claim)', () => {
    const spec = { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] };
    const t = testCluster().apply(sts('db', spec)).advance('60s');
    const uid = t.pod('db-1').metadata.uid;
    t.delete('Pod', 'default/db-1').advance('60s');
    const back = t.pod('db-1');
    expect(back.metadata.uid).not.toBe(uid);
    expect(ready(back)).toBe(true);
    expect(back.spec.volumes?.[0]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-db-1' } });
    expect(t.list('PersistentVolumeClaim', 'default').map((c) => c.metadata.name)).toEqual([
      'data-db-0',
      'data-db-1',
      'data-db-2',
    ]);
  });

  it('Parallel creates every pod at once and deletes at once', () => {
    const t = testCluster()
      .apply(sts('db', { podManagementPolicy: 'Parallel' }))
      .advance('1ms');
    expect(podNames(t, 'db')).toEqual(['db-0', 'db-1', 'db-2']);
    t.advance('60s')
      .apply(sts('db', { podManagementPolicy: 'Parallel', replicas: 0 }))
      .advance('1ms');
    expect(podNames(t, 'db', { live: true })).toEqual([]);
  });

  it('a failed pod is recreated with a RecreatingFailedPod warning', () => {
    const t = testCluster()
      .apply(sts('db', { replicas: 1 }))
      .advance('60s');
    const p = t.pod('db-0');
    t.core.api.updateStatus({ ...p, status: { ...p.status, phase: 'Failed' } });
    t.advance('60s');
    expect(t.events('RecreatingFailedPod')[0].message).toBe('StatefulSet default/db is recreating failed Pod db-0');
    expect(t.pod('db-0').metadata.uid).not.toBe(p.metadata.uid);
  });
});

describe('StatefulSet updates', () => {
  const images = (t: T) => podNames(t, 'db').map((n) => `${n}=${t.pod(n).spec.containers[0].image}`);

  it('RollingUpdate goes from the highest ordinal down, one Ready pod at a time', () => {
    const t = testCluster().apply(sts('db')).advance('60s');
    t.apply(sts('db', {}, 'nginx:1.27'));
    const order: string[] = [];
    for (let i = 0; i < 120; i++) {
      t.advance('1s');
      for (const n of podNames(t, 'db')) {
        if (t.pod(n).spec.containers[0].image === 'nginx:1.27' && !order.includes(n)) order.push(n);
      }
      const down = podNames(t, 'db').filter((n) => !ready(t.pod(n)) || t.pod(n).metadata.deletionTimestamp);
      expect(down.length + (3 - podNames(t, 'db').length)).toBeLessThanOrEqual(1);
    }
    expect(order).toEqual(['db-2', 'db-1', 'db-0']);
    const s = t.get<StatefulSet>('StatefulSet', 'default/db')?.status;
    expect(s?.currentRevision).toBe(s?.updateRevision);
    expect(s).toMatchObject({ currentReplicas: 3, updatedReplicas: 3, observedGeneration: 2 });
    expect(
      t
        .list('ControllerRevision')
        .map((r) => r.revision)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('a partition updates only the ordinals at or above it', () => {
    const part = (p: number) => ({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: p } } });
    const t = testCluster()
      .apply(sts('db', part(2)))
      .advance('60s');
    t.apply(sts('db', part(2), 'nginx:1.27')).advance('2m');
    expect(images(t)).toEqual(['db-0=nginx:1.25', 'db-1=nginx:1.25', 'db-2=nginx:1.27']);
    const s = t.get<StatefulSet>('StatefulSet', 'default/db')?.status;
    expect(s).toMatchObject({ currentReplicas: 2, updatedReplicas: 1 });
    expect(s?.currentRevision).not.toBe(s?.updateRevision);
    // a pod below the partition that is deleted comes back at the current revision
    t.delete('Pod', 'default/db-0').advance('60s');
    expect(images(t)[0]).toBe('db-0=nginx:1.25');
    t.apply(sts('db', part(0), 'nginx:1.27')).advance('2m');
    expect(images(t)).toEqual(['db-0=nginx:1.27', 'db-1=nginx:1.27', 'db-2=nginx:1.27']);
  });

  it('OnDelete: a pod takes the new template only when deleted by hand', () => {
    const onDelete = { updateStrategy: { type: 'OnDelete' } };
    const t = testCluster().apply(sts('db', onDelete)).advance('60s');
    t.apply(sts('db', onDelete, 'nginx:1.27')).advance('60s');
    expect(images(t)).toEqual(['db-0=nginx:1.25', 'db-1=nginx:1.25', 'db-2=nginx:1.25']);
    t.delete('Pod', 'default/db-1').advance('60s');
    expect(images(t)).toEqual(['db-0=nginx:1.25', 'db-1=nginx:1.27', 'db-2=nginx:1.25']);
  });

  it('a rollback re-uses the old revision with a new number', () => {
    const t = testCluster()
      .apply(sts('db', { replicas: 1 }))
      .advance('60s');
    const first = t.get<StatefulSet>('StatefulSet', 'default/db')?.status?.updateRevision;
    t.apply(sts('db', { replicas: 1 }, 'nginx:1.27')).advance('60s');
    t.apply(sts('db', { replicas: 1 })).advance('60s');
    const s = t.get<StatefulSet>('StatefulSet', 'default/db')?.status;
    expect(s?.updateRevision).toBe(first);
    const revs = t.list('ControllerRevision');
    expect(revs.find((r) => r.metadata.name === first)?.revision).toBe(3);
    expect(revs).toHaveLength(2);
  });
});

describe('StatefulSet and DaemonSet state survives a snapshot', () => {
  it('a fork taken mid-rollout ends exactly like the original', () => {
    const t = testCluster().apply(sts('db')).advance('60s');
    t.apply(sts('db', {}, 'nginx:1.27')).advance('3s');
    const fork = t.fork();
    t.advance('2m');
    fork.advance('2m');
    const view = (x: T) =>
      x.list<Pod>('Pod', 'default').map((p) => [p.metadata.name, p.metadata.uid, p.spec.containers[0].image]);
    expect(view(fork)).toEqual(view(t));
    expect(fork.get('StatefulSet', 'default/db')?.status).toEqual(t.get('StatefulSet', 'default/db')?.status);
  });
});
