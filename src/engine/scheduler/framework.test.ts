// The scheduling cycle's pure parts: schedule_one.go (numFeasibleNodesToFind, the
// rotating start index, selectHost), FitError and the DefaultPreemption message, and
// the scheduling queue's backoff and ordering.
import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/rng';
import { numFeasibleNodesToFind, schedulePod } from './framework';
import { nodeInfoFrom } from './nodeinfo';
import { podSchedInfo } from './podinfo';
import {
  backoffDuration,
  enqueueNew,
  markUnschedulable,
  moveToActiveOrBackoff,
  newQueueState,
  popActive,
} from './queue';
import { defaultNormalizeScore, selectHost } from './score';
import { testNode, testPod } from './testutil';

describe('numFeasibleNodesToFind (schedule_one_test.go TestNumFeasibleNodesToFind)', () => {
  it.each([
    [10, 10], // fewer than minFeasibleNodesToFind: all
    [100, 100],
    [1000, 420], // 50 − 1000/125 = 42%
    [6000, 300], // the percentage bottoms out at 5%
  ])('%i nodes → %i', (nodes, want) => expect(numFeasibleNodesToFind(nodes)).toBe(want));
});

describe('selectHost / DefaultNormalizeScore', () => {
  it('the highest total wins', () => {
    expect(selectHost([1, 5, 3], () => 0)).toBe(1);
  });
  it('ties: the k-th tied node replaces the pick when randomInt(k) is 0 (reservoir sampling)', () => {
    expect(selectHost([5, 5, 5], () => 1)).toBe(0);
    expect(selectHost([5, 5, 5], () => 0)).toBe(2);
  });
  it('every tied node can win, each about equally often', () => {
    const rng = new Rng(42);
    const wins = [0, 0, 0];
    for (let i = 0; i < 3000; i++) wins[selectHost([7, 7, 7], (n) => rng.int(n))]++;
    for (const w of wins) expect(w).toBeGreaterThan(850);
  });
  it('normalize scales the highest to 100; reverse flips; all zeros → 0 (or 100 reversed)', () => {
    expect(defaultNormalizeScore([1, 50], false)).toEqual([2, 100]);
    expect(defaultNormalizeScore([0, 1, 2], true)).toEqual([100, 50, 0]);
    expect(defaultNormalizeScore([0, 0], true)).toEqual([100, 100]);
  });
});

function input(nodes: ReturnType<typeof nodeInfoFrom>[], startIndex = 0) {
  return { nodes, nodesWithImage: () => 0, startIndex, randomInt: () => 0 };
}

describe('schedulePod', () => {
  const cpuPod = (cpu: string, extra: Record<string, unknown> = {}) =>
    podSchedInfo(testPod('p', { containers: [{ name: 'c', resources: { requests: { cpu } } }], ...extra }));

  it('stops after numFeasibleNodesToFind feasible nodes and the next cycle starts where it stopped', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => nodeInfoFrom(testNode(`n${i}`)));
    const r = schedulePod(cpuPod('100m'), input(nodes, 10));
    expect(r.feasible.length).toBe(100);
    expect(r.feasible[0].name).toBe('n10');
    expect(r.nextStartIndex).toBe(110);
  });
  it('no fit: the FitError text with the DefaultPreemption message appended', () => {
    const full = testPod('a', { containers: [{ name: 'c', resources: { requests: { cpu: '1800m' } } }] }, 'w1');
    const nodes = [
      nodeInfoFrom(
        testNode('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      ),
      nodeInfoFrom(testNode('w1'), [full]),
      nodeInfoFrom(testNode('w2'), [
        { ...full, metadata: { ...full.metadata, name: 'b' }, spec: { ...full.spec, nodeName: 'w2' } },
      ]),
    ];
    const r = schedulePod(cpuPod('1'), input(nodes));
    expect(r.node).toBeUndefined();
    expect(r.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(r.unschedulablePlugins.sort()).toEqual(['NodeResourcesFit', 'TaintToleration']);
  });
  it('preemptionPolicy Never: "preemption: not eligible due to preemptionPolicy=Never."', () => {
    const r = schedulePod(cpuPod('5', { preemptionPolicy: 'Never' }), input([nodeInfoFrom(testNode('w1'))]));
    expect(r.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });
  it('a lower-priority pod in the way makes the node a preemption candidate (no PostFilter message)', () => {
    const low = testPod(
      'low',
      { priority: 0, containers: [{ name: 'c', resources: { requests: { cpu: '1500m' } } }] },
      'w1',
    );
    const r = schedulePod(cpuPod('1', { priority: 1000 }), input([nodeInfoFrom(testNode('w1'), [low])]));
    expect(r.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    expect(r.preemptionCandidates).toEqual(['w1']);
  });
  it('matchFields pinning to names that conflict: "pod affinity terms conflict"', () => {
    const pod = podSchedInfo(
      testPod('p', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchFields: [
                    { key: 'metadata.name', operator: 'In', values: ['a'] },
                    { key: 'metadata.name', operator: 'In', values: ['b'] },
                  ],
                },
              ],
            },
          },
        },
      }),
    );
    const r = schedulePod(pod, input([nodeInfoFrom(testNode('a')), nodeInfoFrom(testNode('b'))]));
    expect(r.message).toBe(
      '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });
  it('matchFields pinning to a node that fails: the others count as "didn\'t satisfy plugin(s) [NodeAffinity]"', () => {
    const pod = podSchedInfo(
      testPod('p', {
        containers: [{ name: 'c', resources: { requests: { cpu: '3' } } }],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }],
            },
          },
        },
      }),
    );
    const r = schedulePod(
      pod,
      input([nodeInfoFrom(testNode('a')), nodeInfoFrom(testNode('b')), nodeInfoFrom(testNode('c'))]),
    );
    expect(r.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
  it('no nodes at all: "no nodes available to schedule pods" (SchedulerError)', () => {
    const r = schedulePod(cpuPod('1'), input([]));
    expect(r).toMatchObject({ message: 'no nodes available to schedule pods', reason: 'SchedulerError' });
  });
});

