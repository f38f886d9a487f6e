// The view the UI renders: kubectl's node STATUS and ROLES columns and the
// "Allocated resources" arithmetic of kubectl describe node.
import { describe, expect, it } from 'vitest';
import { cpuMilli } from '../engine/api/quantity';
import type { KubeObject, Node, Pod } from '../engine/api/types';
import { createCluster } from '../engine/index';
import { testCluster } from '../engine/testing';
import { nodeView, readableBytes, VIEW_EVENTS, ViewBuilder } from './view';

describe('ViewBuilder', () => {
  it('sums the requests of the pods on a node like kubectl describe node (percent truncated)', () => {
    const cluster = createCluster();
    const cp = new ViewBuilder().build(cluster).nodes.find((n) => n.name === 'control-plane')!;
    // the control-plane static pods (etcd 100m/100Mi, kube-apiserver 250m, kube-controller-manager
    // 200m, kube-scheduler 100m) plus whatever else landed there (CoreDNS tolerates the taint)
    let cpu = 0;
    for (const p of cluster.list('Pod', 'kube-system') as Pod[]) {
      if (p.spec.nodeName !== 'control-plane') continue;
      for (const c of p.spec.containers) cpu += cpuMilli(c.resources?.requests?.cpu);
    }
    expect(cpu).toBeGreaterThanOrEqual(650);
    expect(cp.cpu).toEqual({ allocatable: '2', requested: `${cpu}m`, percent: Math.trunc(cpu / 20) });
    // kubeadm's allocatable is capacity minus the 100Mi hard-eviction threshold
    expect(cp.memory.allocatable).toBe('3.9Gi');
    expect(cp.podCIDR).toBe('10.244.0.0/24');
  });

  it('marks the nodes whose machine is switched off', () => {
    const cluster = createCluster();
    cluster.core.state.machines = { down: { 'node-2': 0 }, boots: {} };
    const nodes = new ViewBuilder().build(cluster).nodes;
    expect(nodes.filter((n) => n.machineDown).map((n) => n.name)).toEqual(['node-2']);
  });

  it('tells a pod on a dead node is not Ready while kubectl READY still says 1/1', () => {
    // mirrors the node-lifecycle controller's MarkPodsNotReady: it flips the pod's Ready
    // condition, not the container statuses the dead kubelet last reported
    const cluster = createCluster();
    const proxy = () =>
      new ViewBuilder().build(cluster).pods.find((p) => p.node === 'node-2' && p.name.startsWith('kube-proxy'))!;
    cluster.advance(10_000);
    expect(proxy()).toMatchObject({ status: 'Running', ready: '1/1', podReady: true });
    cluster.chaos.killNode('node-2');
    cluster.advance(60_000);
    expect(proxy()).toMatchObject({ status: 'Running', ready: '1/1', podReady: false });
  });

  it('reuses the view of an unchanged pod (cached by object identity)', () => {
    const cluster = createCluster();
    const b = new ViewBuilder();
    const first = b.build(cluster).pods[0];
    expect(b.build(cluster).pods[0]).toBe(first);
  });

  it('carries at most the newest VIEW_EVENTS events', () => {
    const cluster = createCluster();
    const ns = cluster.get('Namespace', 'default')!;
    for (let i = 0; i < VIEW_EVENTS + 10; i++) {
      // one source each, so the recorder's per-source spam filter lets them all through
      cluster.core.events.normal({ component: `test-${i}` }, ns, 'Tick', `tick ${i}`);
      cluster.advance(1000);
    }
    const events = new ViewBuilder().build(cluster).events;
    expect(events.length).toBe(VIEW_EVENTS);
    // the view is the newest VIEW_EVENTS of what `kubectl get events` lists (the recorder's
    // spam filter and aggregation decide what was written: client-go events_cache.go)
    const newest = cluster.events().slice(-VIEW_EVENTS);
    expect(events.map((e) => e.message)).toEqual(newest.map((e) => e.message));
    expect(events.some((e) => e.reason === 'Tick' && e.object === 'namespace/default')).toBe(true);
  });
});

describe('readableBytes', () => {
  it.each([
    [4 * 1024 ** 3, '4Gi'],
    [4091904 * 1024, '3.9Gi'],
    [100 * 1024 ** 2, '100Mi'],
    [1536 * 1024 ** 2, '1.5Gi'],
    [512, '512'],
  ])('%d bytes → %s', (n, text) => {
    expect(readableBytes(n)).toBe(text);
  });
});

describe('nodeView (kubectl get nodes STATUS and ROLES)', () => {
  const base = createCluster().get('Node', 'node-1') as Node;
  const withReady = (status: 'True' | 'False' | 'Unknown' | undefined, unschedulable = false): Node => ({
    ...base,
    spec: { ...base.spec, unschedulable },
    status: {
      ...base.status,
      conditions:
        status === undefined ? [] : base.status.conditions.map((c) => (c.type === 'Ready' ? { ...c, status } : c)),
    },
  });
  const zero = { cpu: 0, memory: 0 };

  it.each([
    ['True', false, 'Ready'],
    ['False', false, 'NotReady'],
    ['Unknown', false, 'NotReady'],
    [undefined, false, 'Unknown'],
    ['True', true, 'Ready,SchedulingDisabled'],
  ] as const)('Ready=%s unschedulable=%s → %s', (ready, unschedulable, text) => {
    expect(nodeView(withReady(ready, unschedulable), zero, false).status).toBe(text);
  });

  it('has no roles for a worker and ["control-plane"] for the control plane', () => {
    expect(nodeView(base, zero, false).roles).toEqual([]);
  });
});

