/**
 * mirrors pkg/api/v1/pod/util_test.go (TestIsPodAvailable) and
 * pkg/controller/controller_utils_test.go (TestActivePodFiltering).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { toTimestamp } from '../sim/clock';
import {
  filterActivePods,
  isPodActive,
  isPodAvailable,
  isPodReady,
  maxContainerRestarts,
  msUntilAvailable,
  podDeletionCost,
} from './podutil';

function mkPod(o: { phase?: Pod['status']['phase']; ready?: boolean; since?: number; deleting?: boolean } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: toTimestamp(0),
      ...(o.deleting ? { deletionTimestamp: toTimestamp(0) } : {}),
    },
    spec: { containers: [] },
    status: {
      phase: o.phase ?? 'Running',
      conditions:
        o.ready === undefined
          ? []
          : [
              {
                type: 'Ready',
                status: o.ready ? 'True' : 'False',
                ...(o.since !== undefined ? { lastTransitionTime: toTimestamp(o.since) } : {}),
              },
            ],
    },
  };
}

describe('isPodActive (TestActivePodFiltering)', () => {
  it.each([
    ['Pending', false, true],
    ['Running', false, true],
    ['Unknown', false, true],
    ['Succeeded', false, false],
    ['Failed', false, false],
    ['Running', true, false],
  ] as const)('%s deleting=%s → %s', (phase, deleting, want) => {
    expect(isPodActive(mkPod({ phase, deleting }))).toBe(want);
  });

  it('filterActivePods keeps only the active ones', () => {
    const pods = [mkPod({ phase: 'Failed' }), mkPod(), mkPod({ phase: 'Succeeded' })];
    expect(filterActivePods(pods)).toEqual([pods[1]]);
  });
});

describe('isPodAvailable (TestIsPodAvailable)', () => {
  const now = 100_000;
  it.each([
    ['not ready', mkPod({ ready: false, since: 0 }), 0, false],
    ['ready, minReadySeconds 0', mkPod({ ready: true, since: now }), 0, true],
    ['ready 1s ago, minReadySeconds 1 (not strictly before)', mkPod({ ready: true, since: now - 1000 }), 1, false],
    ['ready 2s ago, minReadySeconds 1', mkPod({ ready: true, since: now - 2000 }), 1, true],
    ['ready now, minReadySeconds 1', mkPod({ ready: true, since: now }), 1, false],
    ['ready with no transition time, minReadySeconds 1', mkPod({ ready: true }), 1, false],
  ])('%s', (_n, pod, minReady, want) => {
    expect(isPodAvailable(pod, minReady, now)).toBe(want);
  });

  it('msUntilAvailable names the first instant it turns available', () => {
    const pod = mkPod({ ready: true, since: 10_000 });
    const wait = msUntilAvailable(pod, 5, 12_000) as number;
    expect(isPodAvailable(pod, 5, 12_000 + wait - 1)).toBe(false);
    expect(isPodAvailable(pod, 5, 12_000 + wait)).toBe(true);
    expect(msUntilAvailable(mkPod({ ready: false }), 5, 0)).toBeUndefined();
    expect(msUntilAvailable(pod, 5, 100_000)).toBe(0);
  });

  it('isPodReady reads the Ready condition', () => {
    expect(isPodReady(mkPod({ ready: true }))).toBe(true);
    expect(isPodReady(mkPod())).toBe(false);
  });
});

describe('restart counts and deletion cost', () => {
  it('separates sidecar restarts from regular ones', () => {
    const pod = mkPod();
    pod.spec.initContainers = [
      { name: 'side', image: 'x', restartPolicy: 'Always' },
      { name: 'init', image: 'x' },
    ];
    const cs = (name: string, restartCount: number) => ({
      name,
      restartCount,
      state: {},
      lastState: {},
      ready: true,
      image: '',
      imageID: '',
    });
    pod.status.containerStatuses = [cs('a', 2), cs('b', 5)];
    pod.status.initContainerStatuses = [cs('side', 3), cs('init', 9)];
    expect(maxContainerRestarts(pod)).toEqual({ regular: 5, sidecar: 3 });
  });

  it.each([
    ['10', 10],
    ['-3', -3],
    ['abc', 0],
    ['99999999999', 0],
    [undefined, 0],
  ])('pod-deletion-cost %s → %i', (v, want) => {
    const pod = mkPod();
    if (v !== undefined) pod.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': v };
    expect(podDeletionCost(pod)).toBe(want);
  });
});
