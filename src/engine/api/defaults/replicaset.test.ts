/**
 * mirrors pkg/apis/apps/v1/defaults_test.go (TestSetDefaultReplicaSetReplicas) and
 * pkg/apis/core/v1/defaults_test.go (TestSetDefaultReplicationController,
 * TestSetDefaultReplicationControllerReplicas).
 */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';

const template = (labels?: Record<string, string>) => ({
  ...(labels ? { metadata: { labels } } : {}),
  spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
});

describe('SetDefaults_ReplicaSet', () => {
  it('defaults replicas to 1 and the template pod spec, leaving labels alone', () => {
    const t = testCluster({ nodes: 1 }).apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) },
    });
    const rs = t.get('ReplicaSet', 'web');
    expect(rs?.spec.replicas).toBe(1);
    expect(rs?.metadata.labels).toBeUndefined();
    const spec = rs?.spec.template.spec;
    expect(spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    });
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    });
    // Pod-only defaults (service account, priority, service links) stay off the template.
    expect(spec.serviceAccountName).toBeUndefined();
    expect(spec.priority).toBeUndefined();
    expect(spec.enableServiceLinks).toBeUndefined();
  });

  it('keeps replicas 0', () => {
    const t = testCluster({ nodes: 1 }).apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }) },
    });
    expect(t.get('ReplicaSet', 'web')?.spec.replicas).toBe(0);
  });
});

describe('SetDefaults_ReplicationController', () => {
  const rc = (spec: Record<string, unknown>, labels?: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'nginx', ...(labels ? { labels } : {}) },
    spec,
  });

  it('takes the selector and labels from the template', () => {
    const t = testCluster({ nodes: 1 }).apply(rc({ template: template({ foo: 'bar' }) }));
    const o = t.get('ReplicationController', 'nginx');
    expect(o?.spec.selector).toEqual({ foo: 'bar' });
    expect(o?.metadata.labels).toEqual({ foo: 'bar' });
    expect(o?.spec.replicas).toBe(1);
  });

  it('keeps a selector and labels that were given', () => {
    const t = testCluster({ nodes: 1 }).apply(
      rc({ selector: { some: 'other' }, template: template({ foo: 'bar', some: 'other' }) }, { bar: 'foo' }),
    );
    const o = t.get('ReplicationController', 'nginx');
    expect(o?.spec.selector).toEqual({ some: 'other' });
    expect(o?.metadata.labels).toEqual({ bar: 'foo' });
  });
});
