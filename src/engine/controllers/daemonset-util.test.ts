// Mirrors pkg/controller/daemon/util/daemonset_util_test.go (TestReplaceDaemonSetPodNodeNameNodeAffinity,
// TestGetTargetNodeName), daemon_controller_test.go (TestNodeShouldRunDaemonPod) and
// update_test.go (the maxUnavailable / maxSurge arithmetic of rollingUpdate).
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import type { DaemonSet } from '../api/workload-types';
import { planRollingUpdate } from './daemonset-update';
import {
  addOrUpdateDaemonPodTolerations,
  nodeShouldRunDaemonPod,
  replaceNodeNameAffinity,
  scaledValue,
  surgeCount,
  targetNodeName,
  unavailableCount,
} from './daemonset-util';

function ds(podSpec: Record<string, unknown> = {}, strategy?: DaemonSet['spec']['updateStrategy']): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'd', namespace: 'default' },
    spec: {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [], ...podSpec } as never },
      updateStrategy: strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  } as unknown as DaemonSet;
}

function node(name: string, o: { labels?: Record<string, string>; taints?: unknown[] } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: o.labels ?? {} },
    spec: { taints: o.taints },
  } as Node;
}

describe('AddOrUpdateDaemonPodTolerations', () => {
  it('adds the six tolerations, network-unavailable only for hostNetwork', () => {
    const spec = { containers: [] } as never as Pod['spec'];
    addOrUpdateDaemonPodTolerations(spec);
    expect(spec.tolerations).toHaveLength(6);
    const host = { containers: [], hostNetwork: true } as never as Pod['spec'];
    addOrUpdateDaemonPodTolerations(host);
    expect(host.tolerations?.[6]).toEqual({
      key: 'node.kubernetes.io/network-unavailable',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
  });

  it('replaces a matching toleration (tolerationSeconds dropped) instead of adding a second', () => {
    const spec = {
      containers: [],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
      ],
    } as never as Pod['spec'];
    addOrUpdateDaemonPodTolerations(spec);
    expect(spec.tolerations?.[0]).toEqual({
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
    });
    expect(spec.tolerations).toHaveLength(6);
  });
});

describe('ReplaceDaemonSetPodNodeNameNodeAffinity', () => {
  const pinned = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] };
  it('creates the affinity, or replaces only the required terms', () => {
    expect(replaceNodeNameAffinity(undefined, 'n1')).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pinned },
    });
    const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'x', operator: 'Exists' }] } }];
    const got = replaceNodeNameAffinity(
      {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [] }] },
          preferredDuringSchedulingIgnoredDuringExecution: preferred,
        },
        podAntiAffinity: {},
      },
      'n1',
    );
    expect(got).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: pinned,
        preferredDuringSchedulingIgnoredDuringExecution: preferred,
      },
      podAntiAffinity: {},
    });
  });

  it('GetTargetNodeName: nodeName first, else the matchFields value', () => {
    const pod = (spec: Record<string, unknown>) => ({ metadata: { name: 'p' }, spec }) as never as Pod;
    expect(targetNodeName(pod({ nodeName: 'a' }))).toBe('a');
    expect(targetNodeName(pod({ affinity: replaceNodeNameAffinity(undefined, 'b') }))).toBe('b');
    expect(targetNodeName(pod({}))).toBeUndefined();
  });
});

