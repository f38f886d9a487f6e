import { describe, expect, it } from 'vitest';
import { nodeView, podView } from './fixtures';
import { buildModel, ownerOf } from './model';

describe('buildModel', () => {
  const view = {
    nodes: [
      nodeView('node-10'),
      nodeView('node-2'),
      nodeView('control-plane'),
      nodeView('node-1', { machineDown: true }),
    ],
    pods: [
      podView('web-b', 'node-1'),
      podView('web-a', 'node-1'),
      podView('etcd-control-plane', 'control-plane', { namespace: 'kube-system' }),
      podView('big', '', { status: 'Pending', phase: 'Pending', ready: '0/2', podReady: false }),
      podView('lost', 'node-gone'),
    ],
  };
  const model = buildModel(view);

  it('puts the control plane first, then workers in natural order', () => {
    expect(model.nodes.map((n) => n.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-10']);
    expect(model.nodes[0].controlPlane).toBe(true);
    expect(model.nodes[1].controlPlane).toBe(false);
  });

  it('nests each pod in its node, sorted by name', () => {
    expect(model.nodes[1].pods.map((p) => p.name)).toEqual(['web-a', 'web-b']);
    expect(model.nodes[0].pods.map((p) => p.key)).toEqual(['kube-system/etcd-control-plane']);
    expect(model.nodes[0].pods[0].system).toBe(true);
  });

  it('keeps pods without a (known) node apart', () => {
    expect(model.unscheduled.map((p) => p.name)).toEqual(['big', 'lost']);
  });

  it('marks a switched-off machine', () => {
    expect(model.nodes[1].down).toBe(true);
    expect(model.nodes[2].down).toBe(false);
  });

  it('gives a pod one container per READY count, the ready ones first', () => {
    expect(model.unscheduled[0].containers).toEqual([
      { index: 1, ready: false },
      { index: 2, ready: false },
    ]);
    expect(model.nodes[1].pods[0].containers).toEqual([{ index: 1, ready: true }]);
  });

  it('lists the namespaces that have pods', () => {
    expect(model.namespaces).toEqual(['default', 'kube-system']);
  });
});

describe('ownerOf', () => {
  it('uses the controller ownerReference when the view has it', () => {
    expect(
      ownerOf({ namespace: 'default', name: 'web-7d4b9-abcde', owner: { kind: 'ReplicaSet', name: 'web-7d4b9' } }),
    ).toEqual({
      key: 'default/ReplicaSet/web-7d4b9',
      kind: 'ReplicaSet',
      name: 'web-7d4b9',
    });
  });

  it.each([
    ['web-5d8f7c9b6-x7k2p', 'web-5d8f7c9b6'],
    ['db-0', 'db'],
    ['pi-abcde', 'pi'],
    ['standalone', 'standalone'],
  ])('guesses %s → %s from the name', (name, prefix) => {
    expect(ownerOf({ namespace: 'default', name }).name).toBe(prefix);
  });
});
