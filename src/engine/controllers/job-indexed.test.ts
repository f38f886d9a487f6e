// Indexed Job helpers, mirroring pkg/controller/job/indexed_job_utils_test.go
// (TestCalculateSucceededIndexes, TestIsIndexFailed-free parts, TestFirstPendingIndexes,
// TestAppendDuplicatedIndexPodsForRemoval, TestPodGenerateNameWithIndex) and the
// orderedIntervals String / parse rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { Job } from '../api/workload-types';
import {
  completionIndex,
  duplicatedIndexPods,
  firstPendingIndexes,
  formatIntervals,
  generateNameWithIndex,
  hasIndex,
  JOB_COMPLETION_INDEX,
  parseIntervals,
  succeededIndexes,
  totalIndexes,
  withIndexes,
} from './job-indexed';

function pod(name: string, index: string | undefined, phase: Pod['status']['phase'] = 'Running'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(index !== undefined ? { annotations: { [JOB_COMPLETION_INDEX]: index } } : {}),
    } as Pod['metadata'],
    spec: { containers: [] },
    status: { phase },
  };
}

describe('completion index intervals', () => {
  it.each([
    ['', 5, []],
    ['0', 5, [[0, 0]]],
    [
      '0-2,5',
      10,
      [
        [0, 2],
        [5, 5],
      ],
    ],
    [
      '1,3-5,7',
      10,
      [
        [1, 1],
        [3, 5],
        [7, 7],
      ],
    ],
    // neighbours given as separate entries are joined
    ['1,2,3', 10, [[1, 3]]],
    // an index past completions ends the list; a range past it is cut
    [
      '0-2,8-12',
      10,
      [
        [0, 2],
        [8, 9],
      ],
    ],
    ['3,12', 10, [[3, 3]]],
    // corrupt entries are skipped
    [
      '1,x,3',
      10,
      [
        [1, 1],
        [3, 3],
      ],
    ],
  ])('parseIndexesFromString(%j, %d)', (s, completions, want) => {
    expect(parseIntervals(s, completions).map((iv) => [iv.first, iv.last])).toEqual(want);
  });

  it.each([
    [[], ''],
    [[0], '0'],
    [[0, 1], '0,1'],
    [[0, 1, 2], '0-2'],
    [[0, 1, 2, 5], '0-2,5'],
    [[1, 3, 4, 5, 7], '1,3-5,7'],
  ])('orderedIntervals.String of %j is %j', (indexes, want) => {
    expect(formatIntervals(withIndexes([], indexes))).toBe(want);
  });

  it('withOrderedIndexes merges into existing intervals', () => {
    const oi = parseIntervals('0-2,7', 10);
    expect(formatIntervals(withIndexes(oi, [3, 5, 6]))).toBe('0-3,5-7');
    expect(totalIndexes(withIndexes(oi, [3, 5, 6]))).toBe(7);
    expect(hasIndex(oi, 2)).toBe(true);
    expect(hasIndex(oi, 4)).toBe(false);
  });

  it('property: the interval list holds exactly the set of indexes, and String → parse round-trips', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const oi = withIndexes([], sorted);
        expect(totalIndexes(oi)).toBe(xs.length);
        for (let i = 0; i <= 60; i++) expect(hasIndex(oi, i)).toBe(xs.includes(i));
        expect(parseIntervals(formatIntervals(oi), 61)).toEqual(oi);
      }),
    );
  });
});

describe('pods and indexes', () => {
  it('getCompletionIndex: the annotation as a non-negative integer, else -1', () => {
    expect(completionIndex(pod('a', '3'))).toBe(3);
    expect(completionIndex(pod('a', undefined))).toBe(-1);
    expect(completionIndex(pod('a', '-1'))).toBe(-1);
    expect(completionIndex(pod('a', 'x'))).toBe(-1);
  });

  it('calculateSucceededIndexes: status plus succeeded pods with a finalizer and a valid index', () => {
    const job = {
      spec: { completions: 5, template: { spec: { containers: [] } } },
      status: { completedIndexes: '0' },
    } as unknown as Job;
    const pods = [
      pod('a', '1', 'Succeeded'),
      pod('b', '2', 'Failed'),
      pod('c', '7', 'Succeeded'),
      pod('d', '3', 'Succeeded'),
    ];
    const { prev, next } = succeededIndexes(job, pods, (p) => p.metadata.name !== 'd');
    expect(formatIntervals(prev)).toBe('0');
    expect(formatIntervals(next)).toBe('0,1');
  });

  it('firstPendingIndexes skips succeeded and active (and, when only failed pods are replaced, terminating) indexes', () => {
    const succeeded = parseIntervals('0,3', 10);
    expect(firstPendingIndexes(succeeded, [pod('a', '1')], [], 3, 10)).toEqual([2, 4, 5]);
    expect(firstPendingIndexes(succeeded, [pod('a', '1')], [pod('t', '2')], 3, 10)).toEqual([4, 5, 6]);
    expect(firstPendingIndexes([], [], [], 5, 3)).toEqual([0, 1, 2]);
    expect(firstPendingIndexes([], [], [], 0, 3)).toEqual([]);
  });

  it('appendDuplicatedIndexPodsForRemoval: no index, out of range, and all but one per repeated index', () => {
    const pods = [pod('a', '0'), pod('b', '0'), pod('c', '1'), pod('d', undefined), pod('e', '9')];
    const keepLast = (ps: Pod[]) => [...ps].sort((x, y) => y.metadata.name.localeCompare(x.metadata.name));
    const { remove, keep } = duplicatedIndexPods(pods, 5, keepLast);
    expect(remove.map((p) => p.metadata.name).sort()).toEqual(['b', 'd', 'e']);
    expect(keep.map((p) => p.metadata.name)).toEqual(['a', 'c']);
  });

  it('podGenerateNameWithIndex cuts the job name so the prefix stays within 58 characters', () => {
    expect(generateNameWithIndex('pi', 3)).toBe('pi-3-');
    const long = 'a'.repeat(70);
    const got = generateNameWithIndex(long, 12);
    expect(got).toBe(`${'a'.repeat(54)}-12-`);
    expect(got).toHaveLength(58);
  });
});
