// snapshot() / restoreCluster(): exact round trips, including pending timers and queued
// work, and clear errors (never a half-built cluster) for anything that is not a snapshot.
import { describe, expect, it } from 'vitest';
import { type ClusterSnapshot, createCluster, restoreCluster } from './index';
import { node, pod, testCluster } from './testing';

const WEB = `
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: web, image: nginx:1.27 }] }
`;

function busyCluster() {
  const c = createCluster({ seed: 7 });
  c.apply(WEB);
  c.advance(30_000);
  c.chaos.killNode('node-1');
  c.advance(45_000);
  return c;
}

const json = (s: ClusterSnapshot) => JSON.stringify(s);

describe('snapshot', () => {
  it('restore then snapshot gives the identical JSON', () => {
    const s = busyCluster().snapshot();
    expect(json(restoreCluster(s).snapshot())).toBe(json(s));
  });

  it('survives JSON (what IndexedDB and share URLs carry)', () => {
    const s = busyCluster().snapshot();
    const back = JSON.parse(json(s)) as ClusterSnapshot;
    expect(json(restoreCluster(back).snapshot())).toBe(json(s));
  });

  it('carries pending timers: a restored cluster continues exactly like the original', () => {
    const a = busyCluster();
    const s = a.snapshot();
    expect(s.timers.timers.length).toBeGreaterThan(0);
    const b = restoreCluster(s);
    for (const step of [1, 999, 5_000, 60_000, 400_000]) {
      a.advance(step);
      b.advance(step);
      expect(json(b.snapshot())).toBe(json(a.snapshot()));
    }
    expect(b.events()).toEqual(a.events());
  });

  it('carries node-controller state mid-failure (TestCluster.fork)', () => {
    const a = testCluster({ nodes: [node('node-1'), node('node-2')], heartbeats: true })
      .apply(pod('web', { node: 'node-1' }))
      .markReady('web')
      .kill('node-1')
      .advance('58s');
    const b = a.fork();
    a.advance('6m');
    b.advance('6m');
    expect(json(b.snapshot())).toBe(json(a.snapshot()));
    expect(b.pod('web').metadata.deletionTimestamp).toBeDefined();
  });

  it('is a copy: changing the snapshot or the cluster afterwards affects neither', () => {
    const c = createCluster();
    const s = c.snapshot();
    const before = json(s);
    c.apply(WEB);
    c.advance(10_000);
    expect(json(s)).toBe(before);
    const r = restoreCluster(s);
    s.store.objects.length = 0;
    expect(r.list('Node')).toHaveLength(4);
  });
});

describe('restoreCluster on bad input', () => {
  const good = () => JSON.parse(json(createCluster({ nodes: 1 }).snapshot()));
  const cases: [string, (s: any) => unknown, RegExp][] = [
    ['null', () => null, /snapshot must be an object/],
    ['a string', () => 'kube', /snapshot must be an object/],
    ['an empty object', () => ({}), /snapshot.format must be "kube-playground\/cluster"/],
    ['another format', (s) => ({ ...s, format: 'excalidraw' }), /snapshot.format/],
    ['a future version', (s) => ({ ...s, version: 2 }), /snapshot.version must be 1, got 2/],
    ['no store', (s) => ({ ...s, store: undefined }), /snapshot.store must be an object, got nothing/],
    [
      'objects not a list',
      (s) => ({ ...s, store: { ...s.store, objects: {} } }),
      /snapshot.store.objects must be an array/,
    ],
    [
      'an object without a name',
      (s) => {
        delete s.store.objects[2].metadata.name;
        return s;
      },
      /snapshot.store.objects\[2\].metadata.name must be a string/,
    ],
    [
      'an object of no kind',
      (s) => {
        s.store.objects[0].kind = 42;
        return s;
      },
      /snapshot.store.objects\[0\].kind must be a string, got a number/,
    ],
    [
      'a duplicated object',
      (s) => {
        s.store.objects.push(s.store.objects[0]);
        return s;
      },
      /duplicates Namespace\/\/default/,
    ],
    ['a negative clock', (s) => ({ ...s, now: -5 }), /snapshot.now must be at least 0/],
    ['a clock as text', (s) => ({ ...s, now: '10' }), /snapshot.now must be a number, got a string/],
    ['no rng state', (s) => ({ ...s, rng: undefined }), /snapshot.rng must be a number/],
    [
      'a timer at no time',
      (s) => {
        s.timers.timers[0].at = 'soon';
        return s;
      },
      /snapshot.timers.timers\[0\].at must be a number/,
    ],
    ['a queue that is not a list', (s) => ({ ...s, queue: 'x' }), /snapshot.queue must be an array/],
    [
      'state with a non-object',
      (s) => ({ ...s, state: { ...s.state, kubelet: 3 } }),
      /snapshot.state.kubelet must be an object/,
    ],
    [
      'broken event-recorder caches',
      (s) => ({ ...s, state: { ...s.state, 'event-recorder': { ...s.state['event-recorder'], logs: 'x' } } }),
      /snapshot.state.event-recorder.logs must be an object/,
    ],
    [
      'an unknown timing profile',
      (s) => ({ ...s, options: { ...s.options, timings: 'slow' } }),
      /timings must be "real" or "fast"/,
    ],
    [
      'an unknown timing override',
      (s) => ({ ...s, options: { ...s.options, timingOverrides: { warpSpeed: 9 } } }),
      /timingOverrides.warpSpeed is not a known timing/,
    ],
  ];

  it.each(cases)('%s: a clear Error', (_name, corrupt, message) => {
    const bad = corrupt(good());
    expect(() => restoreCluster(bad as ClusterSnapshot)).toThrow(Error);
    expect(() => restoreCluster(bad as ClusterSnapshot)).toThrow(message);
  });
});
