// The garbage collector, after pkg/controller/garbagecollector (attemptToDeleteItem,
// processDeletingDependentsItem, attemptToOrphan) and the API server's handling of
// propagationPolicy (Background / Foreground / Orphan). Leases stand in for owners and
// dependents: they delete at once (no kubelet involved), so the order is the GC's alone.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { ownerRef, pod, testCluster } from '../testing';

function lease(name: string, meta: Record<string, unknown> = {}) {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: 'default', ...meta },
    spec: { holderIdentity: name },
  };
}

/** An owner and its dependents; `block` marks which dependents block the owner's deletion. */
function family(deps: { name: string; block?: boolean; finalizers?: string[] }[]) {
  const t = testCluster().apply(lease('owner'));
  const owner = t.get('Lease', 'owner')!;
  for (const d of deps) {
    const ref = ownerRef(owner, { controller: true, ...(d.block ? { blockOwnerDeletion: true } : {}) });
    t.apply(lease(d.name, { ownerReferences: [ref], ...(d.finalizers ? { finalizers: d.finalizers } : {}) }));
  }
  const deleted: string[] = [];
  t.core.store.watch((ev) => {
    if (ev.type === 'DELETED' && ev.object.kind === 'Lease') deleted.push(ev.object.metadata.name);
  });
  return { t, owner, deleted };
}

function dropFinalizers(t: ReturnType<typeof testCluster>, name: string) {
  const o = t.get('Lease', name) as KubeObject;
  const { finalizers: _f, ...metadata } = o.metadata;
  t.core.api.replace({ ...o, metadata: metadata as KubeObject['metadata'] });
  t.advance(0);
}

describe('garbage collector', () => {
  it('Background (the default): the owner goes at once, then its dependents', () => {
    const { t, deleted } = family([{ name: 'd1' }, { name: 'd2', block: true }]);
    t.delete('Lease', 'owner').advance(0);
    expect(deleted).toEqual(['owner', 'd1', 'd2']);
    expect(t.list('Lease', 'default')).toEqual([]);
  });

  it('Foreground: the owner waits (deletionTimestamp + foregroundDeletion) until blocking dependents are gone', () => {
    const { t, deleted } = family([{ name: 'held', block: true, finalizers: ['example.com/hold'] }, { name: 'free' }]);
    t.delete('Lease', 'owner', { propagationPolicy: 'Foreground' }).advance('1m');
    const owner = t.get('Lease', 'owner')!;
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    // Every dependent is deleted; the one with a finalizer is still Terminating and blocks the owner.
    expect(t.get('Lease', 'free')).toBeUndefined();
    expect(t.get('Lease', 'held')?.metadata.deletionTimestamp).toBeDefined();
    dropFinalizers(t, 'held');
    expect(deleted).toEqual(['free', 'held', 'owner']);
  });

  it('Foreground: dependents without blockOwnerDeletion do not hold the owner', () => {
    const { t, deleted } = family([{ name: 'd', finalizers: ['example.com/hold'] }]);
    t.delete('Lease', 'owner', { propagationPolicy: 'Foreground' }).advance(0);
    expect(t.get('Lease', 'owner')).toBeUndefined();
    expect(deleted).toEqual(['owner']);
    expect(t.get('Lease', 'd')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('Orphan: the orphan finalizer strips the reference from every dependent, then the owner goes', () => {
    const { t, deleted } = family([{ name: 'd1', block: true }, { name: 'd2' }]);
    t.delete('Lease', 'owner', { propagationPolicy: 'Orphan' });
    expect(t.get('Lease', 'owner')?.metadata).toMatchObject({
      finalizers: ['orphan'],
      deletionTimestamp: expect.any(String),
    });
    t.advance(0);
    expect(deleted).toEqual(['owner']);
    for (const d of ['d1', 'd2']) expect(t.get('Lease', d)?.metadata.ownerReferences).toBeUndefined();
  });

  it('a dependent whose owner uid does not exist is collected', () => {
    const t = testCluster();
    const ghost = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: 'ghost', uid: 'no-such-uid' };
    t.apply(lease('orphaned', { ownerReferences: [ghost] })).advance(0);
    expect(t.get('Lease', 'orphaned')).toBeUndefined();
  });

  it('a cluster-scoped object with a namespaced owner is left alone (as upstream)', () => {
    const t = testCluster().apply(lease('owner'));
    const ref = ownerRef(t.get('Lease', 'owner')!);
    t.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'odd', ownerReferences: [ref] } });
    t.delete('Lease', 'owner').advance('1m');
    expect(t.get('Namespace', 'odd')).toBeDefined();
  });

  it('an owner re-created under the same name (new uid) does not adopt the old dependents', () => {
    const { t } = family([{ name: 'd' }]);
    t.delete('Lease', 'owner').apply(lease('owner')).advance(0);
    expect(t.get('Lease', 'd')).toBeUndefined();
  });

  it('with two owners, losing one only drops that reference', () => {
    const t = testCluster().apply(lease('a'), lease('b'));
    const refs = [ownerRef(t.get('Lease', 'a')!), ownerRef(t.get('Lease', 'b')!)];
    t.apply(lease('d', { ownerReferences: refs }));
    t.delete('Lease', 'a').advance(0);
    expect(t.get('Lease', 'd')?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
    t.delete('Lease', 'b').advance(0);
    expect(t.get('Lease', 'd')).toBeUndefined();
  });

  it('works across kinds: Pods owned by a Pod are deleted with it', () => {
    const t = testCluster().apply(pod('parent', { node: 'node-1' }));
    const parent = t.get('Pod', 'parent')!;
    t.apply(pod('child', { node: 'node-1', ownerReferences: [ownerRef(parent, { controller: true })] }));
    t.delete('Pod', 'parent', { gracePeriodSeconds: 0 }).advance(0);
    // The child is deleted like any client would delete it: gracefully, through the API.
    const child = t.get('Pod', 'child');
    expect(child === undefined || child.metadata.deletionTimestamp !== undefined).toBe(true);
  });

  it('deleting a Node collects what it owns: its Lease and its mirror pods', () => {
    const t = testCluster();
    expect(t.get('Lease', 'kube-node-lease/control-plane')?.metadata.ownerReferences?.[0].kind).toBe('Node');
    t.delete('Node', 'control-plane').advance(0);
    expect(t.get('Lease', 'kube-node-lease/control-plane')).toBeUndefined();
    const mirror = t.get('Pod', 'kube-system/kube-apiserver-control-plane');
    expect(mirror === undefined || mirror.metadata.deletionTimestamp !== undefined).toBe(true);
  });
});