describe('scheduling queue (backend/queue)', () => {
  it('backoff: 1s doubling per attempt, capped at 10s (podInitialBackoffSeconds, podMaxBackoffSeconds)', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDuration(a, 1000, 10_000))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
  it('PrioritySort: higher priority first, then arrival order', () => {
    const q = newQueueState();
    enqueueNew(q, 'default/a', 'a', 0);
    enqueueNew(q, 'default/b', 'b', 100);
    enqueueNew(q, 'default/c', 'c', 0);
    expect([popActive(q), popActive(q), popActive(q), popActive(q)]).toEqual([
      'default/b',
      'default/a',
      'default/c',
      undefined,
    ]);
  });
  it('an event before the backoff ran out parks the pod in backoffQ until it does', () => {
    const q = newQueueState();
    enqueueNew(q, 'default/a', 'a', 0);
    popActive(q);
    q.pods['default/a'].attempts = 1;
    markUnschedulable(q, 'default/a', 0, ['NodeResourcesFit'], 300_000);
    expect(moveToActiveOrBackoff(q, 'default/a', 500, 1000, 10_000)).toBe(false);
    expect(q.pods['default/a']).toMatchObject({ queue: 'backoff', retryAt: 1000 });
    expect(moveToActiveOrBackoff(q, 'default/a', 1000, 1000, 10_000)).toBe(true);
    expect(popActive(q)).toBe('default/a');
  });
});

describe('the node-table fast path', () => {
  it('gives the same result as the per-NodeInfo plugins on a mixed cluster', async () => {
    const { SchedulerCache } = await import('./cache');
    const { createCluster } = await import('../index');
    const c = createCluster({
      seed: 5,
      nodes: [
        { name: 'a', cpu: 4 },
        { name: 'b', taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] },
        { name: 'c', taints: [{ key: 'gpu', effect: 'NoSchedule' }] },
        { name: 'd', labels: { disktype: 'ssd' }, memory: '8Gi' },
        { name: 'e', pods: 3 },
      ],
    });
    for (let i = 0; i < 12; i++) {
      c.apply(
        `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers: [{name: c, image: nginx, resources: {requests: {cpu: ${100 + i * 50}m, memory: ${64 * (i + 1)}Mi}}}]\n`,
      );
    }
    c.advance(100);
    const cache = new SchedulerCache(c.core.store);
    const pods = [
      testPod('plain', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '300m' } } }] }),
      testPod('besteffort'),
      testPod('selector', { nodeSelector: { disktype: 'ssd' } }),
      testPod('tolerant', { tolerations: [{ operator: 'Exists' }] }),
      testPod('prefers', {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 10, preference: { matchExpressions: [{ key: 'disktype', operator: 'Exists' }] } },
            ],
          },
        },
      }),
      testPod('huge', { containers: [{ name: 'c', resources: { requests: { cpu: '3500m' } } }] }),
    ];
    for (const p of pods) {
      for (const start of [0, 2, 4]) {
        const info = podSchedInfo(p);
        const base = {
          nodes: cache.nodeList(),
          nodesWithImage: (n: string) => cache.nodesWithImage(n),
          startIndex: start,
        };
        const slow = schedulePod(info, { ...base, randomInt: () => 0 });
        const fast = schedulePod(info, { ...base, randomInt: () => 0, table: cache.nodeTable() });
        const view = (r: typeof slow) => ({
          node: r.node,
          message: r.message,
          next: r.nextStartIndex,
          feasible: r.feasible.map((n) => n.name),
          failed: r.failed.map((f) => [f.node.name, f.status]),
          scores: r.scores && { plugins: r.scores.pluginScores(), totals: r.scores.totals },
        });
        expect(view(fast), `${p.metadata.name} from ${start}`).toEqual(view(slow));
      }
    }
  });
});

describe('decision rows on large clusters', () => {
  it('bestRows keeps the k highest totals in evaluation order, ties to the earliest, the chosen always in', async () => {
    const { bestRows } = await import('./decisions');
    expect(bestRows([5, 9, 7, 9, 1], 3, 1)).toEqual([1, 2, 3]);
    expect(bestRows([5, 5, 5, 5], 2, -1)).toEqual([0, 1]);
    expect(bestRows([5, 5, 5, 5], 2, 3)).toEqual([0, 3]);
  });
});

describe('decision tables', () => {
  it('list nodes in natural order (node-2 before node-10)', async () => {
    const { byNaturalName } = await import('./public');
    expect(['node-10', 'control-plane', 'node-2', 'node-1'].sort(byNaturalName)).toEqual([
      'control-plane',
      'node-1',
      'node-2',
      'node-10',
    ]);
  });
});
