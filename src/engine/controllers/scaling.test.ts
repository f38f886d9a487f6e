// The cluster-level controllers scale with what changes, not with the cluster: like
// upstream's informer indexers (getPodsAssignedToNode), they find a node's pods through
// an index, so a steady cluster costs them nothing per pod, and a node failure touches
// only that node's pods.
import { describe, expect, it } from 'vitest';
import { node, pod, testCluster } from '../testing';
import { GARBAGE_COLLECTOR } from './garbagecollector';
import { NODE_LIFECYCLE } from './nodelifecycle';
import { POD_GC } from './podgc';
import { TAINT_EVICTION } from './tainteviction';

function instrumented() {
  const t = testCluster({ nodes: [node('node-1'), node('node-2'), node('node-3')], heartbeats: true });
  for (let i = 0; i < 300; i++) t.apply(pod(`p${i}`, { node: `node-${(i % 3) + 1}` }));
  t.advance('1m');
  let inside = 0;
  let podLists = 0;
  for (const name of [NODE_LIFECYCLE, TAINT_EVICTION, GARBAGE_COLLECTOR, POD_GC]) {
    const c = t.core.manager.get(name)!;
    const reconcile = c.reconcile.bind(c);
    (c as { reconcile: typeof c.reconcile }).reconcile = (key, ctx) => {
      inside++;
      try {
        reconcile(key, ctx);
      } finally {
        inside--;
      }
    };
  }
  const list = t.core.store.list.bind(t.core.store);
  t.core.store.list = (kind, ns) => {
    if (kind === 'Pod' && inside > 0) podLists++;
    return list(kind, ns);
  };
  return { t, podLists: () => podLists };
}

describe('controller cost', () => {
  it('a steady cluster: no controller of ours lists the pods', () => {
    const { t, podLists } = instrumented();
    t.advance('10m');
    expect(podLists()).toBe(0);
  });

  it('a node failure: the pods are found through the index, not a list', () => {
    const { t, podLists } = instrumented();
    t.kill('node-1').advance('10m');
    expect(t.list('Pod', 'default').filter((p) => p.metadata.deletionTimestamp)).toHaveLength(100);
    expect(podLists()).toBe(0);
  });
});
