/**
 * mirrors pkg/apis/apps/validation/validation_test.go (TestValidateDeployment,
 * TestValidateDeploymentUpdate) and pkg/registry/apps/deployment/strategy_test.go
 * (selector immutability in apps/v1), through the API server's create and update.
 */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';

function deployment(spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
  };
}

function errorOf(manifest: object): string | undefined {
  return testCluster({ nodes: 1 }).tryApply(manifest).errors[0]?.message;
}

describe('ValidateDeployment', () => {
  it('accepts a valid Deployment and defaults it as apps/v1 does', () => {
    const t = testCluster({ nodes: 1 }).apply(deployment());
    const d = t.cluster.get('Deployment', 'web');
    expect(d?.spec).toMatchObject({
      replicas: 2,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    expect(d?.spec?.template.spec.restartPolicy).toBe('Always');
  });

  it('leaves rollingUpdate out of a Recreate deployment', () => {
    const t = testCluster({ nodes: 1 }).apply(deployment({ strategy: { type: 'Recreate' } }));
    expect(t.cluster.get('Deployment', 'web')?.spec?.strategy).toEqual({ type: 'Recreate' });
  });

  it.each([
    [{ replicas: -1 }, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [{ selector: { matchLabels: { app: 'api' } } }, '`selector` does not match template `labels`'],
    [{ selector: {} }, 'spec.selector: Invalid value: {}: empty selector is invalid for deployment'],
    [
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
    [
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } } },
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%',
    ],
    [
      { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
    // Upstream reports the whole strategy struct at spec.strategy, not spec.strategy.type.
    [
      { strategy: { type: 'Rolling' } },
      'spec.strategy: Unsupported value: {"type":"Rolling"}: supported values: "Recreate", "RollingUpdate"',
    ],
    [{ minReadySeconds: -5 }, 'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0'],
    [{ revisionHistoryLimit: -1 }, 'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    [
      { minReadySeconds: 30, progressDeadlineSeconds: 30 },
      'spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds',
    ],
  ])('refuses %j', (spec, message) => {
    expect(errorOf(deployment(spec))).toContain(message);
  });

  it('refuses a template that does not restart Always', () => {
    const d = deployment();
    (d.spec.template.spec as Record<string, unknown>).restartPolicy = 'OnFailure';
    expect(errorOf(d)).toContain(
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    );
  });

  it('refuses a changed selector on update (apps/v1) and keeps the stored object', () => {
    const t = testCluster({ nodes: 1 }).apply(deployment());
    const before = t.cluster.get('Deployment', 'web');
    const changed = deployment({
      selector: { matchLabels: { app: 'web', tier: 'front' } },
      template: {
        metadata: { labels: { app: 'web', tier: 'front' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    });
    const r = t.tryApply(changed);
    expect(r.errors[0]?.message).toContain('spec.selector: Invalid value:');
    expect(r.errors[0]?.message).toContain('field is immutable');
    expect(t.cluster.get('Deployment', 'web')).toBe(before);
  });

  it('names an unknown field the way strict decoding does', () => {
    const d = { ...deployment(), spec: { ...deployment().spec, replica: 3 } };
    expect(errorOf(d)).toContain('unknown field "spec.replica"');
  });
});
