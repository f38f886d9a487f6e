/**
 * mirrors pkg/controller/replicaset/replica_set_utils_test.go (TestCalculateStatus,
 * TestCalculateStatusConditions).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { toTimestamp } from '../sim/clock';
import { calculateStatus, statusToWrite } from './replicaset-status';

function mkPod(labels: Record<string, string>, ready: boolean, readySince = 0): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: toTimestamp(0), labels },
    spec: { containers: [] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: toTimestamp(readySince) }],
    },
  };
}

const NOW = 3_600_000;
const full = { foo: 'bar', tier: 'fe' };
const partial = { foo: 'bar' };

describe('calculateStatus (TestCalculateStatus)', () => {
  const base = { replicas: 2, minReadySeconds: 0, templateLabels: full };
  it.each([
    ['1 fully labelled pod', [mkPod(full, false)], { replicas: 1, fullyLabeledReplicas: 1 }],
    ['1 not fully labelled pod', [mkPod(partial, false)], { replicas: 1 }],
    [
      '2 fully labelled, 2 not',
      [mkPod(full, false), mkPod(full, false), mkPod(partial, false), mkPod(partial, false)],
      { replicas: 4, fullyLabeledReplicas: 2 },
    ],
    [
      '1 ready pod',
      [mkPod(full, true)],
      { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
    ],
  ])('%s', (_n, pods, want) => {
    expect(calculateStatus(base, pods, undefined, NOW, toTimestamp(NOW))).toEqual(want);
  });

  it('a ready pod is not available before minReadySeconds', () => {
    const pods = [mkPod(full, true, NOW - 5000)];
    const st = calculateStatus({ ...base, minReadySeconds: 10 }, pods, undefined, NOW, toTimestamp(NOW));
    expect(st).toEqual({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1 });
  });
});

describe('ReplicaFailure (TestCalculateStatusConditions)', () => {
  const at = toTimestamp(NOW);
  it('too few pods and an error: FailedCreate', () => {
    const st = calculateStatus(
      { replicas: 2, minReadySeconds: 0 },
      [mkPod(full, false)],
      'fake manageReplicasErr',
      NOW,
      at,
    );
    expect(st.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: 'fake manageReplicasErr',
        lastTransitionTime: at,
      },
    ]);
  });

  it('too many pods and an error: FailedDelete', () => {
    const pods = [mkPod(full, false), mkPod(full, false)];
    const st = calculateStatus({ replicas: 1, minReadySeconds: 0 }, pods, 'boom', NOW, at);
    expect(st.conditions?.[0].reason).toBe('FailedDelete');
  });

  it('keeps an existing failure condition as it is, and drops it when the error is gone', () => {
    const old = {
      type: 'ReplicaFailure',
      status: 'True' as const,
      reason: 'FailedCreate',
      message: 'old',
      lastTransitionTime: toTimestamp(0),
    };
    const status = { replicas: 1, conditions: [old] };
    expect(calculateStatus({ status, replicas: 2, minReadySeconds: 0 }, [], 'new', NOW, at).conditions).toEqual([old]);
    expect(
      calculateStatus({ status, replicas: 2, minReadySeconds: 0 }, [], undefined, NOW, at).conditions,
    ).toBeUndefined();
  });
});

describe('statusToWrite (updateReplicaSetStatus)', () => {
  it('writes nothing when counts and observedGeneration are current', () => {
    expect(
      statusToWrite({ replicas: 1, observedGeneration: 3 }, { replicas: 1, observedGeneration: 3 }, 3),
    ).toBeUndefined();
  });
  it('stamps the generation when the spec changed', () => {
    expect(statusToWrite({ replicas: 1, observedGeneration: 2 }, { replicas: 1, observedGeneration: 2 }, 3)).toEqual({
      replicas: 1,
      observedGeneration: 3,
    });
  });
});
