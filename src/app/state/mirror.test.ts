import { describe, expect, it } from 'vitest';
import type { ClusterView, NodeView, PodView, WorkloadKind, WorkloadView } from '../../protocol/messages';
import { EMPTY_MIRROR, foldView } from './mirror';

const node = (name: string, status = 'Ready'): NodeView => ({
  name,
  status,
  ready: status === 'Ready',
  roles: [],
  cpu: { allocatable: '2', requested: '0', percent: 0 },
  memory: { allocatable: '4Gi', requested: '0', percent: 0 },
  podCIDR: '10.244.1.0/24',
  unschedulable: false,
});
const pod = (name: string, nodeName: string, status = 'Running'): PodView => ({
  namespace: 'default',
  name,
  node: nodeName,
  phase: 'Running',
  status,
  ready: '1/1',
  podReady: true,
  restarts: 0,
  ip: '',
});
const workload = (kind: WorkloadKind, name: string, ready = '3', age = '10s'): WorkloadView => ({
  kind,
  namespace: 'default',
  name,
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  cells: [name, '3', '3', ready, age],
  tone: ready === '3' ? 'ok' : 'progress',
  summary: `${ready} of 3 pods ready`,
});
const view = (nodes: NodeView[], pods: PodView[], now = 0, workloads: WorkloadView[] = []): ClusterView => ({
  now,
  nodes,
  pods,
  workloads,
  events: [],
});

describe('foldView', () => {
  it('groups pods by node, unscheduled ones under ""', () => {
    const m = foldView(EMPTY_MIRROR, view([node('node-1')], [pod('a', 'node-1'), pod('b', '')]));
    expect(m.nodeNames).toEqual(['node-1']);
    expect(m.podsByNode['node-1'].map((p) => p.name)).toEqual(['a']);
    expect(m.podsByNode[''].map((p) => p.name)).toEqual(['b']);
  });

  it('keeps the identity of unchanged nodes, pods and per-node lists', () => {
    const first = foldView(
      EMPTY_MIRROR,
      view([node('node-1'), node('node-2')], [pod('a', 'node-1'), pod('b', 'node-2')]),
    );
    const second = foldView(
      first,
      view([node('node-1'), node('node-2', 'NotReady')], [pod('a', 'node-1'), pod('b', 'node-2', 'Terminating')], 5),
    );
    expect(second.nodeNames).toBe(first.nodeNames);
    expect(second.nodes['node-1']).toBe(first.nodes['node-1']);
    expect(second.nodes['node-2']).not.toBe(first.nodes['node-2']);
    expect(second.podsByNode['node-1']).toBe(first.podsByNode['node-1']);
    expect(second.podsByNode['node-2']).not.toBe(first.podsByNode['node-2']);
    expect(second.podsByNode['node-2'][0].status).toBe('Terminating');
    expect(second.now).toBe(5);
  });

  it('drops nodes and pods that are gone', () => {
    const first = foldView(EMPTY_MIRROR, view([node('node-1')], [pod('a', 'node-1')]));
    const second = foldView(first, view([], []));
    expect(second.nodeNames).toEqual([]);
    expect(second.podsByNode['node-1']).toBeUndefined();
  });
});

describe('foldView workloads', () => {
  it('groups workloads by kind in the order the view lists them', () => {
    const m = foldView(
      EMPTY_MIRROR,
      view([], [], 0, [
        workload('Deployment', 'web'),
        workload('ReplicaSet', 'web-1'),
        workload('ReplicaSet', 'web-2'),
      ]),
    );
    expect(m.workloadKinds).toEqual(['Deployment', 'ReplicaSet']);
    expect(m.workloadsByKind.ReplicaSet?.map((w) => w.name)).toEqual(['web-1', 'web-2']);
    expect(m.workloadsByKind.Job).toBeUndefined();
  });

  it('keeps the identity of unchanged rows, per-kind lists and the kind list', () => {
    const first = foldView(EMPTY_MIRROR, view([], [], 0, [workload('Deployment', 'web'), workload('Job', 'pi', '0')]));
    // the worker posts fresh copies every time (structured clone), equal ones are kept
    const second = foldView(
      first,
      view([], [], 1, [structuredClone(workload('Deployment', 'web')), workload('Job', 'pi', '1')]),
    );
    expect(second.workloadKinds).toBe(first.workloadKinds);
    expect(second.workloadsByKind.Deployment).toBe(first.workloadsByKind.Deployment);
    expect(second.workloadsByKind.Job).not.toBe(first.workloadsByKind.Job);
    expect(second.workloadsByKind.Job?.[0].cells[3]).toBe('1');
  });

  it('sees an AGE that moved on as a change, and drops kinds whose objects are gone', () => {
    const first = foldView(EMPTY_MIRROR, view([], [], 0, [workload('Deployment', 'web')]));
    const older = foldView(first, view([], [], 1, [workload('Deployment', 'web', '3', '11s')]));
    expect(older.workloadsByKind.Deployment?.[0].cells[4]).toBe('11s');
    const gone = foldView(older, view([], [], 2));
    expect(gone.workloadKinds).toEqual([]);
    expect(gone.workloadsByKind.Deployment).toBeUndefined();
  });
});
