// The Job's pod-failure backoff, mirroring pkg/controller/job/backoff_utils_test.go
// (TestNewBackoffRecord, TestGetFinishedTime, TestGetRemainingBackoffTime).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { toTimestamp } from '../sim/clock';
import { backoffDelay, finishedTime, nextBackoffRecord, remainingBackoff } from './job-backoff';

const S = 1000;

/** A pod whose only container finished at `at` seconds. */
function finished(at: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${at}`, creationTimestamp: toTimestamp(0) } as Pod['metadata'],
    spec: { containers: [] },
    status: {
      phase: 'Failed',
      containerStatuses: [
        {
          name: 'c',
          state: { terminated: { exitCode: 1, finishedAt: toTimestamp(at * S) } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: '',
          imageID: '',
        },
      ],
    },
  };
}

describe('newBackoffRecord', () => {
  it('no new pods: the record is unchanged', () => {
    expect(nextBackoffRecord({ failuresAfterLastSuccess: 2, lastFailureTime: 5 * S }, [], [])).toEqual({
      failuresAfterLastSuccess: 2,
      lastFailureTime: 5 * S,
    });
  });

  it('only failures: they add up and the latest one is the last failure time', () => {
    expect(
      nextBackoffRecord({ failuresAfterLastSuccess: 1, lastFailureTime: 1 * S }, [], [finished(9), finished(4)]),
    ).toEqual({
      failuresAfterLastSuccess: 3,
      lastFailureTime: 9 * S,
    });
  });

  it('a success resets the count', () => {
    expect(nextBackoffRecord({ failuresAfterLastSuccess: 4, lastFailureTime: 1 * S }, [finished(5)], [])).toEqual({
      failuresAfterLastSuccess: 0,
    });
  });

  it('only the failures after the latest success count', () => {
    const rec = nextBackoffRecord(undefined, [finished(5)], [finished(3), finished(7), finished(8)]);
    expect(rec).toEqual({ failuresAfterLastSuccess: 2, lastFailureTime: 8 * S });
  });
});

describe('getFinishedTime', () => {
  it('uses the container finish time, then Ready=False, then deletion minus grace, then creation', () => {
    expect(finishedTime(finished(12))).toBe(12 * S);
    const noContainers = { ...finished(0), status: { phase: 'Failed' as const } };
    const readyFalse = {
      ...noContainers,
      status: {
        phase: 'Failed' as const,
        conditions: [{ type: 'Ready', status: 'False' as const, lastTransitionTime: toTimestamp(20 * S) }],
      },
    };
    expect(finishedTime(readyFalse)).toBe(20 * S);
    const deleted = {
      ...noContainers,
      metadata: { ...noContainers.metadata, deletionTimestamp: toTimestamp(60 * S), deletionGracePeriodSeconds: 30 },
    };
    expect(finishedTime(deleted)).toBe(30 * S);
    expect(finishedTime(noContainers)).toBe(0);
  });
});

describe('backoff delay', () => {
  it('10s doubling per consecutive failure, capped at 10 minutes', () => {
    expect([0, 1, 2, 3, 6, 7, 8, 20].map((n) => backoffDelay(n))).toEqual(
      [0, 10, 20, 40, 320, 600, 600, 600].map((s) => s * S),
    );
  });

  it('the remaining time counts from the last failure', () => {
    const rec = { failuresAfterLastSuccess: 2, lastFailureTime: 100 * S };
    expect(remainingBackoff(rec, 105 * S)).toBe(15 * S);
    expect(remainingBackoff(rec, 120 * S)).toBe(0);
    expect(remainingBackoff(rec, 200 * S)).toBe(0);
    expect(remainingBackoff({ failuresAfterLastSuccess: 0 }, 0)).toBe(0);
  });
});
