// The scheduler topic of ../shared/k8s-vectors.json (see K8S-VECTORS.md), every case run
// as a table-driven test that names its id and upstream source.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { fitErrorMessage } from './fiterror';
import { FILTER_PLUGINS } from './framework';
import { nodeInfoFrom } from './nodeinfo';
import { nodeAffinityFilter, podNodeAffinity } from './plugins/nodeaffinity';
import { fitsRequest, leastAllocatedScore } from './plugins/noderesources';
import { taintTolerationFilter } from './plugins/tainttoleration';
import { emptyResources } from './resources';
import { DEFAULT_SCORE_WEIGHTS } from './score';
import { testNode } from './testutil';

interface VectorCase {
  id: string;
  source: string;
  derived?: boolean;
  given: any;
  expect: any;
}

const vectors = JSON.parse(readFileSync(resolve(process.cwd(), '../shared/k8s-vectors.json'), 'utf8'));
const cases: VectorCase[] = vectors.topics.scheduler;

const MI = 1024 * 1024;

/** A FitInput from the vector's millicore / Mi numbers. */
function fitInput(g: any) {
  const cpu = g.cpu ?? { allocatable: g.nodeAllocatableMilliCPU ?? 0, requested: g.nodeRequestedMilliCPU ?? 0 };
  const mem = g.memoryMi ?? { allocatable: 0, requested: 0 };
  return {
    allocatable: { ...emptyResources(), cpu: cpu.allocatable, memory: mem.allocatable * MI },
    allowedPods: g.nodeAllowedPods ?? 110,
    requested: { ...emptyResources(), cpu: cpu.requested, memory: mem.requested * MI },
    podCount: g.podsOnNode ?? 0,
  };
}

function podRequest(g: any) {
  return {
    ...emptyResources(),
    cpu: g.cpu?.pod ?? g.podRequestMilliCPU ?? 0,
    memory: g.memoryMi ? g.memoryMi.pod * MI : (g.podRequestMemory ?? 0),
  };
}

const run: Record<string, (c: VectorCase) => void> = {
  'default-plugin-weights': (c) => {
    expect(DEFAULT_SCORE_WEIGHTS).toEqual(c.expect.scoreWeights);
    // The filters we implement run in the default profile's order (the others are not simulated).
    const upstream = (c.expect.filterOrder as string[]).filter((p) =>
      (FILTER_PLUGINS as readonly string[]).includes(p),
    );
    expect(upstream).toEqual([...FILTER_PLUGINS]);
  },
  'max-pods-default': (c) => {
    const cluster = createCluster();
    for (const n of cluster.list('Node')) expect(n.status.allocatable.pods).toBe(String(c.expect.maxPods));
  },
  'fit-error-message-3-nodes-cpu': (c) => {
    expect(
      fitErrorMessage({
        numAllNodes: c.given.numAllNodes,
        nodeReasons: c.given.perNodeReasons,
        postFilterMsg: c.given.postFilterMsg || undefined,
      }),
    ).toBe(c.expect.message);
    // And the pod that hits it stays Pending with PodScheduled=False/Unschedulable.
    const cluster = createCluster({ nodes: 3 });
    cluster.apply(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  tolerations: [{operator: Exists}]\n  containers: [{name: c, image: nginx, resources: {requests: {cpu: "50"}}}]\n',
    );
    cluster.advance(1000);
    const pod = cluster.get('Pod', 'big')!;
    expect(pod.status.phase).toBe(c.expect.phase);
    expect(pod.status.conditions.find((x: any) => x.type === 'PodScheduled')).toMatchObject(c.expect.podCondition);
  },
  'fit-error-message-mixed': (c) => {
    expect(fitErrorMessage({ numAllNodes: c.given.numAllNodes, nodeReasons: c.given.perNodeReasons })).toBe(
      c.expect.message,
    );
  },
  'fit-error-with-preemption': (c) => {
    expect(
      fitErrorMessage({
        numAllNodes: c.given.numAllNodes,
        nodeReasons: c.given.perNodeReasons,
        postFilterMsg: c.given.postFilterMsg,
      }),
    ).toBe(c.expect.message);
  },
  'taint-filter-message': (c) => {
    const ni = nodeInfoFrom(testNode('n1', { taints: [c.given.nodeTaint] }));
    const status = taintTolerationFilter(c.given.podTolerations, ni);
    expect(status?.reasons).toEqual([c.expect.reason]);
    expect(status?.code).toBe(c.expect.status);
  },
  'node-affinity-message': (c) => {
    const ni = nodeInfoFrom(testNode('n1', { labels: c.given.nodeLabels }));
    const status = nodeAffinityFilter(podNodeAffinity({ nodeSelector: c.given.podNodeSelector }), ni);
    expect(status?.reasons).toEqual([c.expect.reason]);
  },
};

function fitCase(c: VectorCase): void {
  const reasons = fitsRequest(podRequest(c.given), fitInput(c.given)).map((r) => r.reason);
  expect(reasons).toEqual(c.expect.reasons);
}

function leastAllocatedCase(c: VectorCase): void {
  const { allocatable: a, requestedIncludingPod: r } = c.given;
  expect(leastAllocatedScore([r.cpu, r.memory], [a.cpu, a.memory])).toBe(c.expect.score);
}

describe('k8s-vectors: scheduler', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    const fn =
      run[c.id] ??
      (c.id.startsWith('fit-') ? fitCase : c.id.startsWith('least-allocated-') ? leastAllocatedCase : undefined);
    it(`${c.id} (${c.source})`, () => {
      expect(fn, `no runner for vector ${c.id}`).toBeDefined();
      fn?.(c);
    });
  }
});
