/**
 * mirrors pkg/controller/controller_utils_test.go: TestSortingActivePods and
 * TestSortingActivePodsWithRanks (the same pods and the same expected orders), plus
 * getPodsToDelete from pkg/controller/replicaset/replica_set.go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { toTimestamp } from '../sim/clock';
import {
  activePodsLess,
  activePodsWithRanksLess,
  getPodsToDelete,
  rankByRelatedPodsOnSameNode,
  sortActivePods,
  sortActivePodsWithRanks,
} from './activepods';
import { POD_DELETION_COST } from './podutil';

const HOUR = 3_600_000;
/** "now" well after the epoch so a month back is still a valid time */
const NOW = 40 * 24 * HOUR;
const ts = (ms: number | undefined) => (ms === undefined ? '' : toTimestamp(ms));

interface PodSpecLite {
  name: string;
  node?: string;
  phase: Pod['status']['phase'];
  ready?: boolean;
  readySince?: number;
  restarts?: number[];
  created?: number;
  annotations?: Record<string, string>;
}

function mkPod(p: PodSpecLite): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      uid: '',
      resourceVersion: '1',
      creationTimestamp: ts(p.created),
      ...(p.annotations ? { annotations: p.annotations } : {}),
    },
    spec: { nodeName: p.node ?? '', containers: [] },
    status: {
      phase: p.phase,
      conditions: p.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: ts(p.readySince) }] : [],
      containerStatuses: (p.restarts ?? []).map((restartCount, i) => ({
        name: `c${i}`,
        state: {},
        lastState: {},
        ready: true,
        restartCount,
        image: '',
        imageID: '',
      })),
    },
  };
}

/** A deterministic set of shuffles in place of upstream's 20 rand.Perm runs. */
function permutations<T>(xs: T[], count: number): T[][] {
  const out: T[][] = [];
  let seed = 7;
  for (let n = 0; n < count; n++) {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    out.push(a);
  }
  return out;
}

describe('ActivePods (TestSortingActivePods "Sorts by active pod")', () => {
  const then = NOW - 30 * 24 * HOUR;
  const pods = [
    mkPod({ name: 'unscheduled', phase: 'Pending' }),
    mkPod({ name: 'scheduledButPending', node: 'bar', phase: 'Pending' }),
    mkPod({ name: 'unknownPhase', node: 'foo', phase: 'Unknown' }),
    mkPod({ name: 'runningButNotReady', node: 'foo', phase: 'Running' }),
    mkPod({ name: 'runningNoLastTransitionTime', node: 'foo', phase: 'Running', ready: true, restarts: [3, 0] }),
    mkPod({
      name: 'runningWithLastTransitionTime',
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: NOW,
      restarts: [3, 0],
    }),
    mkPod({
      name: 'runningLongerTime',
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: then,
      restarts: [3, 0],
    }),
    mkPod({
      name: 'lowerContainerRestartCount',
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: then,
      restarts: [2, 1],
      created: NOW,
    }),
    mkPod({
      name: 'oldest',
      node: 'foo',
      phase: 'Running',
      ready: true,
      readySince: then,
      restarts: [2, 1],
      created: then,
    }),
  ];
  const want = pods.map((p) => p.metadata.name);

  it('gives the upstream order from 20 shuffles of the input', () => {
    for (const shuffled of permutations(pods, 20)) {
      expect(sortActivePods(shuffled).map((p) => p.metadata.name)).toEqual(want);
    }
  });

  it('is a strict order: no pod is less than itself', () => {
    for (const p of pods) expect(activePodsLess(p, p)).toBe(false);
  });
});

