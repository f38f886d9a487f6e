// Deployment stories a learner sees, told through the whole cluster (scheduler, kubelet,
// node lifecycle, ReplicaSet and Deployment controllers) with kubectl output. They mirror
// pkg/controller/deployment (rolling.go, recreate.go, progress.go, sync.go: scale and
// cleanupDeployment) and the walkthroughs of kubernetes.io/docs/concepts/workloads/controllers/deployment/
// (rolling back, proportional scaling, pausing, revision history).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import { pod, type TestCluster, testCluster } from '../testing';

interface Options {
  replicas?: number;
  image?: string;
  strategy?: Record<string, unknown>;
  paused?: boolean;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
}

/** A Deployment `name` selecting app=<name>, one nginx container. */
function deployment(name: string, o: Options = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: o.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      ...(o.strategy ? { strategy: o.strategy } : {}),
      ...(o.paused !== undefined ? { paused: o.paused } : {}),
      ...(o.revisionHistoryLimit !== undefined ? { revisionHistoryLimit: o.revisionHistoryLimit } : {}),
      ...(o.progressDeadlineSeconds !== undefined ? { progressDeadlineSeconds: o.progressDeadlineSeconds } : {}),
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: o.image ?? 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
      },
    },
  };
}

const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
const terminating = (p: Pod) => Boolean(p.metadata.deletionTimestamp);

/** Every pod labelled app=<name>, terminating ones included. */
function podsOf(t: TestCluster, name: string): Pod[] {
  return t.list<Pod>('Pod', 'default').filter((p) => p.metadata.labels?.app === name);
}

/** Pods that serve: Ready and not being deleted. */
const serving = (t: TestCluster, name: string) => podsOf(t, name).filter((p) => isReady(p) && !terminating(p));

function replicaSetsOf(t: TestCluster, name: string): ReplicaSet[] {
  const d = t.get<Deployment>('Deployment', name);
  return t
    .list<ReplicaSet>('ReplicaSet', 'default')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d?.metadata.uid));
}

/** The pods whose controller is one of the deployment's ReplicaSets. */
function ownedPods(t: TestCluster, name: string): Pod[] {
  const uids = new Set(replicaSetsOf(t, name).map((rs) => rs.metadata.uid));
  return podsOf(t, name).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && uids.has(r.uid)));
}

const imageOf = (o: Pod | ReplicaSet) =>
  o.kind === 'ReplicaSet'
    ? (o as ReplicaSet).spec.template.spec?.containers[0].image
    : (o as Pod).spec.containers[0].image;

function rsWithImage(t: TestCluster, name: string, image: string): ReplicaSet {
  const rs = replicaSetsOf(t, name).find((r) => imageOf(r) === image);
  if (!rs) throw new Error(`no ReplicaSet of ${name} runs ${image}`);
  return rs;
}

function condition(t: TestCluster, name: string, type: string) {
  return t.get<Deployment>('Deployment', name)?.status?.conditions?.find((c) => c.type === type);
}

/** The deployment reached its goal: every replica updated and available, nothing old left. */
function expectComplete(t: TestCluster, name: string, replicas: number, image: string) {
  const d = t.get<Deployment>('Deployment', name);
  expect(d?.status).toMatchObject({ replicas, updatedReplicas: replicas, availableReplicas: replicas });
  const live = ownedPods(t, name).filter((p) => !terminating(p));
  expect(live).toHaveLength(replicas);
  expect(live.every((p) => isReady(p) && imageOf(p) === image)).toBe(true);
  expect(t.run(`get deploy ${name} --no-headers`).stdout).toMatch(
    new RegExp(`^${name}\\s+${replicas}/${replicas}\\s+${replicas}\\s+${replicas}\\s+`),
  );
}

