// kube-scheduler through the public engine API: apply Pod YAML, advance, assert what the
// scheduler does (spec.nodeName, PodScheduled, events, recorded decisions). The kubelet's
// outcome (Running) is its own tests' business.
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster, restoreCluster } from '../index';
import type { SchedulerController } from './index';
import { scheduleBacklog } from './public';
import { podYaml } from './testutil';

function applyOk(c: Cluster, text: string) {
  const r = c.apply(text);
  expect(r.errors).toEqual([]);
  return r;
}

function podScheduled(c: Cluster, name: string) {
  return c.get('Pod', name)?.status?.conditions?.find((x: { type: string }) => x.type === 'PodScheduled');
}

function events(c: Cluster, name: string, reason?: string) {
  return c.events().filter((e) => e.involvedObject.name === name && (!reason || e.reason === reason));
}

/** Writes a node as its owner would (kubectl label / cordon go through the API the same way). */
function editNode(c: Cluster, name: string, edit: (n: any) => void) {
  const node = structuredClone(c.get('Node', name)) as any;
  edit(node);
  c.core.api.replace(node);
}

const CP_TAINT = 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('binding (DefaultBinder, schedule_one.go finishBinding)', () => {
  it('binds a pending pod: spec.nodeName, PodScheduled=True and the Scheduled event from default-scheduler', () => {
    const c = createCluster();
    applyOk(c, podYaml('nginx', { cpu: '100m' }));
    c.advance(100);
    const pod = c.get('Pod', 'nginx')!;
    expect(pod.spec.nodeName).toMatch(/^node-[123]$/);
    expect(podScheduled(c, 'nginx')).toMatchObject({ status: 'True' });
    const [ev] = events(c, 'nginx', 'Scheduled');
    expect(ev).toMatchObject({
      type: 'Normal',
      message: `Successfully assigned default/nginx to ${pod.spec.nodeName}`,
      source: { component: 'default-scheduler' },
    });
  });

  it('a pod with spec.nodeName set skips the scheduler (no Scheduled event, no decision); static pods too', () => {
    const c = createCluster();
    applyOk(c, podYaml('pinned', { extra: '  nodeName: node-2\n' }));
    c.advance(100);
    expect(c.get('Pod', 'pinned')!.spec.nodeName).toBe('node-2');
    expect(events(c, 'pinned', 'Scheduled')).toEqual([]);
    expect(c.schedulingDecision('default', 'pinned')).toBeUndefined();
    expect(events(c, 'etcd-control-plane', 'Scheduled')).toEqual([]);
  });

  it('a pod for another scheduler (spec.schedulerName) is left alone', () => {
    const c = createCluster();
    applyOk(c, podYaml('other', { extra: '  schedulerName: my-scheduler\n' }));
    c.advance(10_000);
    expect(c.get('Pod', 'other')!.spec.nodeName).toBeUndefined();
    expect(events(c, 'other')).toEqual([]);
  });

  it('the control-plane taint keeps ordinary pods off the control-plane node', () => {
    const c = createCluster({ nodes: 1 });
    for (let i = 0; i < 5; i++) applyOk(c, podYaml(`p${i}`));
    c.advance(100);
    for (let i = 0; i < 5; i++) expect(c.get('Pod', `p${i}`)!.spec.nodeName).toBe('node-1');
    expect(c.schedulingDecision('default', 'p0')!.filters).toContainEqual({
      node: 'control-plane',
      plugin: 'TaintToleration',
      reasons: [CP_TAINT],
    });
  });
});

