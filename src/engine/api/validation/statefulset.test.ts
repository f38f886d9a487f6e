// Mirrors pkg/apis/apps/validation/validation_test.go (TestValidateStatefulSet,
// TestValidateStatefulSetUpdate) through the API.
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';
import { FORBIDDEN_UPDATE } from './statefulset';

function sts(spec: Record<string, unknown> = {}, name = 'web') {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name },
    spec: {
      serviceName: 'web',
      selector: { matchLabels: { app: 'a' } },
      template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
  };
}

describe('StatefulSet validation', () => {
  it('replicas must be non-negative', () => {
    const r = testCluster({ nodes: 1 }).tryApply(sts({ replicas: -1 }));
    expect(r.errors[0].message).toBe(
      'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('the name is a DNS label (pods are named <set>-<ordinal>)', () => {
    const r = testCluster({ nodes: 1 }).tryApply(sts({}, 'a.b'));
    expect(r.errors[0].message).toContain('metadata.name: Invalid value: "a.b"');
  });

  it('podManagementPolicy and partition', () => {
    const r = testCluster({ nodes: 1 }).tryApply(
      sts({
        podManagementPolicy: 'Random',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } },
      }),
    );
    expect(r.errors[0].message).toContain(
      `spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'`,
    );
    expect(r.errors[0].message).toContain(
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('OnDelete with rollingUpdate is refused', () => {
    const r = testCluster({ nodes: 1 }).tryApply(
      sts({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }),
    );
    expect(r.errors[0].message).toContain(
      `spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy 'RollingUpdate'`,
    );
  });

  it('updates to fields other than the mutable ones are forbidden; replicas and template may change', () => {
    const t = testCluster({ nodes: 1 }).apply(sts());
    const r = t.tryApply(sts({ serviceName: 'other' }));
    expect(r.errors[0].message).toBe(`The StatefulSet "web" is invalid: spec: Forbidden: ${FORBIDDEN_UPDATE}`);
    expect(FORBIDDEN_UPDATE).toBe(
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    const claims = { volumeClaimTemplates: [{ metadata: { name: 'd' }, spec: { accessModes: ['ReadWriteOnce'] } }] };
    expect(t.tryApply(sts(claims)).ok).toBe(false);
    expect(t.tryApply(sts({ replicas: 5, minReadySeconds: 3, revisionHistoryLimit: 2 })).ok).toBe(true);
  });
});