describe('NodeShouldRunDaemonPod', () => {
  const cases: { name: string; ds: DaemonSet; node: Node; want: [boolean, boolean] }[] = [
    { name: 'plain node', ds: ds(), node: node('n'), want: [true, true] },
    { name: 'nodeSelector mismatch', ds: ds({ nodeSelector: { disk: 'ssd' } }), node: node('n'), want: [false, false] },
    {
      name: 'nodeSelector match',
      ds: ds({ nodeSelector: { disk: 'ssd' } }),
      node: node('n', { labels: { disk: 'ssd' } }),
      want: [true, true],
    },
    { name: 'template nodeName elsewhere', ds: ds({ nodeName: 'other' }), node: node('n'), want: [false, false] },
    {
      name: 'untolerated NoSchedule: no new pod, an old one stays',
      ds: ds(),
      node: node('n', { taints: [{ key: 'k', effect: 'NoSchedule' }] }),
      want: [false, true],
    },
    {
      name: 'untolerated NoExecute: neither',
      ds: ds(),
      node: node('n', { taints: [{ key: 'k', effect: 'NoExecute' }] }),
      want: [false, false],
    },
    {
      name: 'control-plane taint with only the old master toleration',
      ds: ds({ tolerations: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] }),
      node: node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      want: [false, true],
    },
    {
      name: 'unschedulable and memory-pressure are tolerated by default',
      ds: ds(),
      node: node('n', {
        taints: [
          { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
        ],
      }),
      want: [true, true],
    },
    {
      name: 'not-ready NoSchedule is not tolerated, not-ready NoExecute is',
      ds: ds(),
      node: node('n', {
        taints: [
          { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
        ],
      }),
      want: [false, true],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = nodeShouldRunDaemonPod(c.node, c.ds);
      expect([r.shouldRun, r.shouldContinueRunning]).toEqual(c.want);
    });
  }
});

describe('surge and unavailability counts', () => {
  it('GetScaledValueFromIntOrPercent rounds up; not RollingUpdate means 0', () => {
    expect(scaledValue('10%', 5, true)).toBe(1);
    expect(scaledValue('50%', 5, true)).toBe(3);
    expect(scaledValue(2, 5, true)).toBe(2);
    expect(unavailableCount(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '34%' } }), 3)).toBe(2);
    expect(surgeCount(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '1%' } }), 3)).toBe(1);
    expect(unavailableCount(ds({}, { type: 'OnDelete' }), 3)).toBe(0);
  });
});

describe('rollingUpdate', () => {
  const ready = (name: string, nodeName: string, hash: string): Pod =>
    ({
      metadata: { name, labels: { 'controller-revision-hash': hash } },
      spec: { nodeName },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    }) as never as Pod;
  const nodes = ['a', 'b', 'c', 'd'].map((n) => node(n));
  const byNode = (pods: Pod[]) => new Map(pods.map((p) => [p.spec.nodeName as string, [p]]));

  it('maxUnavailable 2 of 4 old pods: two go at once', () => {
    const d = ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } });
    const plan = planRollingUpdate(
      d,
      nodes,
      byNode(nodes.map((n) => ready(`p-${n.metadata.name}`, n.metadata.name, 'old'))),
      'new',
      0,
    );
    expect(plan.podsToDelete.map((p) => p.metadata.name)).toEqual(['p-a', 'p-b']);
    expect(plan.nodesToCreate).toEqual([]);
  });

  it('a node without a pod counts as unavailable; an unavailable old pod is replaced regardless', () => {
    const d = ds();
    const pods = [ready('p-b', 'b', 'old'), ready('p-c', 'c', 'old')];
    const notReady = { ...ready('p-d', 'd', 'old'), status: { phase: 'Pending' } } as Pod;
    const plan = planRollingUpdate(d, nodes, byNode([...pods, notReady]), 'new', 0);
    expect(plan.podsToDelete.map((p) => p.metadata.name)).toEqual(['p-d']);
  });

  it('both zero: still one node at a time', () => {
    const d = ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } });
    const plan = planRollingUpdate(
      d,
      nodes,
      byNode(nodes.map((n) => ready(`p-${n.metadata.name}`, n.metadata.name, 'old'))),
      'new',
      0,
    );
    expect(plan.podsToDelete).toHaveLength(1);
  });

  it('maxSurge 1: a new pod on one node; an available new pod retires the old one', () => {
    const d = ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    const first = planRollingUpdate(
      d,
      nodes,
      byNode(nodes.map((n) => ready(`p-${n.metadata.name}`, n.metadata.name, 'old'))),
      'new',
      0,
    );
    expect(first).toEqual({ podsToDelete: [], nodesToCreate: ['a'] });
    const m = byNode(nodes.map((n) => ready(`p-${n.metadata.name}`, n.metadata.name, 'old')));
    m.set('a', [ready('p-a', 'a', 'old'), ready('n-a', 'a', 'new')]);
    const second = planRollingUpdate(d, nodes, m, 'new', 0);
    expect(second.podsToDelete.map((p) => p.metadata.name)).toEqual(['p-a']);
    expect(second.nodesToCreate).toEqual(['b']);
  });
});