describe('Deployment: rolling update', () => {
  it('10 replicas, maxSurge 25% (3), maxUnavailable 0: never fewer than 10 available, never more than 13 pods', () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } };
    const t = testCluster({ nodes: 3 })
      .apply(deployment('web', { replicas: 10, image: 'nginx:1.27', strategy }))
      .advance('90s');
    expectComplete(t, 'web', 10, 'nginx:1.27');

    t.apply(deployment('web', { replicas: 10, image: 'nginx:1.29', strategy })).advance(0);
    // The first step spends the whole surge: the new ReplicaSet asks for 3 while the old keeps 10.
    const rsLines = t.run('get rs --no-headers').stdout.trim().split('\n');
    expect(rsLines.map((l) => l.split(/\s+/)[1]).sort()).toEqual(['10', '3']);
    let peak = 0;
    let sawSurge = false;
    for (let s = 0; s < 180; s++) {
      t.advance('1s');
      const available = serving(t, 'web').length;
      expect(available, `available pods at +${s + 1}s`).toBeGreaterThanOrEqual(10);
      expect(t.get<Deployment>('Deployment', 'web')?.status?.availableReplicas ?? 0).toBeGreaterThanOrEqual(10);
      // maxSurge bounds the pods the ReplicaSets run; a deleted pod still shutting down is
      // no longer counted (upstream counts active pods only).
      const live = podsOf(t, 'web').filter((p) => !terminating(p)).length;
      expect(live, `pods at +${s + 1}s`).toBeLessThanOrEqual(13);
      peak = Math.max(peak, live);
      if (live > 10) sawSurge = true;
    }
    // maxSurge 25% of 10 rounds up to 3, and the controller does use all of it.
    expect(peak).toBe(13);
    expect(sawSurge).toBe(true);
    expectComplete(t, 'web', 10, 'nginx:1.29');
    expect(
      replicaSetsOf(t, 'web')
        .map((rs) => rs.spec.replicas)
        .sort(),
    ).toEqual([0, 10]);
  });

  it('Recreate: every old pod is gone (terminating ones too) before a new one exists; meanwhile nothing runs', () => {
    const strategy = { type: 'Recreate' };
    const t = testCluster({ nodes: 3 })
      .apply(deployment('web', { replicas: 3, image: 'nginx:1.27', strategy }))
      .advance('60s');
    expectComplete(t, 'web', 3, 'nginx:1.27');

    t.apply(deployment('web', { replicas: 3, image: 'nginx:1.29', strategy }));
    let sawGap = false;
    for (let i = 0; i < 240; i++) {
      t.advance('500ms');
      const pods = podsOf(t, 'web');
      const oldPods = pods.filter((p) => imageOf(p) === 'nginx:1.27');
      const newPods = pods.filter((p) => imageOf(p) === 'nginx:1.29');
      if (oldPods.length > 0) expect(newPods, `new pods while old ones remain at +${(i + 1) / 2}s`).toEqual([]);
      if (pods.every((p) => p.status?.phase !== 'Running')) sawGap = true;
    }
    expect(sawGap).toBe(true);
    expectComplete(t, 'web', 3, 'nginx:1.29');
    const events = t.events('ScalingReplicaSet').map((e) => e.message);
    const down = events.findIndex((m) => /^Scaled down replica set web-\w+ from 3 to 0$/.test(m));
    const up = events.findIndex((m, i) => i > 0 && /^Scaled up replica set web-\w+ from 0 to 3$/.test(m));
    expect(down).toBeGreaterThan(0);
    expect(up).toBeGreaterThan(down);
  });
});

