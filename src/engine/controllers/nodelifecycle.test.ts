// The node-lifecycle and taint-eviction controllers end to end, after
// pkg/controller/nodelifecycle/node_lifecycle_controller.go and
// pkg/controller/tainteviction/taint_eviction.go (upstream defaults: monitor period 5s,
// grace 50s, eviction rate 0.1 node/s per zone, tolerationSeconds 300).
import { describe, expect, it } from 'vitest';
import type { Condition, Taint } from '../api/types';
import { node, pod, testCluster } from '../testing';
import { TAINT_NOT_READY, TAINT_UNREACHABLE } from './taints';

const hasTaint = (taints: Taint[] | undefined, key: string, effect: string) =>
  (taints ?? []).some((t) => t.key === key && t.effect === effect);

const readyOf = (conditions: Condition[] | undefined) => conditions?.find((c) => c.type === 'Ready');

function deadNode() {
  return testCluster({ nodes: [node('node-1'), node('node-2')], heartbeats: true })
    .apply(pod('web', { node: 'node-1' }))
    .markReady('web')
    .advance('10s');
}

describe('node lifecycle: a node whose kubelet stops posting status', () => {
  it('registers every node once (RegisteredNode)', () => {
    const t = testCluster({ nodes: 2 });
    expect(t.events('RegisteredNode').map((e) => e.message)).toEqual([
      'Node control-plane event: Registered Node control-plane in Controller',
      'Node node-1 event: Registered Node node-1 in Controller',
      'Node node-2 event: Registered Node node-2 in Controller',
    ]);
    expect(t.events('RegisteredNode')[1].source).toEqual({ component: 'node-controller' });
    expect(t.events('RegisteredNode')[1].involvedObject).toEqual({
      apiVersion: 'v1',
      kind: 'Node',
      name: 'node-1',
      uid: t.node('node-1').metadata.uid,
    });
  });

  it('says RemovingNode when a Node goes away', () => {
    const t = testCluster({ nodes: 2 });
    t.delete('Node', 'node-2').advance('10s');
    expect(t.events('RemovingNode').map((e) => e.message)).toEqual([
      'Node node-2 event: Removing Node node-2 from Controller',
    ]);
  });

  it('stays Ready while the lease is renewed', () => {
    const t = deadNode().advance('10m');
    expect(readyOf(t.node('node-1').status.conditions)?.status).toBe('True');
    expect(t.node('node-1').spec.taints).toBeUndefined();
    expect(t.events('NodeNotReady')).toEqual([]);
  });

  it('turns every monitored condition Unknown, taints NoSchedule at once and NoExecute on the next pass', () => {
    const t = deadNode().kill('node-1').advance('60s');
    const n = t.node('node-1');
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(n.status.conditions.find((c) => c.type === type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      });
    }
    expect(hasTaint(n.spec.taints, TAINT_UNREACHABLE, 'NoSchedule')).toBe(true);
    t.advance('5s');
    const taints = t.node('node-1').spec.taints;
    expect(hasTaint(taints, TAINT_UNREACHABLE, 'NoExecute')).toBe(true);
    expect(hasTaint(taints, TAINT_NOT_READY, 'NoExecute')).toBe(false);
    expect(taints?.find((x) => x.effect === 'NoExecute')?.timeAdded).toMatch(/^2026-01-01T09:01:\d\dZ$/);
    // The other node is untouched.
    expect(t.node('node-2').spec.taints).toBeUndefined();
  });

  it('records NodeNotReady on the node (uid = node name, as RecordNodeStatusChange) and on its pods', () => {
    const t = deadNode().kill('node-1').advance('65s');
    const onNode = t.events('NodeNotReady').filter((e) => e.involvedObject.kind === 'Node');
    expect(onNode).toHaveLength(1);
    expect(onNode[0]).toMatchObject({
      type: 'Normal',
      message: 'Node node-1 status is now: NodeNotReady',
      involvedObject: { kind: 'Node', name: 'node-1', uid: 'node-1' },
      source: { component: 'node-controller' },
    });
    expect(onNode[0].metadata.namespace).toBe('default');
    const onPod = t.events('NodeNotReady').filter((e) => e.involvedObject.name === 'web');
    expect(onPod).toHaveLength(1);
    expect(onPod[0]).toMatchObject({ type: 'Warning', message: 'Node is not ready' });
  });

  it('MarkPodsNotReady: its pods turn Ready=False, other conditions keep their status', () => {
    const t = deadNode().kill('node-1').advance('65s');
    const conditions = t.pod('web').status.conditions ?? [];
    expect(readyOf(conditions)?.status).toBe('False');
    expect(conditions.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
  });

  it('evicts after tolerationSeconds: TaintManagerEviction, DisruptionTarget, then Terminating for good', () => {
    const t = deadNode().kill('node-1').advance('64s');
    expect(t.pod('web').metadata.deletionTimestamp).toBeUndefined();
    t.advance('5m');
    const web = t.pod('web');
    expect(web.metadata.deletionTimestamp).toBeDefined();
    expect(web.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      }),
    );
    const ev = t.events('TaintManagerEviction').find((e) => e.involvedObject.name === 'web');
    expect(ev).toMatchObject({
      message: 'Marking for deletion Pod default/web',
      source: { component: 'taint-eviction-controller' },
    });
    // No kubelet can confirm the deletion: the pod stays Terminating (as on a real cluster).
    t.advance('1h');
    expect(t.get('Pod', 'web')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('tolerationSeconds is honoured per pod: a longer toleration waits longer, none waits forever', () => {
    const long = [
      { key: TAINT_UNREACHABLE, operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 600 },
    ];
    const forever = [{ key: TAINT_UNREACHABLE, operator: 'Exists' as const, effect: 'NoExecute' as const }];
    const t = testCluster({ nodes: [node('node-1')], heartbeats: true })
      .apply(
        pod('long', { node: 'node-1', tolerations: long }),
        pod('forever', { node: 'node-1', tolerations: forever }),
      )
      .kill('node-1')
      .advance('6m');
    expect(t.pod('long').metadata.deletionTimestamp).toBeUndefined();
    t.advance('5m');
    expect(t.pod('long').metadata.deletionTimestamp).toBeDefined();
    t.advance('1h');
    expect(t.pod('forever').metadata.deletionTimestamp).toBeUndefined();
  });

  it('restore before the deadline: taints go, Ready returns, the eviction is cancelled', () => {
    const t = deadNode().kill('node-1').advance('2m');
    expect(hasTaint(t.node('node-1').spec.taints, TAINT_UNREACHABLE, 'NoExecute')).toBe(true);
    t.restore('node-1').advance('20s');
    const n = t.node('node-1');
    expect(readyOf(n.status.conditions)?.status).toBe('True');
    expect(n.spec.taints).toBeUndefined();
    expect(t.events('TaintManagerEviction').map((e) => e.message)).toContain('Cancelling deletion of Pod default/web');
    t.advance('10m');
    expect(t.pod('web').metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('node lifecycle: zones and disruption (handleDisruption, RateLimitedTimedQueue)', () => {
  const zoned = () =>
    testCluster({
      nodes: ['a', 'b', 'c', 'd'].map((n) => node(n, { zone: 'z1' })),
      heartbeats: true,
    });

  const noExecuteAt = (t: ReturnType<typeof zoned>, names: string[], seconds: number) => {
    const at: Record<string, number> = {};
    for (let i = 0; i < seconds; i++) {
      t.advance('1s');
      for (const n of names) {
        if (at[n] === undefined && hasTaint(t.node(n).spec.taints, TAINT_UNREACHABLE, 'NoExecute')) at[n] = t.now();
      }
    }
    return at;
  };

  it('taints at most one node per 10s in a zone (--node-eviction-rate 0.1)', () => {
    const t = zoned().kill('a').kill('b');
    const at = noExecuteAt(t, ['a', 'b'], 120);
    expect(Object.keys(at)).toHaveLength(2);
    expect(Math.abs(at.a - at.b)).toBeGreaterThanOrEqual(10_000);
    expect(Math.abs(at.a - at.b)).toBeLessThan(15_000);
  });

  it('a partially disrupted small zone (>= 55% down) stops tainting', () => {
    const t = zoned().kill('a').kill('b').kill('c');
    const at = noExecuteAt(t, ['a', 'b', 'c'], 180);
    // All three went Unknown in the same pass: the zone is PartialDisruption from then on, and
    // with 4 nodes (<= --large-cluster-size-threshold 50) its rate is 0.
    expect(at).toEqual({});
  });

  it('when every zone is fully disrupted the controller blames itself: no NoExecute taints, no evictions', () => {
    const t = testCluster({ nodes: 2, heartbeats: true }).apply(pod('web', { node: 'node-1' }));
    for (const n of ['control-plane', 'node-1', 'node-2']) t.kill(n);
    t.advance('10m');
    for (const n of ['control-plane', 'node-1', 'node-2']) {
      expect(readyOf(t.node(n).status.conditions)?.status).toBe('Unknown');
      expect(hasTaint(t.node(n).spec.taints, TAINT_UNREACHABLE, 'NoExecute')).toBe(false);
    }
    expect(t.pod('web').metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('node lifecycle with the real kubelet (public chaos API)', () => {
  it('killNode → Unknown, taints, eviction; restoreNode → Ready, no taints', () => {
    const t = testCluster({ nodes: [node('node-1'), node('node-2')] }).apply(pod('web', { node: 'node-1' }));
    t.advance('30s');
    expect(readyOf(t.pod('web').status.conditions)?.status).toBe('True');
    t.cluster.chaos.killNode('node-1');
    t.advance('70s');
    expect(readyOf(t.node('node-1').status.conditions)?.status).toBe('Unknown');
    expect(readyOf(t.pod('web').status.conditions)?.status).toBe('False');
    expect(hasTaint(t.node('node-1').spec.taints, TAINT_UNREACHABLE, 'NoExecute')).toBe(true);
    t.advance('5m');
    expect(t.pod('web').metadata.deletionTimestamp).toBeDefined();
    t.cluster.chaos.restoreNode('node-1');
    t.advance('1m');
    expect(readyOf(t.node('node-1').status.conditions)?.status).toBe('True');
    expect(t.node('node-1').spec.taints).toBeUndefined();
  });
});
