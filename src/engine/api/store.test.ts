// The store's bookkeeping, as etcd plus the API server keep it: uid, resourceVersion,
// creationTimestamp from the seeded rng and the virtual clock; generation for spec
// changes only; watch events with the old object; diffs squashed per object.
import { describe, expect, it } from 'vitest';
import { Clock, EPOCH_MS } from '../sim/clock';
import { Rng } from '../sim/rng';
import { Store } from './store';
import type { KubeObject } from './types';

const obj = (name: string, spec?: unknown): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    ...(spec ? { spec } : {}),
  }) as KubeObject;

describe('Store', () => {
  it('uids and timestamps come from the seeded rng and the virtual clock: same seed, same objects', () => {
    const make = () => {
      const clock = new Clock();
      const s = new Store(clock, new Rng(7));
      clock.set(1_500);
      return s.create(obj('a', { x: 1 }));
    };
    const a = make();
    expect(make()).toEqual(a);
    expect(a.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.creationTimestamp).toBe(new Date(EPOCH_MS + 1_000).toISOString().replace('.000Z', 'Z'));
  });

  it('every write bumps resourceVersion; generation moves only when spec changes', () => {
    const s = new Store(new Clock(), new Rng(1));
    const a = s.create(obj('a', { x: 1 }));
    expect(a.metadata).toMatchObject({ resourceVersion: '1', generation: 1 });
    const b = s.update({ ...a, metadata: { ...a.metadata, labels: { l: 'v' } } });
    expect(b.metadata).toMatchObject({ resourceVersion: '2', generation: 1 });
    const c = s.update({ ...b, spec: { x: 2 } });
    expect(c.metadata).toMatchObject({ resourceVersion: '3', generation: 2 });
    expect(c.metadata.uid).toBe(a.metadata.uid);
  });

  it('watchers see ADDED, MODIFIED (with the old object) and DELETED', () => {
    const s = new Store(new Clock(), new Rng(1));
    const seen: string[] = [];
    s.watch((e) =>
      seen.push(`${e.type}:${e.object.metadata.resourceVersion}:${e.old?.metadata.resourceVersion ?? '-'}`),
    );
    const a = s.create(obj('a', {}));
    s.update({ ...a, spec: { y: 1 } });
    s.remove('Pod', 'default', 'a');
    expect(seen).toEqual(['ADDED:1:-', 'MODIFIED:2:1', 'DELETED:2:2']);
  });

  it('record() squashes a batch of writes into added / updated / removed', () => {
    const s = new Store(new Clock(), new Rng(1));
    const keep = s.create(obj('keep', {}));
    const gone = s.create(obj('gone', {}));
    const diff = s.record(() => {
      const n = s.create(obj('new', {}));
      s.update({ ...n, spec: { v: 1 } });
      s.update({ ...keep, spec: { v: 1 } });
      s.update({ ...(s.get('Pod', 'default', 'keep') as KubeObject), spec: { v: 2 } });
      s.remove('Pod', 'default', gone.metadata.name);
    });
    expect(Object.keys(diff.added)).toEqual(['Pod/default/new']);
    expect(diff.added['Pod/default/new'].spec).toEqual({ v: 1 });
    expect(diff.updated['Pod/default/keep'][0].metadata.resourceVersion).toBe('1');
    expect(diff.updated['Pod/default/keep'][1].spec).toEqual({ v: 2 });
    expect(Object.keys(diff.removed)).toEqual(['Pod/default/gone']);
  });

  it('dump/load round-trips without emitting events', () => {
    const s = new Store(new Clock(), new Rng(1));
    s.create(obj('a', {}));
    const copy = new Store(new Clock(), new Rng(1));
    let events = 0;
    copy.watch(() => events++);
    copy.load(structuredClone(s.dump()));
    expect(copy.dump()).toEqual(s.dump());
    expect(events).toBe(0);
  });
});