describe('Deployment: a bad image stalls, and rolling back recovers', () => {
  it('nginx:1.26 is not in the registry: old pods keep serving, Progressing=False ProgressDeadlineExceeded after 600s; kubectl rollout undo recovers', () => {
    const good = deployment('web', { replicas: 3, image: 'nginx:1.27' });
    const t = testCluster({ nodes: 3 }).apply(good).advance('60s');
    expectComplete(t, 'web', 3, 'nginx:1.27');

    t.apply(deployment('web', { replicas: 3, image: 'nginx:1.26' })).advance('2m');
    // 25% of 3: maxUnavailable rounds down to 0, maxSurge up to 1, so one new pod is tried
    // and every old pod stays.
    const bad = rsWithImage(t, 'web', 'nginx:1.26');
    expect(bad.spec.replicas).toBe(1);
    expect(serving(t, 'web').map(imageOf)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    const stuck = podsOf(t, 'web').find((p) => imageOf(p) === 'nginx:1.26') as Pod;
    expect(stuck.status?.containerStatuses?.[0].state?.waiting?.reason).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    expect(condition(t, 'web', 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    expect(condition(t, 'web', 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });

    // progressDeadlineSeconds defaults to 600, counted from the last progress (the new pod's creation).
    t.advance('7m50s');
    expect(condition(t, 'web', 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    t.advance('20s');
    expect(condition(t, 'web', 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${bad.metadata.name}" has timed out progressing.`,
    });
    expect(serving(t, 'web')).toHaveLength(3);
    const described = t.run('describe deploy web').stdout;
    expect(described).toMatch(/^ {2}Progressing\s+False\s+ProgressDeadlineExceeded$/m);
    expect(described).toMatch(/^Replicas:\s+3 desired \| 1 updated \| 4 total \| 3 available \| 1 unavailable$/m);

    expect(t.run('rollout undo deployment/web')).toMatchObject({
      stdout: 'deployment.apps/web rolled back\n',
      exitCode: 0,
    });
    t.advance('60s');
    expectComplete(t, 'web', 3, 'nginx:1.27');
    expect(rsWithImage(t, 'web', 'nginx:1.26').spec.replicas).toBe(0);
    expect(condition(t, 'web', 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    // Going back to a template an old ReplicaSet has reuses it under a new revision.
    expect(rsWithImage(t, 'web', 'nginx:1.27').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });
});

describe('Deployment: node failure', () => {
  it('a killed node: after the 50s grace and tolerationSeconds 300 its pods are replaced on the other nodes', () => {
    const t = testCluster({ nodes: 3 })
      .apply(deployment('web', { replicas: 4 }))
      .advance('60s');
    expectComplete(t, 'web', 4, 'nginx:1.27');
    const victim = podsOf(t, 'web')[0].spec.nodeName as string;
    const lost = podsOf(t, 'web').filter((p) => p.spec.nodeName === victim);
    expect(lost.length).toBeGreaterThan(0);

    t.kill(victim).advance('60s');
    // The node is NotReady after the 50s grace: its pods are marked not Ready, but the
    // ReplicaSet still counts them, so nothing is replaced yet.
    expect(t.get<Deployment>('Deployment', 'web')?.status?.availableReplicas).toBe(4 - lost.length);
    expect(condition(t, 'web', 'Available')?.status).toBe(lost.length > 1 ? 'False' : 'True');
    t.advance('4m40s');
    // Still not at 340s: the pods tolerate the unreachable taint for 300s.
    expect(lost.every((p) => !terminating(t.pod(p.metadata.name)))).toBe(true);
    expect(podsOf(t, 'web').filter((p) => !terminating(p))).toHaveLength(4);

    t.advance('80s');
    const live = podsOf(t, 'web').filter((p) => !terminating(p));
    expect(live).toHaveLength(4);
    expect(live.every((p) => p.spec.nodeName !== victim && p.status?.phase === 'Running' && isReady(p))).toBe(true);
    expect(t.get<Deployment>('Deployment', 'web')?.status).toMatchObject({ availableReplicas: 4, replicas: 4 });
    expect(t.events('TaintManagerEviction').length).toBe(lost.length);
  });
});

describe('Deployment: ownership', () => {
  it('a hand-made pod with the selector labels is not adopted: the ReplicaSet also selects on pod-template-hash', () => {
    const t = testCluster({ nodes: 3 })
      .apply(pod('stray', { labels: { app: 'web' } }))
      .apply(deployment('web', { replicas: 3 }))
      .advance('60s');
    expect(t.pod('stray').metadata.ownerReferences ?? []).toEqual([]);
    const [rs] = replicaSetsOf(t, 'web');
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': expect.any(String) });
    const own = podsOf(t, 'web').filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid));
    expect(own).toHaveLength(3);
    expect(podsOf(t, 'web')).toHaveLength(4);
    expectComplete(t, 'web', 3, 'nginx:1.27');
    expect(t.run('get rs --no-headers').stdout).toMatch(new RegExp(`^${rs.metadata.name}\\s+3\\s+3\\s+3\\s+`));
  });
});

describe('Deployment: scaling mid-rollout', () => {
  // kubernetes.io "Proportional scaling": 10 replicas, maxSurge 3, maxUnavailable 2; a rollout
  // to a missing image stalls at 8 old + 5 new; scaling to 15 spreads the 5 extra replicas
  // by size (3 to the old ReplicaSet, 2 to the new).
  it('spreads new replicas over the old and new ReplicaSets by size; fixing the image then completes', () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
    const t = testCluster({ nodes: 3 })
      .apply(deployment('nginx-deployment', { replicas: 10, image: 'nginx:1.16.1', strategy }))
      .advance('90s');
    expectComplete(t, 'nginx-deployment', 10, 'nginx:1.16.1');

    t.apply(deployment('nginx-deployment', { replicas: 10, image: 'nginx:sometag', strategy })).advance('60s');
    expect(rsWithImage(t, 'nginx-deployment', 'nginx:1.16.1').spec.replicas).toBe(8);
    expect(rsWithImage(t, 'nginx-deployment', 'nginx:sometag').spec.replicas).toBe(5);

    t.kubectl('scale deployment/nginx-deployment --replicas=15').advance('30s');
    const old = rsWithImage(t, 'nginx-deployment', 'nginx:1.16.1');
    const next = rsWithImage(t, 'nginx-deployment', 'nginx:sometag');
    expect([old.spec.replicas, next.spec.replicas]).toEqual([11, 7]);
    expect(old.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('15');
    expect(t.run('get rs --no-headers').stdout).toMatch(new RegExp(`^${old.metadata.name}\\s+11\\s+11\\s+11\\s+`, 'm'));
    expect(serving(t, 'nginx-deployment')).toHaveLength(11);

    t.apply(deployment('nginx-deployment', { replicas: 15, image: 'nginx:1.27', strategy })).advance('3m');
    expectComplete(t, 'nginx-deployment', 15, 'nginx:1.27');
  });
});

describe('Deployment: pause and resume', () => {
  it('a new image while paused makes no ReplicaSet; resuming rolls it out', () => {
    const t = testCluster({ nodes: 3 })
      .apply(deployment('web', { replicas: 3 }))
      .advance('60s');
    t.apply(deployment('web', { replicas: 3, paused: true, image: 'nginx:1.29' })).advance('2m');
    expect(replicaSetsOf(t, 'web')).toHaveLength(1);
    expect(serving(t, 'web').every((p) => imageOf(p) === 'nginx:1.27')).toBe(true);
    expect(condition(t, 'web', 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });

    t.apply(deployment('web', { replicas: 3, paused: false, image: 'nginx:1.29' })).advance('90s');
    expect(replicaSetsOf(t, 'web')).toHaveLength(2);
    expectComplete(t, 'web', 3, 'nginx:1.29');
    expect(condition(t, 'web', 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });
});

describe('Deployment: revision history', () => {
  it('revisionHistoryLimit 1 keeps one old ReplicaSet after three rollouts', () => {
    const images = ['nginx:1.25', 'nginx:1.27', 'nginx:1.28', 'nginx:1.29'];
    const t = testCluster({ nodes: 3 });
    for (const image of images)
      t.apply(deployment('web', { replicas: 2, image, revisionHistoryLimit: 1 })).advance('90s');
    expectComplete(t, 'web', 2, 'nginx:1.29');
    const rss = replicaSetsOf(t, 'web');
    expect(rss.map(imageOf).sort()).toEqual(['nginx:1.28', 'nginx:1.29']);
    expect(rsWithImage(t, 'web', 'nginx:1.28').spec.replicas).toBe(0);
    expect(rsWithImage(t, 'web', 'nginx:1.29').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    expect(t.run('describe deploy web').stdout).toMatch(
      new RegExp(
        `^OldReplicaSets:\\s+${rsWithImage(t, 'web', 'nginx:1.28').metadata.name} \\(0/0 replicas created\\)$`,
        'm',
      ),
    );
  });
});
