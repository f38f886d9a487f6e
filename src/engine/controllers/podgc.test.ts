// The pod garbage collector, after pkg/controller/podgc/gc_controller.go
// (gcCheckPeriod 20s, quarantineTime 40s, --terminated-pod-gc-threshold 12500).
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../api/types';
import { node, pod, testCluster } from '../testing';

function lastWrite(t: ReturnType<typeof testCluster>, name: string) {
  const writes: { type: string; object: KubeObject }[] = [];
  t.core.store.watch((ev) => {
    if (ev.object.kind === 'Pod' && ev.object.metadata.name === name) writes.push(ev);
  });
  return writes;
}

describe('pod GC', () => {
  it('force-deletes pods of a deleted node after the quarantine, marked Failed with DeletionByPodGC', () => {
    const t = testCluster({ nodes: [node('node-1'), node('node-2')], heartbeats: true }).apply(
      pod('web', { node: 'node-1' }),
    );
    const writes = lastWrite(t, 'web');
    t.kill('node-1').delete('Node', 'node-1').advance('20s');
    expect(t.get('Pod', 'web')).toBeDefined();
    t.advance('1m');
    expect(t.get('Pod', 'web')).toBeUndefined();
    const before = writes[writes.length - 2].object as Pod;
    expect(writes[writes.length - 1].type).toBe('DELETED');
    expect(before.status.phase).toBe('Failed');
    expect(before.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'DisruptionTarget',
        reason: 'DeletionByPodGC',
        message: 'PodGC: node no longer exists',
      }),
    );
  });

  it('leaves Terminating pods on a dead node alone until it is tainted out-of-service', () => {
    const t = testCluster({ nodes: [node('node-1'), node('node-2')], heartbeats: true })
      .apply(pod('web', { node: 'node-1' }))
      .markReady('web')
      .kill('node-1')
      .advance('7m');
    expect(t.pod('web').metadata.deletionTimestamp).toBeDefined();
    t.advance('30m');
    expect(t.get('Pod', 'web')).toBeDefined();
    const n = t.node('node-1');
    const oos = { key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' as const };
    t.core.api.replace({ ...n, spec: { ...n.spec, taints: [...(n.spec.taints ?? []), oos] } });
    t.advance('20s');
    expect(t.get('Pod', 'web')).toBeUndefined();
  });

  it('deletes the oldest terminated pods beyond --terminated-pod-gc-threshold', () => {
    const t = testCluster({ timingOverrides: { terminatedPodGcThreshold: 2 } });
    for (const name of ['p1', 'p2', 'p3', 'p4']) {
      t.apply(pod(name, { node: 'node-1' }));
      const p = t.pod(name);
      t.core.api.updateStatus({ ...p, status: { ...p.status, phase: 'Succeeded' } });
      t.advance('1s');
    }
    t.advance('20s');
    expect(['p1', 'p2', 'p3', 'p4'].filter((n) => t.get('Pod', n))).toEqual(['p3', 'p4']);
  });
});