describe('ActivePodsWithRanks (TestSortingActivePodsWithRanks)', () => {
  const then1Month = NOW - 30 * 24 * HOUR;
  const then2Hours = NOW - 2 * HOUR;
  const then5Hours = NOW - 5 * HOUR;
  const then8Hours = NOW - 8 * HOUR;
  const pod = (
    name: string,
    node: string,
    phase: Pod['status']['phase'],
    ready: boolean,
    restarts: number,
    readySince: number | undefined,
    created: number | undefined,
    annotations?: Record<string, string>,
  ) => mkPod({ name, node, phase, ready, readySince, created, annotations, restarts: ready ? [restarts] : [] });
  const unscheduledPod = pod('unscheduled', '', 'Pending', false, 0, undefined, undefined);
  const scheduledPendingPod = pod('pending', 'node', 'Pending', false, 0, undefined, undefined);
  const unknownPhasePod = pod('unknown-phase', 'node', 'Unknown', false, 0, undefined, undefined);
  const runningNotReadyPod = pod('not-ready', 'node', 'Running', false, 0, undefined, undefined);
  const runningReadyNoLastTransitionTimePod = pod(
    'ready-no-last-transition-time',
    'node',
    'Running',
    true,
    0,
    undefined,
    undefined,
  );
  const runningReadyNow = pod('ready-now', 'node', 'Running', true, 0, NOW, NOW);
  const runningReadyThen = pod('ready-then', 'node', 'Running', true, 0, then1Month, then1Month);
  const runningReadyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 9001, NOW, NOW);
  const runningReadyNowCreatedThen = pod('ready-now-created-then', 'node', 'Running', true, 0, NOW, then1Month);
  const lowPodDeletionCost = pod('low-deletion-cost', 'node', 'Running', true, 0, NOW, then1Month, {
    [POD_DELETION_COST]: '10',
  });
  const highPodDeletionCost = pod('high-deletion-cost', 'node', 'Running', true, 0, NOW, then1Month, {
    [POD_DELETION_COST]: '100',
  });
  const unscheduled5Hours = pod('unscheduled-5-hours', '', 'Pending', false, 0, then5Hours, then5Hours);
  const unscheduled8Hours = pod('unscheduled-10-hours', '', 'Pending', false, 0, then8Hours, then8Hours);
  const ready2Hours = pod('ready-2-hours', '', 'Running', true, 0, then2Hours, then1Month);
  const ready5Hours = pod('ready-5-hours', '', 'Running', true, 0, then5Hours, then1Month);
  const ready10Hours = pod('ready-10-hours', '', 'Running', true, 0, then8Hours, then1Month);

  const equality: [Pod, Pod?][] = [
    [unscheduledPod],
    [scheduledPendingPod],
    [unknownPhasePod],
    [runningNotReadyPod],
    [runningReadyNowCreatedThen],
    [runningReadyNow],
    [runningReadyThen],
    [runningReadyNowHighRestarts],
    [runningReadyNowCreatedThen],
    // same log2 bucket of age: equal (both pods have the empty uid upstream too)
    [unscheduled5Hours, unscheduled8Hours],
    [ready5Hours, ready10Hours],
  ];
  it.each(equality.map(([a, b], i) => [i, a, b ?? a] as const))('Equality tests %i', (_i, a, b) => {
    const ra = { pod: a, rank: 1 };
    const rb = { pod: b, rank: 1 };
    expect(activePodsWithRanksLess(ra, rb, NOW)).toBe(false);
    expect(activePodsWithRanksLess(rb, ra, NOW)).toBe(false);
  });

  // The case with PodDeletionCost disabled is left out: the gate is on here, as by default.
  const inequality: [Pod, number, Pod, number][] = [
    [unscheduledPod, 1, scheduledPendingPod, 2],
    [unscheduledPod, 2, scheduledPendingPod, 1],
    [scheduledPendingPod, 1, unknownPhasePod, 2],
    [unknownPhasePod, 1, runningNotReadyPod, 2],
    [runningNotReadyPod, 1, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNoLastTransitionTimePod, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNow, 1, runningReadyThen, 1],
    [runningReadyNow, 2, runningReadyThen, 1],
    [runningReadyNowHighRestarts, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNowHighRestarts, 1],
    [runningReadyNow, 1, runningReadyNowCreatedThen, 1],
    [runningReadyNowCreatedThen, 2, runningReadyNow, 1],
    [lowPodDeletionCost, 2, highPodDeletionCost, 1],
    [ready2Hours, 1, ready5Hours, 1],
  ];
  it.each(inequality.map((c, i) => [i, ...c] as const))('Inequality tests %i', (_i, lp, lr, gp, gr) => {
    const lesser = { pod: lp, rank: lr };
    const greater = { pod: gp, rank: gr };
    expect(activePodsWithRanksLess(lesser, greater, NOW)).toBe(true);
    expect(activePodsWithRanksLess(greater, lesser, NOW)).toBe(false);
  });

  it('an invalid deletion cost counts as 0', () => {
    const bad = pod('bad', 'node', 'Running', true, 0, NOW, then1Month, { [POD_DELETION_COST]: 'cheap' });
    const neg = pod('neg', 'node', 'Running', true, 0, NOW, then1Month, { [POD_DELETION_COST]: '-5' });
    expect(activePodsWithRanksLess({ pod: neg, rank: 1 }, { pod: bad, rank: 1 }, NOW)).toBe(true);
  });

  it('ties within one age bucket go to the smaller uid', () => {
    const a = { ...ready5Hours, metadata: { ...ready5Hours.metadata, uid: 'b' } };
    const b = { ...ready10Hours, metadata: { ...ready10Hours.metadata, uid: 'a' } };
    // ready times differ but share a log2 bucket: the uid decides
    expect(activePodsWithRanksLess({ pod: b, rank: 1 }, { pod: a, rank: 1 }, NOW)).toBe(true);
    expect(activePodsWithRanksLess({ pod: a, rank: 1 }, { pod: b, rank: 1 }, NOW)).toBe(false);
  });
});

