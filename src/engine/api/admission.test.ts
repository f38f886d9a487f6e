// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds), registered
// for Create and Update. The upstream table cases run in controllers/node-failure-vectors.test.ts.
import { describe, expect, it } from 'vitest';
import { pod, testCluster } from '../testing';
import { REAL_TIMINGS } from '../timings';
import { admit, defaultTolerationSeconds } from './admission';
import type { KubeObject } from './types';

const NOT_READY = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
const UNREACHABLE = { ...NOT_READY, key: 'node.kubernetes.io/unreachable' };

function withTolerations(tolerations: unknown): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { tolerations } } as unknown as KubeObject;
}

describe('DefaultTolerationSeconds', () => {
  it('a created pod gets both tolerations', () => {
    const t = testCluster().apply(pod('web'));
    expect(t.pod('web').spec.tolerations).toEqual([NOT_READY, UNREACHABLE]);
  });

  it('runs on Update too, so re-applying the original manifest changes nothing', () => {
    const t = testCluster().apply(pod('web'));
    const r = t.tryApply(pod('web'));
    expect(r.results.map((x) => x.action)).toEqual(['unchanged']);
    const p = withTolerations(undefined);
    admit(p, { store: t.core.store, timings: REAL_TIMINGS, operation: 'UPDATE' });
    expect(p.spec.tolerations).toEqual([NOT_READY, UNREACHABLE]);
  });

  it('an empty key with an empty or NoExecute effect counts, whatever the operator (upstream ignores it)', () => {
    for (const t of [{ operator: 'Equal' }, { effect: 'NoExecute' }, { operator: 'Exists', effect: 'NoExecute' }]) {
      const p = withTolerations([t]);
      defaultTolerationSeconds(p, 300);
      expect(p.spec.tolerations).toEqual([t]);
    }
  });

  it('a toleration for another effect does not count', () => {
    const p = withTolerations([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }]);
    defaultTolerationSeconds(p, 300);
    expect(p.spec.tolerations.slice(1)).toEqual([NOT_READY, UNREACHABLE]);
  });

  it('uses the timing table (a lesson profile may shorten it)', () => {
    const p = withTolerations(undefined);
    defaultTolerationSeconds(p, 30);
    expect(p.spec.tolerations.map((x: { tolerationSeconds: number }) => x.tolerationSeconds)).toEqual([30, 30]);
  });

  it('leaves a malformed list for validation to report', () => {
    const p = withTolerations('everything');
    defaultTolerationSeconds(p, 300);
    expect(p.spec.tolerations).toBe('everything');
  });
});
