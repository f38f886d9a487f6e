// Property of update.go rollingUpdate (maxSurge 0): one pass never takes more nodes out
// than maxUnavailable allows, counting the nodes already without an available pod; old
// pods that are not available may always be replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/types';
import type { DaemonSet } from '../api/workload-types';
import { planRollingUpdate } from './daemonset-update';

function ds(maxUnavailable: number): DaemonSet {
  return {
    metadata: { name: 'd', namespace: 'default' },
    spec: {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [] } as never },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge: 0 } },
    },
  } as never as DaemonSet;
}

type NodeState = 'none' | 'oldReady' | 'oldNotReady' | 'newReady' | 'newNotReady';

function pod(node: string, state: NodeState): Pod | undefined {
  if (state === 'none') return undefined;
  const ready = state.endsWith('Ready') && !state.endsWith('NotReady');
  return {
    metadata: { name: `p-${node}`, labels: { 'controller-revision-hash': state.startsWith('new') ? 'new' : 'old' } },
    spec: { nodeName: node },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  } as never as Pod;
}

describe('rollingUpdate (maxSurge 0) property', () => {
  it('deletes at most max(maxUnavailable - unavailable, 0) available old pods, plus every unavailable old pod', () => {
    const state = fc.constantFrom<NodeState>('none', 'oldReady', 'oldNotReady', 'newReady', 'newNotReady');
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (states, k) => {
        const nodes = states.map((_, i) => ({ metadata: { name: `n${String(i).padStart(2, '0')}` } }) as Node);
        const byNode = new Map<string, Pod[]>();
        states.forEach((s, i) => {
          const p = pod(nodes[i].metadata.name, s);
          if (p) byNode.set(nodes[i].metadata.name, [p]);
        });
        const plan = planRollingUpdate(ds(k), nodes, byNode, 'new', 0);
        const unavailable = states.filter((s) => s === 'none' || s === 'newNotReady').length;
        const deletedReady = plan.podsToDelete.filter((p) => states[Number(p.spec.nodeName?.slice(1))] === 'oldReady');
        const deletedNotReady = plan.podsToDelete.filter(
          (p) => states[Number(p.spec.nodeName?.slice(1))] === 'oldNotReady',
        );
        expect(deletedReady.length).toBeLessThanOrEqual(Math.max(k - unavailable, 0));
        expect(deletedNotReady.length).toBe(states.filter((s) => s === 'oldNotReady').length);
        expect(plan.podsToDelete.every((p) => p.metadata.labels?.['controller-revision-hash'] === 'old')).toBe(true);
        expect(plan.nodesToCreate).toEqual([]);
      }),
    );
  });
});
