/**
 * mirrors pkg/controller/controller_ref_manager_test.go (TestClaimPods): adopt
 * matching orphans, release owned pods that stopped matching, leave other
 * controllers' pods alone, never adopt while the owner or the pod is being deleted.
 */
import { describe, expect, it } from 'vitest';
import { parseSelector } from '../api/labels';
import type { KubeObject, Pod } from '../api/types';
import { pod, testCluster } from '../testing';
import {
  claimObjects,
  getControllerOf,
  isControlledBy,
  newControllerRef,
  recheckDeletionTimestamp,
} from './controllerref';

function setup() {
  const t = testCluster({ nodes: 1 });
  const ctx = t.core.context('test-claim');
  const owner = t.core.api.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', labels: {} } as KubeObject['metadata'],
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });
  const mk = (name: string, labels: Record<string, string>, extra: Partial<KubeObject['metadata']> = {}) =>
    t.core.api.create({
      ...(pod(name, { labels }) as unknown as KubeObject),
      metadata: { ...pod(name).metadata, labels, ...extra } as KubeObject['metadata'],
    }) as Pod;
  const selector = parseSelector('app=web');
  const live = (name: string) => t.core.store.get('Pod', 'default', name) as Pod;
  return { t, ctx, owner, mk, selector, live };
}

describe('claimObjects', () => {
  it('adopts a matching orphan with a controllerRef and ignores one that does not match', () => {
    const { ctx, owner, mk, selector, live } = setup();
    const a = mk('a', { app: 'web' });
    const b = mk('b', { app: 'other' });
    const r = claimObjects(ctx, [a, b], { owner, selector });
    expect(r.errors).toEqual([]);
    expect(r.claimed.map((p) => p.metadata.name)).toEqual(['a']);
    expect(live('a').metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: owner.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(live('b').metadata.ownerReferences).toBeUndefined();
  });

  it('keeps other (non-controller) owner references when adopting', () => {
    const { ctx, owner, mk, selector, live } = setup();
    const a = mk(
      'a',
      { app: 'web' },
      { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'cm' }] },
    );
    claimObjects(ctx, [a], { owner, selector });
    expect(live('a').metadata.ownerReferences?.map((r) => r.uid)).toEqual(['cm', owner.metadata.uid]);
  });

  it('releases an owned pod that no longer matches', () => {
    const { ctx, owner, mk, selector, live } = setup();
    const a = mk('a', { app: 'other' }, { ownerReferences: [newControllerRef(owner)] });
    const r = claimObjects(ctx, [a], { owner, selector });
    expect(r.claimed).toEqual([]);
    expect(live('a').metadata.ownerReferences).toBeUndefined();
  });

  it('keeps an owned matching pod, even one being deleted', () => {
    const { ctx, owner, mk, selector } = setup();
    const a = mk('a', { app: 'web' }, { ownerReferences: [newControllerRef(owner)] });
    const dying = { ...a, metadata: { ...a.metadata, deletionTimestamp: '2026-01-01T09:00:00Z' } };
    expect(claimObjects(ctx, [dying], { owner, selector }).claimed).toEqual([dying]);
  });

  it('ignores pods controlled by another controller', () => {
    const { ctx, owner, mk, selector, live } = setup();
    const other = { ...owner, metadata: { ...owner.metadata, name: 'x', uid: 'other-uid' } };
    const a = mk('a', { app: 'web' }, { ownerReferences: [newControllerRef(other)] });
    const b = mk('b', { app: 'nope' }, { ownerReferences: [newControllerRef(other)] });
    expect(claimObjects(ctx, [a, b], { owner, selector }).claimed).toEqual([]);
    expect(getControllerOf(live('a'))?.uid).toBe('other-uid');
    expect(getControllerOf(live('b'))?.uid).toBe('other-uid');
  });

  it('does not adopt an orphan that is being deleted', () => {
    const { ctx, owner, mk, selector, live } = setup();
    const a = mk('a', { app: 'web' });
    const dying = { ...a, metadata: { ...a.metadata, deletionTimestamp: '2026-01-01T09:00:00Z' } };
    expect(claimObjects(ctx, [dying], { owner, selector }).claimed).toEqual([]);
    expect(live('a').metadata.ownerReferences).toBeUndefined();
  });

  it('an owner being deleted neither adopts nor releases', () => {
    const { ctx, owner, mk, selector, live } = setup();
    const deleting = { ...owner, metadata: { ...owner.metadata, deletionTimestamp: '2026-01-01T09:00:00Z' } };
    const orphan = mk('a', { app: 'web' });
    const owned = mk('b', { app: 'other' }, { ownerReferences: [newControllerRef(owner)] });
    expect(claimObjects(ctx, [orphan, owned], { owner: deleting, selector }).claimed).toEqual([]);
    expect(live('a').metadata.ownerReferences).toBeUndefined();
    expect(isControlledBy(live('b'), owner)).toBe(true);
  });

  it('refuses adoption when the fresh owner is being deleted (RecheckDeletionTimestamp)', () => {
    const { t, ctx, owner, mk, selector, live } = setup();
    t.core.api.replace({ ...owner, metadata: { ...owner.metadata, finalizers: ['x'] } });
    t.core.api.delete('ReplicaSet', 'default', 'web');
    const a = mk('a', { app: 'web' });
    const r = claimObjects(ctx, [a], { owner, selector });
    expect(r.claimed).toEqual([]);
    expect(r.errors[0]).toMatch(/^can't adopt Pod default\/a \(.+\): default\/web has just been deleted at /);
    expect(live('a').metadata.ownerReferences).toBeUndefined();
  });

  it('refuses adoption for a namesake owner with another uid', () => {
    const { ctx, owner } = setup();
    const stale = { ...owner, metadata: { ...owner.metadata, uid: 'old' } };
    expect(recheckDeletionTimestamp(ctx, stale)).toBe(
      `original ReplicaSet default/web is gone: got uid ${owner.metadata.uid}, wanted old`,
    );
  });

  it('applies the extra filter and skips candidates that vanished', () => {
    const { t, ctx, owner, mk, selector } = setup();
    const a = mk('a', { app: 'web' });
    const b = mk('b', { app: 'web' });
    t.core.api.delete('Pod', 'default', 'b');
    const r = claimObjects(ctx, [a, b], { owner, selector, filter: (p) => p.metadata.name !== 'a' });
    expect(r).toEqual({ claimed: [], errors: [] });
  });
});