// The workload rows: the columns and cells are whatever the engine's kubectl printers
// print (pkg/printers/internalversion/printers.go), so they are checked against
// `kubectl get` on the same cluster rather than restated here.
describe('ViewBuilder workloads', () => {
  const deployment = (image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;
  const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "echo done; sleep 5"]
`;
  /** The first data row of `kubectl get`, split into its cells. */
  const kubectlRow = (t: ReturnType<typeof testCluster>, what: string) =>
    t
      .run(`get ${what}`)
      .stdout.split('\n')[1]
      .trim()
      .split(/\s{2,}/);
  const kubectlHeader = (t: ReturnType<typeof testCluster>, what: string) =>
    t
      .run(`get ${what}`)
      .stdout.split('\n')[0]
      .trim()
      .split(/\s{2,}/);

  it('lists a Deployment and its ReplicaSet with the columns and cells kubectl get prints', () => {
    const t = testCluster().apply(deployment()).advance('60s');
    const w = new ViewBuilder().build(t.cluster).workloads;
    expect(w.map((x) => x.kind)).toEqual(['Deployment', 'ReplicaSet']);
    const [d, rs] = w;
    expect(d).toMatchObject({ kind: 'Deployment', namespace: 'default', name: 'web', tone: 'ok' });
    expect(d.columns).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(d.cells).toEqual(kubectlRow(t, 'deployment web'));
    expect(d.cells.slice(0, 4)).toEqual(['web', '3/3', '3', '3']);
    expect(d.summary).toBe('3 of 3 pods ready');
    expect(rs.columns).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    expect(rs.cells).toEqual(kubectlRow(t, 'replicasets'));
    expect(rs.cells.slice(1, 4)).toEqual(['3', '3', '3']);
  });

  it('lists a Job with STATUS COMPLETIONS DURATION AGE as kubectl get jobs does', () => {
    const t = testCluster().apply(job).advance('2m');
    const [j] = new ViewBuilder().build(t.cluster).workloads;
    expect(j.columns).toEqual(kubectlHeader(t, 'jobs'));
    expect(j.columns).toEqual(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
    expect(j.cells).toEqual(kubectlRow(t, 'jobs'));
    expect(j.cells.slice(0, 3)).toEqual(['pi', 'Complete', '1/1']);
    expect(j).toMatchObject({ tone: 'done', summary: 'completed 1/1' });
  });

  it('gives each pod its controller owner, and static pods their node', () => {
    const t = testCluster().apply(deployment()).advance('30s');
    const pods = new ViewBuilder().build(t.cluster).pods;
    const rsName = (t.cluster.list('ReplicaSet')[0] as KubeObject).metadata.name;
    const web = pods.filter((p) => p.name.startsWith('web-'));
    expect(web).toHaveLength(3);
    for (const p of web) expect(p.owner).toEqual({ kind: 'ReplicaSet', name: rsName });
    expect(pods.find((p) => p.name === 'etcd-control-plane')?.owner).toEqual({ kind: 'Node', name: 'control-plane' });
  });

  it('orders the kinds Deployment, ReplicaSet, …, Job and the objects by namespace and name', () => {
    const t = testCluster()
      .apply(job.replace('name: pi', 'name: zeta'), job.replace('name: pi', 'name: alpha'))
      .apply(deployment())
      .advance('1s');
    const w = new ViewBuilder().build(t.cluster).workloads;
    expect(w.map((x) => `${x.kind}/${x.name}`.replace(/web-[a-z0-9]+$/, 'web-<hash>'))).toEqual([
      'Deployment/web',
      'ReplicaSet/web-<hash>',
      'Job/alpha',
      'Job/zeta',
    ]);
  });

  it('reuses an unchanged row, and notices when only time moved its AGE', () => {
    const t = testCluster().apply(job).advance('2m');
    const b = new ViewBuilder();
    const first = b.build(t.cluster).workloads[0];
    expect(b.workloadsChanged(t.cluster)).toBe(false);
    expect(b.build(t.cluster).workloads[0]).toBe(first);
    // 2m0s → 2m0.5s still prints "2m": nothing to repaint
    t.advance('500ms');
    expect(b.workloadsChanged(t.cluster)).toBe(false);
    // past 3m the AGE reads differently, although the Job itself did not change
    const stored = t.cluster.get('Job', 'pi');
    t.advance('1m');
    expect(t.cluster.get('Job', 'pi')).toBe(stored);
    expect(b.workloadsChanged(t.cluster)).toBe(true);
    const next = b.build(t.cluster).workloads[0];
    expect(next).not.toBe(first);
    expect(next.cells.at(-1)).not.toBe(first.cells.at(-1));
  });

  it('has no workloads on a fresh cluster (its system pods are static or bare)', () => {
    expect(new ViewBuilder().build(createCluster()).workloads).toEqual([]);
  });
});
