import { describe, expect, it } from 'vitest';
import { filterModel, hiddenCount, SHOW_ALL } from './filter';
import { nodeView, podView } from './fixtures';
import { buildModel } from './model';

const model = buildModel({
  nodes: [nodeView('control-plane'), nodeView('node-1')],
  pods: [
    podView('etcd-control-plane', 'control-plane', { namespace: 'kube-system' }),
    podView('kube-proxy-abcde', 'node-1', { namespace: 'kube-system' }),
    podView('web', 'node-1'),
    podView('api', 'node-1', { namespace: 'shop' }),
    podView('pending', '', { namespace: 'shop', status: 'Pending' }),
  ],
});

describe('filterModel', () => {
  it('shows everything by default and returns the same node objects', () => {
    const out = filterModel(model, SHOW_ALL);
    expect(out.nodes[1]).toBe(model.nodes[1]);
    expect(hiddenCount(model, out)).toBe(0);
  });

  it('hides kube-system pods on request but keeps their nodes', () => {
    const out = filterModel(model, { showSystemPods: false, hiddenNamespaces: [] });
    expect(out.nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1']);
    expect(out.nodes[0].pods).toEqual([]);
    expect(out.nodes[1].pods.map((p) => p.name)).toEqual(['web', 'api']);
    expect(hiddenCount(model, out)).toBe(2);
  });

  it('hides whole namespaces, unscheduled pods included', () => {
    const out = filterModel(model, { showSystemPods: true, hiddenNamespaces: ['shop'] });
    expect(out.nodes[1].pods.map((p) => p.name)).toEqual(['web', 'kube-proxy-abcde']);
    expect(out.unscheduled).toEqual([]);
    expect(hiddenCount(model, out)).toBe(2);
  });
});
