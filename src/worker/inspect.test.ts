// The inspector's data, the way kubectl describe and kube-scheduler-simulator read an
// object: owner chain, events, the event that made it, and the scheduler's filter table.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../engine/api/types';
import { createCluster } from '../engine/index';
import type { WorkerMessage } from '../protocol/messages';
import { ClusterHost, type HostDeps } from './host';
import { Inspector, inspect } from './inspect';
import { ViewBuilder } from './view';

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
`;

const TOO_BIG = `
apiVersion: v1
kind: Pod
metadata: {name: greedy}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: "3", memory: 128Mi}}
`;

function webPod(cluster: ReturnType<typeof createCluster>): Pod {
  const pod = (cluster.list('Pod', 'default') as Pod[]).find((p) => p.metadata.name.startsWith('web-'));
  if (!pod) throw new Error('no web pod');
  return pod;
}

describe('inspect', () => {
  it("a Deployment's pod: owner chain ReplicaSet then Deployment, its events, why = SuccessfulCreate", () => {
    const cluster = createCluster({ timings: 'fast' });
    cluster.apply(DEPLOYMENT);
    cluster.advance(30_000);
    const pod = webPod(cluster);
    const data = inspect(cluster, { kind: 'pod', namespace: 'default', name: pod.metadata.name });
    expect(data.exists).toBe(true);
    expect(data.ref).toEqual({ kind: 'Pod', namespace: 'default', name: pod.metadata.name });
    // mirrors the ownerReferences the replicaset and deployment controllers set
    expect(data.owners.map((o) => o.kind)).toEqual(['ReplicaSet', 'Deployment']);
    expect(data.owners[1]).toMatchObject({ name: 'web', namespace: 'default', exists: true });
    expect(data.owners[0].name).toMatch(/^web-[a-z0-9]+$/);
    // kubectl describe pod: Scheduled by default-scheduler, then the kubelet's events
    const scheduled = data.events.find((e) => e.reason === 'Scheduled');
    expect(scheduled?.from).toBe('default-scheduler');
    expect(scheduled?.message).toContain(`Successfully assigned default/${pod.metadata.name} to `);
    expect(data.events.some((e) => e.from === 'kubelet' && e.reason === 'Started')).toBe(true);
    // the replicaset controller's "Created pod: <name>" on the ReplicaSet
    expect(data.why).toMatchObject({
      reason: 'SuccessfulCreate',
      from: 'replicaset-controller',
      message: `Created pod: ${pod.metadata.name}`,
      on: { kind: 'ReplicaSet', name: data.owners[0].name },
    });
    expect(data.facts.find((f) => f.label === 'Status')?.value).toBe('Running');
    expect(data.facts.find((f) => f.label === 'Node')?.value).toBe(pod.spec.nodeName);
    expect(data.conditions.map((c) => c.type)).toContain('Ready');
    expect(data.containers[0]).toMatchObject({
      name: 'nginx',
      ready: true,
      restartCount: 0,
      state: { state: 'Running' },
    });
    expect(data.yaml).toContain(`name: ${pod.metadata.name}`);
    expect(data.yaml).toContain('kind: Pod');
    // a bound pod's decision: the chosen node marked among the scored ones
    expect(data.scheduling?.node).toBe(pod.spec.nodeName);
    expect(data.scheduling?.scores.some((s) => s.node === pod.spec.nodeName)).toBe(true);
    expect(data.failedScheduling).toBeUndefined();
  });

  it('the Deployment: why = ScalingReplicaSet on its ReplicaSet, which it owns', () => {
    const cluster = createCluster({ timings: 'fast' });
    cluster.apply(DEPLOYMENT);
    cluster.advance(30_000);
    const rs = inspect(cluster, {
      kind: 'ReplicaSet',
      namespace: 'default',
      name: webPod(cluster).metadata.ownerReferences![0].name,
    });
    // mirrors pkg/controller/deployment: "Scaled up replica set web-x from 0 to 2" (or "to 2")
    expect(rs.why).toMatchObject({
      reason: 'ScalingReplicaSet',
      from: 'deployment-controller',
      on: { kind: 'Deployment', name: 'web' },
    });
    expect(rs.dependants.relation).toBe('owns');
    expect(rs.dependants.objects.filter((o) => o.kind === 'Pod')).toHaveLength(2);
    const deploy = inspect(cluster, { kind: 'Deployment', namespace: 'default', name: 'web' });
    expect(deploy.owners).toEqual([]);
    expect(deploy.dependants.objects.map((o) => o.kind)).toEqual(['ReplicaSet']);
    // its kubectl get row
    expect(deploy.facts.find((f) => f.label === 'READY')?.value).toBe('2/2');
    expect(deploy.conditions.map((c) => c.type).sort()).toEqual(['Available', 'Progressing']);
  });

  it('a Pending pod too big for any node: every node rejected by NodeResourcesFit with Insufficient cpu', () => {
    const cluster = createCluster({ timings: 'fast' });
    cluster.apply(TOO_BIG);
    cluster.advance(5_000);
    const data = inspect(cluster, { kind: 'Pod', namespace: 'default', name: 'greedy' });
    expect(data.facts.find((f) => f.label === 'Status')?.value).toBe('Pending');
    const d = data.scheduling;
    expect(d?.node).toBeUndefined();
    // mirrors noderesources/fit.go: "Insufficient cpu" for each worker; the control plane is tainted
    const workers = d?.filters.filter((f) => f.node.startsWith('node-')) ?? [];
    expect(workers.length).toBeGreaterThan(0);
    for (const f of workers) {
      expect(f.plugin).toBe('NodeResourcesFit');
      expect(f.reasons).toContain('Insufficient cpu');
    }
    expect(d?.scores).toEqual([]);
    expect(data.failedScheduling).toMatch(/^0\/\d+ nodes are available: .*Insufficient cpu/);
    expect(data.why?.reason).toBe('FailedScheduling');
  });

  it('a node: status, requests, taints and the pods it runs; a Service: the pods it selects', () => {
    const cluster = createCluster({ timings: 'fast' });
    cluster.apply(DEPLOYMENT);
    cluster.apply(
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n',
    );
    cluster.advance(30_000);
    const cp = inspect(cluster, { kind: 'Node', name: 'control-plane' });
    expect(cp.ref).toEqual({ kind: 'Node', name: 'control-plane' });
    expect(cp.facts.find((f) => f.label === 'Taints')?.value).toBe('node-role.kubernetes.io/control-plane:NoSchedule');
    expect(cp.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(cp.dependants.relation).toBe('runs');
    expect(cp.dependants.objects.some((o) => o.name.startsWith('etcd-'))).toBe(true);
    const svc = inspect(cluster, { kind: 'Service', namespace: 'default', name: 'web' });
    expect(svc.dependants).toMatchObject({ relation: 'selects' });
    expect(svc.dependants.objects).toHaveLength(2);
    // memory as the view reads it, not raw Ki
    expect(cp.facts.find((f) => f.label === 'Memory requested')?.value).toMatch(/ \/ 3\.9Gi$/);
    // the same sums as the node box (kubectl describe node's Allocated resources)
    const box = new ViewBuilder().build(cluster).nodes.find((n) => n.name === 'control-plane')!;
    expect(cp.facts.find((f) => f.label === 'CPU requested')?.value).toBe(
      `${box.cpu.requested} / ${box.cpu.allocatable}`,
    );
  });

  it('a deleted object reads as gone, not as an error', () => {
    const cluster = createCluster({ timings: 'fast' });
    const data = inspect(cluster, { kind: 'Pod', namespace: 'default', name: 'nope' });
    expect(data).toMatchObject({ exists: false, ref: { kind: 'Pod', name: 'nope' }, events: [], yaml: '' });
  });
});

describe('Inspector', () => {
  it('answers at once, re-sends while the object changes, and stays quiet when nothing does', () => {
    const cluster = createCluster({ timings: 'fast' });
    const inspector = new Inspector();
    const unwatch = cluster.watch(inspector.observe);
    const posted: WorkerMessage[] = [];
    const post = (m: WorkerMessage) => posted.push(m);
    inspector.start(cluster, 7, { kind: 'Pod', namespace: 'default', name: 'greedy' }, post);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'inspection', id: 7, data: { exists: false } });
    cluster.apply(TOO_BIG);
    inspector.flush(cluster, post);
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({ data: { exists: true } });
    inspector.flush(cluster, post);
    expect(posted).toHaveLength(2);
    cluster.delete('Pod', 'greedy', 'default', { gracePeriodSeconds: 0 });
    cluster.advance(1_000);
    inspector.flush(cluster, post);
    expect(posted.at(-1)).toMatchObject({ data: { exists: false } });
    const count = posted.length;
    inspector.start(cluster, 8, null, post);
    cluster.apply(TOO_BIG);
    inspector.flush(cluster, post);
    expect(posted).toHaveLength(count);
    unwatch();
  });
});

describe('ClusterHost inspect command', () => {
  it('answers with the inspection and follows the object as the simulation runs', () => {
    const posted: WorkerMessage[] = [];
    let wall = 0;
    let timers: { at: number; fn: () => void; id: number }[] = [];
    let seq = 0;
    const deps: HostDeps = {
      post: (m) => posted.push(structuredClone(m)),
      now: () => wall,
      setTimer: (fn, ms) => {
        timers.push({ at: wall + ms, fn, id: ++seq });
        return seq;
      },
      clearTimer: (id) => {
        timers = timers.filter((t) => t.id !== id);
      },
    };
    const host = new ClusterHost(deps, { timings: 'fast' });
    const run = (ms: number) => {
      const until = wall + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = timers[0];
        if (!next || next.at > until) break;
        timers.shift();
        wall = Math.max(wall, next.at);
        next.fn();
      }
      wall = until;
    };
    const inspections = () =>
      posted.filter((m): m is Extract<WorkerMessage, { type: 'inspection' }> => m.type === 'inspection');
    host.handle({ type: 'apply', text: DEPLOYMENT });
    host.handle({ type: 'inspect', id: 3, ref: { kind: 'Deployment', namespace: 'default', name: 'web' } });
    expect(inspections()).toHaveLength(1);
    expect(inspections()[0]).toMatchObject({ id: 3, data: { exists: true, ref: { kind: 'Deployment', name: 'web' } } });
    run(20_000);
    // the Deployment's rollout changed its row and conditions: the panel got fresh data
    const last = inspections().at(-1)!;
    expect(inspections().length).toBeGreaterThan(1);
    expect(last.data.facts.find((f) => f.label === 'READY')?.value).toBe('2/2');
    host.handle({ type: 'inspect', ref: null });
    const count = inspections().length;
    host.handle({ type: 'kubectl', line: 'scale deployment web --replicas=3' });
    run(5_000);
    expect(inspections()).toHaveLength(count);
    host.dispose();
  });
});
