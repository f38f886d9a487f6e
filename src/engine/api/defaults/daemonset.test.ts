// Mirrors pkg/apis/apps/v1/defaults_test.go (TestSetDefaultDaemonSetSpec,
// TestSetDefaultStatefulSet) and the DaemonSet strategy's template generation.
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';

const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } };

describe('apps/v1 defaults', () => {
  it('DaemonSet: RollingUpdate 1/0, 10 revisions, template generation 1 then 2 on a template change', () => {
    const m = (image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app: 'a' } },
        template: { ...template, spec: { containers: [{ name: 'c', image }] } },
      },
    });
    const t = testCluster({ nodes: 1 }).apply(m('nginx:1.25'));
    const d = t.get('DaemonSet', 'default/d');
    expect(d?.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(d?.spec.revisionHistoryLimit).toBe(10);
    expect(d?.spec.template.spec.restartPolicy).toBe('Always');
    expect(d?.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('1');
    t.apply(m('nginx:1.25'));
    expect(t.get('DaemonSet', 'default/d')?.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe(
      '1',
    );
    t.apply(m('nginx:1.27'));
    expect(t.get('DaemonSet', 'default/d')?.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe(
      '2',
    );
  });

  it('StatefulSet: 1 replica, OrderedReady, RollingUpdate partition 0, Retain/Retain, claims Pending Filesystem', () => {
    const t = testCluster({ nodes: 1 }).apply({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        selector: { matchLabels: { app: 'a' } },
        template,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      },
    });
    const s = t.get('StatefulSet', 'default/s');
    expect(s?.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    expect(s?.spec.volumeClaimTemplates[0]).toMatchObject({
      spec: { volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  });

  it('PersistentVolumeClaim: Pending (nothing binds claims yet)', () => {
    const t = testCluster({ nodes: 1 }).apply({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    expect(t.get('pvc', 'default/c')?.status).toEqual({ phase: 'Pending' });
    expect(t.run('get pvc c --no-headers').stdout).toMatch(/^c\s+Pending\s+<unset>\s+0s/);
  });
});
