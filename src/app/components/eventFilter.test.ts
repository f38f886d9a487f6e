import { describe, expect, it } from 'vitest';
import type { EventView } from '../../protocol/messages';
import { eventFacets, eventKind, filterEvents, NO_FILTER } from './eventFilter';

const ev = (p: Partial<EventView>): EventView => ({
  type: 'Normal',
  reason: 'Scheduled',
  object: 'pod/web',
  namespace: 'default',
  message: 'Successfully assigned default/web to node-1',
  count: 1,
  at: 0,
  ...p,
});

const EVENTS = [
  ev({ at: 1, reason: 'Scheduled', kind: 'Pod', name: 'web' }),
  ev({
    at: 2,
    type: 'Warning',
    reason: 'FailedScheduling',
    object: 'pod/greedy',
    kind: 'Pod',
    message: '0/4 nodes are available: 3 Insufficient cpu.',
  }),
  ev({
    at: 3,
    reason: 'NodeNotReady',
    object: 'node/node-1',
    namespace: undefined,
    kind: 'Node',
    message: 'Node node-1 status is now: NodeNotReady',
  }),
  ev({
    at: 4,
    reason: 'SuccessfulCreate',
    object: 'replicaset/web-1',
    namespace: 'shop',
    kind: 'ReplicaSet',
    message: 'Created pod: web-1-x',
  }),
];

describe('filterEvents', () => {
  it('lists newest first by default, oldest first on request', () => {
    expect(filterEvents(EVENTS, NO_FILTER).map((e) => e.at)).toEqual([4, 3, 2, 1]);
    expect(filterEvents(EVENTS, { ...NO_FILTER, newestFirst: false }).map((e) => e.at)).toEqual([1, 2, 3, 4]);
    // the input (the store's array) is left alone
    expect(EVENTS.map((e) => e.at)).toEqual([1, 2, 3, 4]);
  });

  it('filters by type, namespace (cluster-scoped as "-"), kind and text', () => {
    expect(filterEvents(EVENTS, { ...NO_FILTER, type: 'Warning' }).map((e) => e.reason)).toEqual(['FailedScheduling']);
    expect(filterEvents(EVENTS, { ...NO_FILTER, namespace: 'shop' }).map((e) => e.at)).toEqual([4]);
    expect(filterEvents(EVENTS, { ...NO_FILTER, namespace: '-' }).map((e) => e.at)).toEqual([3]);
    expect(filterEvents(EVENTS, { ...NO_FILTER, kind: 'Pod' }).map((e) => e.at)).toEqual([2, 1]);
    expect(filterEvents(EVENTS, { ...NO_FILTER, text: 'insufficient' }).map((e) => e.at)).toEqual([2]);
    expect(filterEvents(EVENTS, { ...NO_FILTER, text: 'NODE/node-1' }).map((e) => e.at)).toEqual([3]);
  });

  it('offers the namespaces and kinds present', () => {
    expect(eventFacets(EVENTS)).toEqual({
      namespaces: ['default', 'shop'],
      kinds: ['Node', 'Pod', 'ReplicaSet'],
      clusterScoped: true,
    });
  });

  it('reads the kind from the OBJECT column when the view gives none', () => {
    expect(eventKind(ev({ object: 'deployment/web' }))).toBe('Deployment');
  });
});