describe('getPodsToDelete (replica_set.go)', () => {
  const running = (name: string, node: string, created: number) =>
    mkPod({ name, node, phase: 'Running', ready: true, readySince: created, created, restarts: [0] });

  it('deletes pending pods before running ones', () => {
    const pods = [
      running('r1', 'a', NOW - HOUR),
      mkPod({ name: 'p1', node: 'b', phase: 'Pending', created: NOW - 10 }),
      running('r2', 'c', NOW - HOUR),
    ];
    expect(getPodsToDelete(pods, pods, 1, NOW).map((p) => p.metadata.name)).toEqual(['p1']);
  });

  it('prefers pods on nodes crowded with siblings', () => {
    const pods = [running('a1', 'a', NOW - HOUR), running('b1', 'b', NOW - HOUR), running('b2', 'b', NOW - HOUR)];
    const names = getPodsToDelete(pods, pods, 2, NOW).map((p) => p.metadata.name);
    expect(names).toEqual(['b1', 'b2']);
  });

  it('counts the related pods of sibling ReplicaSets, active ones only, for the rank', () => {
    const mine = [running('a1', 'a', NOW - HOUR), running('b1', 'b', NOW - HOUR)];
    const sibling = running('s1', 'a', NOW - HOUR);
    const dead = { ...running('s2', 'b', NOW - HOUR), status: { phase: 'Failed' as const } };
    const dying = {
      ...running('s3', 'b', NOW - HOUR),
      metadata: { ...mine[0].metadata, name: 's3', deletionTimestamp: ts(NOW) },
    };
    const related = [...mine, sibling, dead, dying];
    expect(rankByRelatedPodsOnSameNode(mine, related).map((r) => r.rank)).toEqual([2, 1]);
    expect(getPodsToDelete(mine, related, 1, NOW).map((p) => p.metadata.name)).toEqual(['a1']);
  });

  it('takes everything without sorting when every pod goes', () => {
    const pods = [running('x', 'a', NOW), running('y', 'a', NOW)];
    expect(getPodsToDelete(pods, pods, 5, NOW)).toEqual(pods);
  });
});

describe('sortActivePodsWithRanks', () => {
  // The sort works on keys computed once per pod; it must order exactly as the
  // comparison upstream's ActivePodsWithRanks.Less defines.
  it('orders as activePodsWithRanksLess does, for any pods', () => {
    const podArb = fc.record({
      node: fc.constantFrom('', 'a', 'b'),
      phase: fc.constantFrom('Pending', 'Running', 'Unknown') as fc.Arbitrary<Pod['status']['phase']>,
      ready: fc.boolean(),
      readySince: fc.option(fc.integer({ min: 0, max: 39 * 24 }), { nil: undefined }),
      restarts: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
      created: fc.option(fc.integer({ min: 0, max: 39 * 24 }), { nil: undefined }),
      cost: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
      rank: fc.integer({ min: 0, max: 3 }),
      uid: fc.constantFrom('u1', 'u2', 'u3'),
    });
    fc.assert(
      fc.property(fc.array(podArb, { maxLength: 12 }), (specs) => {
        const ranked = specs.map((x, i) => {
          const pod = mkPod({
            name: `p${i}`,
            node: x.node,
            phase: x.phase,
            ready: x.ready,
            readySince: x.readySince === undefined ? undefined : x.readySince * HOUR,
            restarts: x.restarts,
            created: x.created === undefined ? undefined : x.created * HOUR,
            ...(x.cost === undefined ? {} : { annotations: { [POD_DELETION_COST]: String(x.cost) } }),
          });
          pod.metadata.uid = x.uid;
          return { pod, rank: x.rank };
        });
        const expected = [...ranked]
          .sort((a, b) => (activePodsWithRanksLess(a, b, NOW) ? -1 : activePodsWithRanksLess(b, a, NOW) ? 1 : 0))
          .map((r) => r.pod.metadata.name);
        expect(sortActivePodsWithRanks(ranked, NOW).map((p) => p.metadata.name)).toEqual(expected);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
