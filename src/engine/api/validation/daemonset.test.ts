// Mirrors pkg/apis/apps/validation/validation_test.go (TestValidateDaemonSet,
// TestValidateDaemonSetUpdate, TestValidateRollingUpdateDaemonSet) through the API.
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';

function ds(spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'a' }) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'd' },
    spec: {
      selector: { matchLabels: { app: 'a' } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
  };
}

function error(manifest: object): string {
  const r = testCluster({ nodes: 1 }).tryApply(manifest);
  expect(r.ok).toBe(false);
  return r.errors[0].message;
}

describe('DaemonSet validation', () => {
  it('selector must match the template labels', () => {
    expect(error(ds({}, { app: 'b' }))).toBe(
      'The DaemonSet "d" is invalid: spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`',
    );
  });

  it('restartPolicy must be Always', () => {
    const m = ds();
    (m.spec.template.spec as Record<string, unknown>).restartPolicy = 'Never';
    expect(error(m)).toContain(
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });

  it('maxUnavailable and maxSurge: exactly one non-zero', () => {
    const both = ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } });
    expect(error(both)).toContain(
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
    );
    const none = ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } });
    expect(error(none)).toContain(
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    );
    const pct = ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '120%' } } });
    expect(error(pct)).toContain(
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%',
    );
  });

  it('an unknown strategy type is not supported', () => {
    expect(error(ds({ updateStrategy: { type: 'Recreate' } }))).toContain(
      'spec.updateStrategy: Unsupported value: {"type":"Recreate"}: supported values: "RollingUpdate", "OnDelete"',
    );
  });

  it('the selector is immutable', () => {
    const t = testCluster({ nodes: 1 }).apply(ds());
    const m = ds({ selector: { matchLabels: { app: 'a', x: 'y' } } }, { app: 'a', x: 'y' });
    const r = t.tryApply(m);
    expect(r.errors[0].message).toContain('spec.selector: Invalid value:');
    expect(r.errors[0].message).toContain('field is immutable');
  });
});