describe('unschedulable pods (handleSchedulingFailure)', () => {
  it('fills the workers, then the next pod stays Pending with the real FitError + preemption message', () => {
    const c = createCluster();
    for (const n of ['a', 'b', 'c']) applyOk(c, podYaml(n, { cpu: '1500m' }));
    applyOk(c, podYaml('nginx', { cpu: '1500m' }));
    c.advance(1000);
    const msg =
      `0/4 nodes are available: 1 ${CP_TAINT}, 3 Insufficient cpu. ` +
      'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    const pod = c.get('Pod', 'nginx')!;
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.status.phase).toBe('Pending');
    expect(podScheduled(c, 'nginx')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(events(c, 'nginx', 'FailedScheduling')).toMatchObject([
      { type: 'Warning', message: msg, source: { component: 'default-scheduler' } },
    ]);
  });

  it('a request bigger than any node: every node is "Preemption is not helpful"', () => {
    const c = createCluster();
    applyOk(c, podYaml('huge', { cpu: '3' }));
    c.advance(1000);
    expect(podScheduled(c, 'huge')?.message).toBe(
      `0/4 nodes are available: 1 ${CP_TAINT}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
  });

  it('too many pods: allocatable pods is a hard limit ("Too many pods")', () => {
    const c = createCluster({ nodes: [{ name: 'node-1', pods: 4 }] });
    c.advance(100);
    const onNode = () => c.list('Pod').filter((p) => p.spec.nodeName === 'node-1').length;
    let i = 0;
    while (onNode() < 4) {
      applyOk(c, podYaml(`fill-${i++}`));
      c.advance(100);
    }
    applyOk(c, podYaml('extra'));
    c.advance(100);
    expect(podScheduled(c, 'extra')?.message).toBe(
      `0/2 nodes are available: 1 Too many pods, 1 ${CP_TAINT}. ` +
        'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    );
  });

  it('the kubernetes.io nodeSelector example: disktype=ssd is Pending until a node is labelled, then lands there', () => {
    const c = createCluster();
    applyOk(
      c,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: nginx, labels: {env: test}}\nspec:\n  containers: [{name: nginx, image: nginx, imagePullPolicy: IfNotPresent}]\n  nodeSelector: {disktype: ssd}\n',
    );
    c.advance(5_000);
    expect(podScheduled(c, 'nginx')?.message).toBe(
      `0/4 nodes are available: 1 ${CP_TAINT}, 3 node(s) didn't match Pod's node affinity/selector. ` +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    editNode(c, 'node-2', (n) => {
      n.metadata.labels.disktype = 'ssd';
    });
    c.advance(2_000);
    expect(c.get('Pod', 'nginx')!.spec.nodeName).toBe('node-2');
    expect(podScheduled(c, 'nginx')).toMatchObject({ status: 'True' });
  });

  it('cordon: "node(s) were unschedulable"; uncordoning a node retries the pod at once', () => {
    const c = createCluster();
    for (const n of ['node-1', 'node-2', 'node-3']) editNode(c, n, (x) => (x.spec.unschedulable = true));
    applyOk(c, podYaml('web'));
    c.advance(1_000);
    expect(podScheduled(c, 'web')?.message).toBe(
      `0/4 nodes are available: 1 ${CP_TAINT}, 3 node(s) were unschedulable. ` +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    editNode(c, 'node-3', (x) => delete x.spec.unschedulable);
    c.advance(1_000);
    expect(c.get('Pod', 'web')!.spec.nodeName).toBe('node-3');
  });

  it('deleting a pod that held the resources retries the pending pod (AssignedPodDelete hint)', () => {
    const c = createCluster({ nodes: 1 });
    applyOk(c, podYaml('hog', { cpu: '1500m' }));
    c.advance(100);
    applyOk(c, podYaml('waiting', { cpu: '1500m' }));
    c.advance(10_000);
    expect(c.get('Pod', 'waiting')!.spec.nodeName).toBeUndefined();
    c.delete('Pod', 'hog', 'default', { gracePeriodSeconds: 0 });
    c.advance(1_000);
    expect(c.get('Pod', 'waiting')!.spec.nodeName).toBe('node-1');
  });

  it('events that cannot help leave the pod waiting; the 5-minute flush retries it anyway', () => {
    const c = createCluster({ nodes: 1 });
    applyOk(c, podYaml('huge', { cpu: '3' }));
    c.advance(1_000);
    // A label change cannot help a pod that NodeResourcesFit rejected.
    editNode(c, 'node-1', (n) => (n.metadata.labels.team = 'a'));
    c.advance(290_000);
    expect(c.schedulingDecision('default', 'huge')!.attempts).toBe(1);
    c.advance(10_000);
    expect(c.schedulingDecision('default', 'huge')!.attempts).toBe(2);
    // The recorder folds the repeated FailedScheduling into one event with count 2.
    expect(events(c, 'huge', 'FailedScheduling').reduce((n, e) => n + e.count, 0)).toBe(2);
  });

  it('adding a node retries, and the pod lands on it', () => {
    const c = createCluster({ nodes: 1 });
    applyOk(c, podYaml('huge', { cpu: '3' }));
    c.advance(1_000);
    const node = structuredClone(c.get('Node', 'node-1')) as any;
    node.metadata = { name: 'node-big', labels: { ...node.metadata.labels, 'kubernetes.io/hostname': 'node-big' } };
    node.status.allocatable = { ...node.status.allocatable, cpu: '8' };
    node.status.capacity = { ...node.status.capacity, cpu: '8' };
    c.core.store.create(node);
    c.advance(2_000);
    expect(c.get('Pod', 'huge')!.spec.nodeName).toBe('node-big');
  });
});

describe('scoring', () => {
  it('preferred node affinity: the weight-50 term (label-2) beats the weight-1 term (label-1)', () => {
    const c = createCluster();
    editNode(c, 'node-1', (n) => (n.metadata.labels['label-1'] = 'key-1'));
    editNode(c, 'node-3', (n) => (n.metadata.labels['label-2'] = 'key-2'));
    applyOk(
      c,
      `apiVersion: v1
kind: Pod
metadata: {name: with-affinity}
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux, macOs]}]
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 1
        preference: {matchExpressions: [{key: label-1, operator: In, values: [key-1]}]}
      - weight: 50
        preference: {matchExpressions: [{key: label-2, operator: In, values: [key-2]}]}
  containers: [{name: c, image: registry.k8s.io/pause:3.10}]
`,
    );
    c.advance(100);
    expect(c.get('Pod', 'with-affinity')!.spec.nodeName).toBe('node-3');
    const d = c.schedulingDecision('default', 'with-affinity')!;
    const byNode = Object.fromEntries(d.scores.map((s) => [s.node, s.plugins.NodeAffinity]));
    expect(byNode).toEqual({ 'node-1': 2, 'node-2': 0, 'node-3': 100 });
    expect(d.weights.NodeAffinity).toBe(2);
  });

  it('LeastAllocated spreads pods over the workers', () => {
    const c = createCluster();
    for (let i = 0; i < 6; i++) applyOk(c, podYaml(`w${i}`, { cpu: '500m', memory: '256Mi' }));
    c.advance(100);
    const per: Record<string, number> = {};
    for (let i = 0; i < 6; i++) {
      const n = c.get('Pod', `w${i}`)!.spec.nodeName;
      per[n] = (per[n] ?? 0) + 1;
    }
    expect(Object.values(per).sort()).toEqual([2, 2, 2]);
  });

  it('a PreferNoSchedule taint only lowers the score: the pod avoids the node but is not rejected', () => {
    const c = createCluster({ nodes: 2 });
    editNode(c, 'node-1', (n) => (n.spec.taints = [{ key: 'spot', effect: 'PreferNoSchedule' }]));
    applyOk(c, podYaml('p'));
    c.advance(100);
    const d = c.schedulingDecision('default', 'p')!;
    expect(c.get('Pod', 'p')!.spec.nodeName).toBe('node-2');
    expect(d.filters.find((f) => f.node === 'node-1')).toEqual({ node: 'node-1', reasons: [] });
    expect(d.scores.find((s) => s.node === 'node-1')!.plugins.TaintToleration).toBe(0);
  });
});

describe('recorded decisions (schedulingDecision)', () => {
  it('per node the rejecting plugin and reasons, per feasible node the scores, and the chosen node', () => {
    const c = createCluster();
    applyOk(c, podYaml('web', { cpu: '100m' }));
    c.advance(100);
    const d = c.schedulingDecision('default', 'web')!;
    expect(d).toMatchObject({ pod: 'web', namespace: 'default', totalNodes: 4, evaluatedNodes: 4 });
    expect(d.node).toBe(c.get('Pod', 'web')!.spec.nodeName);
    expect(d.filters.map((f) => f.node)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(d.scores).toHaveLength(3);
    expect(d.scores[0].node).toBe(d.node);
    for (const s of d.scores) {
      const total = Object.entries(s.plugins).reduce((n, [p, v]) => n + v * d.weights[p], 0);
      expect(s.total).toBe(total);
      expect(Object.keys(s.plugins)).toEqual([
        'TaintToleration',
        'NodeResourcesFit',
        'NodeResourcesBalancedAllocation',
        'ImageLocality',
      ]);
    }
  });

  it('a Pending pod answers "why Pending?"; only the last decision is kept; deleting the pod drops it', () => {
    const c = createCluster({ nodes: 1 });
    applyOk(c, podYaml('huge', { cpu: '3' }));
    c.advance(1_000);
    const d = c.schedulingDecision('default', 'huge')!;
    expect(d.node).toBeUndefined();
    expect(d.reason).toBe('Unschedulable');
    expect(d.message).toBe(podScheduled(c, 'huge')?.message);
    expect(d.filters).toEqual([
      { node: 'control-plane', plugin: 'TaintToleration', reasons: [CP_TAINT] },
      { node: 'node-1', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] },
    ]);
    expect(d.scores).toEqual([]);
    c.advance(300_000);
    expect(c.schedulingDecision('default', 'huge')!.at).toBe(300_000);
    c.delete('Pod', 'huge');
    c.advance(100);
    expect(c.schedulingDecision('default', 'huge')).toBeUndefined();
    const st = c.core.state.scheduler as any;
    expect(st.decisions.byPod['default/huge']).toBeUndefined();
  });
});

describe('determinism', () => {
  function placements(seed: number): string[] {
    const c = createCluster({ seed, nodes: 5 });
    for (let i = 0; i < 40; i++) applyOk(c, podYaml(`p${i}`));
    c.advance(100);
    return Array.from({ length: 40 }, (_, i) => c.get('Pod', `p${i}`)!.spec.nodeName);
  }

  it('same seed, same calls: the same placements; ties are broken by the seeded rng', () => {
    expect(placements(7)).toEqual(placements(7));
    expect(placements(7)).not.toEqual(placements(8));
  });

  it('snapshot mid-queue and restore: both clusters go on to identical results', () => {
    const c = createCluster({ seed: 3 });
    for (const n of ['a', 'b', 'c']) applyOk(c, podYaml(n, { cpu: '1500m' }));
    c.advance(100);
    applyOk(c, podYaml('waiting', { cpu: '1500m' })); // will be unschedulable
    c.advance(100);
    for (let i = 0; i < 10; i++) applyOk(c, podYaml(`q${i}`, { cpu: '10m' })); // queued, not yet scheduled
    // Through JSON text, as a saved or shared scenario travels.
    const twin = restoreCluster(JSON.parse(JSON.stringify(c.snapshot())));
    const script = (x: Cluster) => {
      x.advance(100);
      x.delete('Pod', 'a', 'default', { gracePeriodSeconds: 0 });
      x.advance(2_000);
      applyOk(x, podYaml('late', { cpu: '1500m' }));
      x.advance(400_000);
    };
    script(c);
    script(twin);
    const view = (x: Cluster) =>
      x
        .list('Pod')
        .map((p) => [
          p.metadata.name,
          p.spec.nodeName,
          JSON.stringify(p.status?.conditions?.find((k: any) => k.type === 'PodScheduled')),
        ]);
    expect(view(twin)).toEqual(view(c));
    expect(twin.core.state.scheduler).toEqual(c.core.state.scheduler);
    const evs = (x: Cluster) =>
      x
        .events()
        .filter((e) => e.source.component === 'default-scheduler')
        .map((e) => [e.involvedObject.name, e.reason, e.message, e.count]);
    expect(evs(twin)).toEqual(evs(c));
    expect(c.get('Pod', 'waiting')!.spec.nodeName).toBeDefined();
  });
});

describe('the NodeInfo cache (backend/cache)', () => {
  it('is kept current from watch events: one full build, however much changes', () => {
    const c = createCluster({ nodes: 5 });
    for (let i = 0; i < 30; i++) applyOk(c, podYaml(`p${i}`, { cpu: '100m' }));
    c.advance(10_000);
    editNode(c, 'node-1', (n) => (n.metadata.labels.x = 'y'));
    c.delete('Pod', 'p3', 'default', { gracePeriodSeconds: 0 });
    for (let i = 30; i < 40; i++) applyOk(c, podYaml(`p${i}`, { cpu: '100m' }));
    c.advance(60_000);
    const scheduler = c.core.manager.get('scheduler') as SchedulerController;
    expect(scheduler.cacheBuilds()).toBe(1);
  });

  it('is rebuilt after a restore and schedules exactly like the original', () => {
    const c = createCluster({ seed: 11, nodes: 4 });
    for (let i = 0; i < 8; i++) applyOk(c, podYaml(`p${i}`, { cpu: '100m' }));
    c.advance(100);
    const twin = restoreCluster(c.snapshot());
    for (const x of [c, twin]) {
      for (let i = 8; i < 20; i++) applyOk(x, podYaml(`p${i}`, { cpu: '100m' }));
      x.advance(100);
    }
    const where = (x: Cluster) => Array.from({ length: 20 }, (_, i) => x.get('Pod', `p${i}`)!.spec.nodeName);
    expect(where(twin)).toEqual(where(c));
  });
});

describe('scheduleBacklog (benchmark entry point)', () => {
  it('schedules every pending pod in the store right away', () => {
    const c = createCluster({ nodes: 20 });
    for (let i = 0; i < 50; i++) applyOk(c, podYaml(`b${i}`, { cpu: '10m' }));
    expect(scheduleBacklog(c.core)).toBe(50);
    c.advance(100);
    expect(c.list('Pod', 'default').every((p) => p.spec.nodeName)).toBe(true);
  });
});
