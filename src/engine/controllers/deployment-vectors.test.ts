// The deployment cases of k8s-vectors.json (topics deployment_rolling_update,
// deployment_recreate, deployment_proportional_scaling,
// deployment_revision_history_and_rollback), table-driven, each test named by its case id.
// mirrors pkg/controller/deployment/util/deployment_util_test.go, rolling_test.go,
// recreate_test.go and sync_test.go: the helpers get the objects upstream's tests build
// (deployment-testing.ts) and a recording fake in place of the fake clientset. Derived
// cases (fencepost-comment-*, recreate-sequence-1) run a whole cluster and read the
// order of the controller's ScalingReplicaSet events.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeEvent, Pod } from '../api/types';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import { toTimestamp } from '../sim/clock';
import { testCluster } from '../testing';
import type { TestCluster } from '../testing/test-cluster';
import {
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './deployment-annotations';
import { PROGRESSING } from './deployment-conditions';
import { deploymentTimedOut } from './deployment-progress';
import { oldPodsRunning, scaleDownOldReplicaSetsForRecreate } from './deployment-recreate';
import {
  cleanupUnhealthyReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  scaleDownOldReplicaSetsForRollingUpdate,
} from './deployment-rolling';
import { scale } from './deployment-scale';
import { cleanupDeployment } from './deployment-sync';
import { FakeDeploymentOps, newDeployment, newRS } from './deployment-testing';
import {
  deploymentComplete,
  deploymentProgressing,
  FencepostError,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  resolveFenceposts,
} from './deployment-util';
import { timeOf } from './podutil';

interface Case {
  id: string;
  source: string;
  given: Record<string, any>;
  expect: Record<string, any>;
  derived?: boolean;
}

const VENDORED = resolve(__dirname, 'testdata/deployment-vectors.json');
const vectors = JSON.parse(readFileSync(VENDORED, 'utf8')) as { topics: Record<string, Case[]> };
const SHARED = resolve(process.cwd(), '../shared/k8s-vectors.json');
const allCases = Object.values(vectors.topics).flat();
const byId = new Map(allCases.map((c) => [c.id, c]));

/** Every id a test below runs (or marks todo); filled while the tests are collected. */
const covered = new Set<string>();

function cases(prefix: string): Case[] {
  const out = allCases.filter((c) => c.id.startsWith(prefix));
  for (const c of out) covered.add(c.id);
  return out;
}

function one(id: string): Case {
  const c = byId.get(id);
  if (!c) throw new Error(`no case ${id}`);
  covered.add(id);
  return c;
}

describe('deployment vectors', () => {
  it.skipIf(!existsSync(SHARED))('the vendored copy matches ../shared/k8s-vectors.json', () => {
    const shared = JSON.parse(readFileSync(SHARED, 'utf8'));
    for (const topic of Object.keys(vectors.topics)) expect(vectors.topics[topic]).toEqual(shared.topics[topic]);
  });

  it('holds the four topics with their case counts', () => {
    const counts = Object.fromEntries(Object.entries(vectors.topics).map(([k, v]) => [k, v.length]));
    expect(counts).toEqual({
      deployment_rolling_update: 64,
      deployment_recreate: 13,
      deployment_proportional_scaling: 17,
      deployment_revision_history_and_rollback: 21,
    });
  });

  it('covers every case (each is run, or marked todo, below)', () => {
    expect(new Set(covered)).toEqual(new Set(byId.keys()));
  });
});

// ---- deployment_rolling_update: util arithmetic ----

describe.each(cases('resolve-fenceposts-'))('$id', (c) => {
  it('ResolveFenceposts', () => {
    const { maxSurge: s, maxUnavailable: u, desired } = c.given;
    // Upstream returns (0, 0, err); here the error is thrown and there are no values.
    if (c.expect.error) expect(() => resolveFenceposts(s, u, desired)).toThrow(FencepostError);
    else expect(resolveFenceposts(s, u, desired)).toEqual({ surge: c.expect.surge, unavailable: c.expect.unavailable });
  });
});

describe.each(cases('new-rs-new-replicas-'))('$id', (c) => {
  it('NewRSNewReplicas', () => {
    const g = c.given;
    const d = newDeployment(g.deploymentReplicas, g.maxSurge, g.maxUnavailable, g.strategy);
    const allRSs = (g.allRSsReplicas as number[]).map((n, i) => newRS(`rs-${i}`, n));
    expect(newRSNewReplicas(d, allRSs, newRS('new', g.newRSReplicas))).toBe(c.expect.newRSReplicas);
  });
});

describe.each(cases('max-unavailable-'))('$id', (c) => {
  it('MaxUnavailable', () => {
    const g = c.given;
    const d = newDeployment(g.replicas, g.maxSurge, g.maxUnavailable, g.strategy);
    expect(maxUnavailable(d)).toBe(c.expect.maxUnavailable);
  });
});

describe.each(cases('deployment-complete-'))('$id', (c) => {
  it('DeploymentComplete', () => {
    const g = c.given;
    const d = newDeployment(g.specReplicas, g.maxSurge, g.maxUnavailable);
    d.status = { ...g.status };
    expect(deploymentComplete(d, d.status!)).toBe(c.expect.complete);
  });
});

describe.each(cases('deployment-progressing-'))('$id', (c) => {
  it('DeploymentProgressing', () => {
    const d = newDeployment(10);
    d.status = { ...c.given.oldStatus };
    expect(deploymentProgressing(d, { ...c.given.newStatus })).toBe(c.expect.progressing);
  });
});

describe.each(cases('deployment-timed-out-'))('$id', (c) => {
  it('DeploymentTimedOut', () => {
    const g = c.given;
    const d = newDeployment(1);
    if (g.progressDeadlineSeconds !== null) d.spec.progressDeadlineSeconds = g.progressDeadlineSeconds;
    const cond = g.progressingCondition;
    d.status = {
      conditions: [
        {
          type: PROGRESSING,
          status: cond.status,
          reason: cond.reason,
          ...(cond.lastUpdateTime ? { lastUpdateTime: cond.lastUpdateTime } : {}),
        },
      ],
    };
    const now = g.now ? timeOf(g.now)! : 0;
    expect(deploymentTimedOut(d, d.status, now)).toBe(c.expect.timedOut);
  });
});

// ---- deployment_rolling_update: rolling.go against the recording fake ----

describe.each(cases('reconcile-new-rs-'))('$id', (c) => {
  it('reconcileNewReplicaSet (TestDeploymentController_reconcileNewReplicaSet)', () => {
    const g = c.given;
    const newRs = newRS('foo-v2', g.newRSReplicas);
    const oldRs = newRS('foo-v1', g.oldRSReplicas);
    const d = newDeployment(g.deploymentReplicas, g.maxSurge, g.maxUnavailable);
    const ops = new FakeDeploymentOps(undefined, [newRs, oldRs]);
    const scaled = reconcileNewReplicaSet(ops, [newRs, oldRs], newRs, d);
    expect(scaled).toBe(c.expect.scaled);
    if (!c.expect.scaled) {
      expect(ops.actions).toEqual([]);
      return;
    }
    expect(ops.updates().map((rs) => [rs.metadata.name, rs.spec.replicas])).toEqual([
      ['foo-v2', c.expect.newRSReplicas],
    ]);
  });
});

describe.each(cases('reconcile-old-rs-'))('$id', (c) => {
  it('reconcileOldReplicaSets (TestDeploymentController_reconcileOldReplicaSets)', () => {
    const g = c.given;
    const newRs = newRS('foo-new', g.newRSReplicas, { available: g.newRSAvailable });
    const oldRs = newRS('foo-old', g.oldRSReplicas, { available: g.oldRSAvailable });
    const d = newDeployment(g.deploymentReplicas, g.maxSurge, g.maxUnavailable);
    const ops = new FakeDeploymentOps(undefined, [newRs, oldRs]);
    expect(reconcileOldReplicaSets(ops, [oldRs, newRs], [oldRs], newRs, d)).toBe(c.expect.scaled);
    const expectedOld = c.expect.oldRSReplicas ?? g.oldRSReplicas;
    expect(ops.replicaSets.get('foo-old')?.spec.replicas).toBe(expectedOld);
    expect(ops.replicaSets.get('foo-new')?.spec.replicas).toBe(g.newRSReplicas);
  });
});

describe.each(cases('cleanup-unhealthy-'))('$id', (c) => {
  it('cleanupUnhealthyReplicas (TestDeploymentController_cleanupUnhealthyReplicas)', () => {
    const g = c.given;
    const oldRs = newRS('foo-v2', g.oldRSReplicas, { available: g.oldRSAvailable });
    const d = newDeployment(g.deploymentReplicas, g.maxSurge, g.maxUnavailable);
    const ops = new FakeDeploymentOps(undefined, [oldRs]);
    const r = cleanupUnhealthyReplicas(ops, [oldRs], d, g.maxCleanupCount);
    expect(r.count).toBe(c.expect.cleanedUp);
    expect(r.oldRSs.map((rs) => rs.spec.replicas)).toEqual([g.oldRSReplicas - c.expect.cleanedUp]);
  });
});

describe.each(cases('scale-down-old-rolling-'))('$id', (c) => {
  it('scaleDownOldReplicaSetsForRollingUpdate (TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate)', () => {
    const g = c.given;
    const oldRs = newRS('foo-v2', g.oldRSReplicas, { available: g.oldRSAvailable });
    const d = newDeployment(g.deploymentReplicas, g.maxSurge, g.maxUnavailable);
    const ops = new FakeDeploymentOps(undefined, [oldRs]);
    const scaled = scaleDownOldReplicaSetsForRollingUpdate(ops, [oldRs], [oldRs], d);
    expect(scaled > 0).toBe(c.expect.scaled);
    if (!c.expect.scaled) {
      expect(ops.updates()).toEqual([]);
      return;
    }
    expect(ops.updates().map((rs) => rs.spec.replicas)).toEqual([c.expect.oldRSReplicas]);
  });
});

// ---- deployment_rolling_update: the 25%/25% defaults (derived) ----

const deploymentManifest = (
  name: string,
  replicas: number,
  strategy: object | undefined,
  image = 'nginx:1.27',
  container: Record<string, unknown> = {},
): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    ...(strategy ? { strategy } : {}),
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image, ...container }] } },
  },
});

describe.each(cases('defaults-25pct-'))('$id', (c) => {
  it('ResolveFenceposts on the defaulted 25%/25%: surge, unavailable, pod bounds, max-replicas', () => {
    const g = c.given;
    const d = newDeployment(g.replicas, g.maxSurge, g.maxUnavailable);
    expect(resolveFenceposts(g.maxSurge, g.maxUnavailable, g.replicas)).toEqual({
      surge: c.expect.surge,
      unavailable: c.expect.unavailable,
    });
    expect(g.replicas + maxSurge(d)).toBe(c.expect.maxTotalPods);
    expect(g.replicas - maxUnavailable(d)).toBe(c.expect.minAvailable);
    const annotations: Record<string, string> = {};
    setNewReplicaSetAnnotations(d, annotations, '1', false);
    expect(annotations[MAX_REPLICAS_ANNOTATION]).toBe(c.expect.maxReplicasAnnotation);
  });
});

describe('defaults-25pct-* through the API', () => {
  it('a Deployment applied without a strategy gets 25%/25% and its first ReplicaSet the max-replicas annotation', () => {
    const list = cases('defaults-25pct-');
    const t = testCluster({ nodes: 1 });
    for (const c of list) t.apply(deploymentManifest(`d${c.given.replicas}`, c.given.replicas, undefined));
    t.advance(0);
    for (const c of list) {
      const name = `d${c.given.replicas}`;
      const d = t.get<Deployment>('Deployment', `default/${name}`)!;
      expect(d.spec.strategy?.rollingUpdate).toEqual({ maxSurge: '25%', maxUnavailable: '25%' });
      const rss = t.list<ReplicaSet>('ReplicaSet', 'default').filter((rs) => rs.metadata.name.startsWith(`${name}-`));
      expect(rss.map((rs) => rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION])).toEqual([
        c.expect.maxReplicasAnnotation,
      ]);
    }
  });
});

// ---- derived: the scale order of whole rollouts, read from the controller's events ----

const SCALED = /^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)$/;

function scalingEvents(t: TestCluster, deployment: string): KubeEvent[] {
  return t
    .events('ScalingReplicaSet')
    .filter((e) => e.involvedObject.kind === 'Deployment' && e.involvedObject.name === deployment);
}

/** Runs `name` to a full rollout of `replicas`, changes its image, and returns the scale steps as old(-1)/new(+1). */
function rolloutOrder(t: TestCluster, name: string, replicas: number, strategy: object): string[] {
  t.apply(deploymentManifest(name, replicas, strategy)).advance('2m');
  const ready = t.get<Deployment>('Deployment', `default/${name}`)!;
  expect(ready.status?.availableReplicas).toBe(replicas);
  const [oldRS] = t.list<ReplicaSet>('ReplicaSet', 'default').filter((rs) => rs.metadata.name.startsWith(`${name}-`));
  const before = scalingEvents(t, name).length;
  t.apply(deploymentManifest(name, replicas, strategy, 'nginx:1.28')).advance('5m');
  return scalingEvents(t, name)
    .slice(before)
    .map((e) => {
      const m = SCALED.exec(e.message);
      if (!m) throw new Error(`unexpected event message: ${e.message}`);
      const delta = Number(m[4]) - Number(m[3]);
      return `${m[2] === oldRS.metadata.name ? 'old' : 'new'}(${delta > 0 ? '+' : ''}${delta})`;
    });
}

describe.each(cases('fencepost-comment-'))('$id', (c) => {
  it('the rollout scales in the order the ResolveFenceposts comment gives', () => {
    const g = c.given;
    const t = testCluster({ nodes: 2 });
    const strategy = {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: g.maxSurge, maxUnavailable: g.maxUnavailable },
    };
    expect(rolloutOrder(t, 'web', g.desired, strategy).join(', ')).toBe(c.expect.scalingOrder);
    const d = t.get<Deployment>('Deployment', 'default/web')!;
    expect(d.status).toMatchObject({ replicas: g.desired, updatedReplicas: g.desired, availableReplicas: g.desired });
  });
});

// ---- deployment_recreate ----

describe('recreate-scale-down-old', () => {
  const c = one('recreate-scale-down-old');
  it('scaleDownOldReplicaSetsForRecreate (TestScaleDownOldReplicaSets)', () => {
    const d = newDeployment(c.given.deploymentReplicas, 0, 0, 'Recreate');
    const olds = (c.given.oldRSSizes as number[]).map((n, i) => newRS(`foo-${i}`, n));
    const ops = new FakeDeploymentOps(undefined, olds);
    expect(scaleDownOldReplicaSetsForRecreate(ops, olds, d)).toBe(true);
    expect(olds.map((rs) => ops.replicaSets.get(rs.metadata.name)?.spec.replicas)).toEqual(c.expect.oldRSSizes);
    expect(ops.events.map((e) => e.message)).toEqual(['Scaled down replica set foo-0 from 3 to 0']);
  });
});

describe.each(cases('old-pods-running-'))('$id', (c) => {
  it('oldPodsRunning (TestOldPodsRunning)', () => {
    const g = c.given;
    const oldRSs = (g.oldRSs as { uid?: string; name?: string; spec: number; status: number }[]).map((o) =>
      newRS(o.name ?? `pods-${o.uid}`, o.spec, { statusReplicas: o.status, uid: o.uid }),
    );
    const podMap = new Map<string, Pod[]>();
    for (const [uid, phases] of Object.entries(g.podMapPhasesByRSUID as Record<string, string[]>)) {
      podMap.set(
        uid,
        phases.map(
          (phase) => ({ kind: 'Pod', metadata: {}, ...(phase === '<pod>' ? {} : { status: { phase } }) }) as Pod,
        ),
      );
    }
    expect(oldPodsRunning(undefined, oldRSs, podMap)).toBe(c.expect.hasOldPodsRunning);
  });
});

describe('recreate-sequence-1', () => {
  const c = one('recreate-sequence-1');
  it('old ReplicaSets go to 0, nothing happens while old pods remain, then the new one starts at full size', () => {
    const replicas = c.given.deploymentReplicas;
    const t = testCluster({ nodes: 2 });
    // A preStop hook keeps the old pods terminating for a while, so "while old pods remain" lasts.
    const lingering = { lifecycle: { preStop: { exec: { command: ['sleep', '10'] } } } };
    const recreate = { type: 'Recreate' };
    t.apply(deploymentManifest('web', replicas, recreate, 'nginx:1.27', lingering)).advance('2m');
    const [oldRS] = t.list<ReplicaSet>('ReplicaSet', 'default');
    expect(oldRS.status).toMatchObject({ replicas, availableReplicas: replicas });
    const before = scalingEvents(t, 'web').length;

    t.apply(deploymentManifest('web', replicas, recreate, 'nginx:1.28', lingering)).advance(0);
    // sync 1: the old ReplicaSet is scaled to 0 and no new one exists yet.
    expect(t.get<ReplicaSet>('ReplicaSet', `default/${oldRS.metadata.name}`)?.spec.replicas).toBe(0);
    expect(t.list('ReplicaSet', 'default')).toHaveLength(1);

    // sync 2..n: while any old pod is not terminal, no new ReplicaSet; meanwhile nothing is available.
    let sawGap = false;
    let waited = 0;
    for (let i = 0; i < 120; i++) {
      const oldPods = t
        .list<Pod>('Pod', 'default')
        .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === oldRS.metadata.uid));
      const oldRunning = oldPods.some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      const rss = t.list<ReplicaSet>('ReplicaSet', 'default');
      if (oldRunning) {
        expect(rss).toHaveLength(1);
        waited++;
      }
      if (rss.length === 2) {
        // The moment the new ReplicaSet appears, nothing serves: the Recreate gap.
        if (!sawGap) {
          const available = t.get<Deployment>('Deployment', 'default/web')?.status?.availableReplicas ?? 0;
          expect(available).toBe(c.expect.availableDuringRollout);
        }
        sawGap = true;
      }
      t.advance('1s');
    }
    expect(waited).toBeGreaterThan(1);
    expect(sawGap).toBe(true);
    t.advance('2m');
    const newRS = t.list<ReplicaSet>('ReplicaSet', 'default').find((rs) => rs.metadata.uid !== oldRS.metadata.uid)!;
    // sync 3: the new ReplicaSet is created and scaled straight to spec.replicas.
    const steps = scalingEvents(t, 'web')
      .slice(before)
      .map((e) => e.message);
    expect(steps).toEqual([
      `Scaled down replica set ${oldRS.metadata.name} from ${replicas} to 0`,
      `Scaled up replica set ${newRS.metadata.name} from 0 to ${replicas}`,
    ]);
    expect(t.get<Deployment>('Deployment', 'default/web')?.status?.availableReplicas).toBe(replicas);
  });
});

describe('recreate-new-rs-replicas', () => {
  const c = one('recreate-new-rs-replicas');
  it('NewRSNewReplicas: Recreate goes straight to spec.replicas', () => {
    const d = newDeployment(c.given.deploymentReplicas, 1, 1, 'Recreate');
    expect(newRSNewReplicas(d, [newRS('rs5', 5)], newRS('new', c.given.newRSReplicas))).toBe(c.expect.newRSReplicas);
  });
});

describe('recreate-max-unavailable', () => {
  const c = one('recreate-max-unavailable');
  it('MaxUnavailable and MaxSurge are 0 for Recreate', () => {
    const d = newDeployment(undefined, 0, 0, 'Recreate');
    expect(maxUnavailable(d)).toBe(c.expect.maxUnavailable);
    expect(maxSurge(newDeployment(10, 1, 1, 'Recreate'))).toBe(0);
  });
});

// ---- deployment_proportional_scaling: TestScale ----

interface ScaleRS {
  name: string;
  replicas: number;
  creationTimestamp: string;
  availableReplicas?: number;
}

describe.each(cases('test-scale-'))('$id', (c) => {
  it('scale (TestScale)', () => {
    const g = c.given;
    const spec = (o: Record<string, any>) => newDeployment(o.replicas, o.maxSurge, o.maxUnavailable, o.strategy);
    const d = spec(g.deployment);
    // "change both size and template": the deployment's template is no longer either ReplicaSet's.
    if (g.newRS === null) d.spec.template.metadata!.labels = { foo: 'bar', another: 'label' };
    const oldD = spec(g.oldDeployment);
    const overrides = (g.desiredReplicasAnnotationOverride ?? {}) as Record<string, number>;
    const build = (o: ScaleRS): ReplicaSet => {
      const desired = overrides[o.name] ?? oldD.spec.replicas!;
      const annotations: Record<string, string> = {};
      setReplicasAnnotations(annotations, desired, desired + maxSurge(oldD));
      return newRS(o.name, o.replicas, { created: o.creationTimestamp, annotations, available: o.availableReplicas });
    };
    const newRs = g.newRS ? build(g.newRS) : undefined;
    const oldRSs = (g.oldRSs as ScaleRS[]).map(build);
    const ops = new FakeDeploymentOps(undefined, [...oldRSs, ...(newRs ? [newRs] : [])]);
    scale(ops, d, newRs, oldRSs);

    // As upstream: sizes start as given; every update counts except for the ReplicaSets
    // the case says are not updated (their writes carry only annotations).
    const wasntUpdated = new Set<string>(c.expect.wasntUpdated ?? []);
    const nameToSize = new Map<string, number>();
    for (const rs of [...oldRSs, ...(newRs ? [newRs] : [])]) nameToSize.set(rs.metadata.name, rs.spec.replicas!);
    for (const rs of ops.updates())
      if (!wasntUpdated.has(rs.metadata.name)) nameToSize.set(rs.metadata.name, rs.spec.replicas!);
    if (newRs) expect(nameToSize.get(newRs.metadata.name)).toBe(c.expect.newRSReplicas);
    expect(Object.fromEntries(oldRSs.map((rs) => [rs.metadata.name, nameToSize.get(rs.metadata.name)]))).toEqual(
      c.expect.oldRSReplicas,
    );
  });
});

// ---- deployment_revision_history_and_rollback ----

describe.each(cases('cleanup-deployment-'))('$id', (c) => {
  it('cleanupDeployment deletes only empty, settled ReplicaSets past the limit (TestDeploymentController_cleanupDeployment)', () => {
    const g = c.given;
    const oldRSs = (g.oldRSs as { name: string; specReplicas: number; statusReplicas: number; note?: string }[]).map(
      (o) => {
        const rs = newRS(o.name, o.specReplicas, { statusReplicas: o.statusReplicas });
        if (o.note === 'deletionTimestamp set') rs.metadata.deletionTimestamp = '2016-01-01T00:00:00Z';
        return rs;
      },
    );
    const d = newDeployment(1);
    d.spec.revisionHistoryLimit = g.revisionHistoryLimit;
    const ops = new FakeDeploymentOps(undefined, oldRSs);
    cleanupDeployment(ops, oldRSs, d);
    expect(ops.deleted()).toHaveLength(c.expect.deletions);
  });
});

const OFFSET_MS: Record<string, number> = { '-1m': -60_000, '0': 0, '+1m': 60_000, '+2m': 120_000 };

describe.each(cases('cleanup-order-'))('$id', (c) => {
  it('cleanupDeployment deletes the lowest revisions first (TestDeploymentController_cleanupDeploymentOrder)', () => {
    const g = c.given;
    const now = Date.UTC(2016, 4, 20);
    const oldRSs = (
      g.oldRSs as {
        name: string;
        replicas: number;
        statusReplicas: number;
        creationOffset: string;
        revision: string | null;
      }[]
    ).map((o) =>
      newRS(o.name, o.replicas, {
        statusReplicas: o.statusReplicas,
        created: toTimestamp(now + OFFSET_MS[o.creationOffset]),
        ...(o.revision === null ? {} : { annotations: { [REVISION_ANNOTATION]: o.revision } }),
      }),
    );
    const d = newDeployment(1);
    d.spec.revisionHistoryLimit = g.revisionHistoryLimit;
    const ops = new FakeDeploymentOps(undefined, oldRSs);
    cleanupDeployment(ops, oldRSs, d);
    expect(new Set(ops.deleted())).toEqual(new Set(c.expect.deleted));
  });
});

describe('revision-history-limit-default', () => {
  const c = one('revision-history-limit-default');
  it('SetDefaults_Deployment: a Deployment applied with nothing set', () => {
    const t = testCluster({ nodes: 1 });
    t.apply({
      apiVersion: c.given.apiVersion,
      kind: 'Deployment',
      metadata: { name: 'bare', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'bare' } },
        template: { metadata: { labels: { app: 'bare' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
      },
    });
    const spec = t.get<Deployment>('Deployment', 'default/bare')!.spec;
    const e = c.expect;
    expect(spec.revisionHistoryLimit).toBe(e.revisionHistoryLimit);
    expect(spec.progressDeadlineSeconds).toBe(e.progressDeadlineSeconds);
    expect(spec.replicas).toBe(e.replicas);
    expect(spec.strategy).toEqual({
      type: e.strategy.type,
      rollingUpdate: { maxSurge: e.strategy.maxSurge, maxUnavailable: e.strategy.maxUnavailable },
    });
  });
});

describe('set-replicas-annotations', () => {
  const c = one('set-replicas-annotations');
  it('SetReplicasAnnotations writes both counts as strings', () => {
    const annotations: Record<string, string> = {};
    expect(setReplicasAnnotations(annotations, c.given.desired, c.given.max)).toBe(true);
    expect(annotations).toEqual(c.expect.annotations);
    // Already there: nothing changes.
    expect(setReplicasAnnotations(annotations, c.given.desired, c.given.max)).toBe(false);
  });
});

describe('new-rs-revision-increments', () => {
  one('new-rs-revision-increments');
  it('SetNewReplicaSetAnnotations: each higher revision replaces the last', () => {
    const d = newDeployment(1);
    const annotations: Record<string, string> = {};
    for (let i = 0; i < 20; i++) {
      setNewReplicaSetAnnotations(d, annotations, String(i + 1), true);
      expect(annotations[REVISION_ANNOTATION]).toBe(String(i + 1));
    }
  });

  it('with a 5-character history limit the history keeps the last two (TestAnnotationUtils, revisions 11..20)', () => {
    const d = newDeployment(1);
    const annotations: Record<string, string> = {};
    for (let i = 10; i < 20; i++) {
      setNewReplicaSetAnnotations(d, annotations, String(i + 1), true, 5);
      if (i >= 12) expect(annotations[REVISION_HISTORY_ANNOTATION]).toBe(`${i - 1},${i}`);
      expect(annotations[REVISION_ANNOTATION]).toBe(String(i + 1));
    }
  });
});

describe('rollback-revision-bump', () => {
  const c = one('rollback-revision-bump');
  it('controller side: going back to the v1 template re-uses app-aaa with revision 3 and history "1"', () => {
    // What `kubectl rollout undo` writes is the old template; the revision bump is the controller's.
    const t = testCluster({ nodes: 2 });
    t.apply(deploymentManifest('app', 1, undefined, 'nginx:1.27')).advance('1m');
    const [aaa] = t.list<ReplicaSet>('ReplicaSet', 'default');
    t.apply(deploymentManifest('app', 1, undefined, 'nginx:1.28')).advance('1m');
    const bbb = t.list<ReplicaSet>('ReplicaSet', 'default').find((rs) => rs.metadata.uid !== aaa.metadata.uid)!;
    expect(bbb.metadata.annotations?.[REVISION_ANNOTATION]).toBe('2');
    t.apply(deploymentManifest('app', 1, undefined, 'nginx:1.27')).advance('1m');
    const e = c.expect;
    const rs = (name: string) => t.get<ReplicaSet>('ReplicaSet', `default/${name}`)!;
    expect(t.list('ReplicaSet', 'default')).toHaveLength(2);
    expect(rs(aaa.metadata.name).metadata.annotations).toMatchObject(e['app-aaa']);
    expect(rs(bbb.metadata.name).metadata.annotations).toMatchObject(e['app-bbb']);
    expect(rs(bbb.metadata.name).metadata.annotations?.[REVISION_HISTORY_ANNOTATION]).toBeUndefined();
    expect(t.get<Deployment>('Deployment', 'default/app')?.metadata.annotations?.[REVISION_ANNOTATION]).toBe(
      e.deploymentRevisionAnnotation,
    );
    expect(rs(aaa.metadata.name).spec.replicas).toBe(1);
    expect(rs(bbb.metadata.name).spec.replicas).toBe(0);
  });
});

// ---- kubectl rollout undo (polymorphichelpers/rollback.go DeploymentRollbacker) ----

/** app at revision 1 (nginx:1.27), and with `revisions` 2 at revision 2 (nginx:1.28); settled. */
function appWithRevisions(revisions: 1 | 2, extra: { paused?: boolean } = {}): TestCluster {
  const t = testCluster({ nodes: 2 });
  const app = (image: string, note: string, paused = false) => {
    const m = deploymentManifest('app', 1, undefined, image);
    (m.metadata as Record<string, unknown>).annotations = { note };
    if (paused) (m.spec as Record<string, unknown>).paused = true;
    return m;
  };
  t.apply(app('nginx:1.27', 'v1')).advance('1m');
  if (revisions === 2) t.apply(app('nginx:1.28', 'v2')).advance('1m');
  if (extra.paused) t.apply(app(revisions === 2 ? 'nginx:1.28' : 'nginx:1.27', `v${revisions}`, true)).advance(0);
  return t;
}

const byRevision = (t: TestCluster, revision: string) =>
  t.list<ReplicaSet>('ReplicaSet', 'default').find((rs) => rs.metadata.annotations?.[REVISION_ANNOTATION] === revision);

describe('rollback-revision-bump (kubectl)', () => {
  const c = one('rollback-revision-bump');
  it('`rollout undo` restores the v1 template and annotations; the controller numbers app-aaa revision 3', () => {
    const t = appWithRevisions(2);
    const aaa = byRevision(t, '1')!;
    const bbb = byRevision(t, '2')!;
    const r = t.run('rollout undo deployment/app');
    expect({ exitCode: r.exitCode, stdout: r.stdout.trim() }).toEqual({ exitCode: 0, stdout: c.expect.kubectlOutput });
    t.advance('1m');
    const d = t.get<Deployment>('Deployment', 'default/app')!;
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'app' });
    expect(d.metadata.annotations?.note).toBe('v1');
    expect(d.metadata.annotations?.[REVISION_ANNOTATION]).toBe(c.expect.deploymentRevisionAnnotation);
    const rs = (name: string) => t.get<ReplicaSet>('ReplicaSet', `default/${name}`)!;
    expect(rs(aaa.metadata.name).metadata.annotations).toMatchObject(c.expect['app-aaa']);
    expect(rs(bbb.metadata.name).metadata.annotations).toMatchObject(c.expect['app-bbb']);
    const history = t.run('rollout history deployment/app');
    expect(history.exitCode).toBe(0);
    const revisions = history.stdout
      .split('\n')
      .map((line) => /^(\d+)\s/.exec(line)?.[1])
      .filter((v) => v !== undefined)
      .map(Number);
    expect(revisions).toEqual(c.expect.rolloutHistoryRevisions);
  });
});

describe('kubectl-undo-*', () => {
  const skipped = one('kubectl-undo-skipped');
  const notFound = one('kubectl-undo-not-found');
  const noHistory = one('kubectl-undo-no-history');
  const paused = one('kubectl-undo-paused');

  it('kubectl-undo-skipped: --to-revision=1 when the template already is revision 1', () => {
    const c = skipped;
    expect(c.given).toEqual({ toRevision: 1, revision1TemplateEqualsCurrent: true });
    const r = appWithRevisions(1).run('rollout undo deployment/app --to-revision=1');
    expect({ exitCode: r.exitCode, stdout: r.stdout.trim() }).toEqual({
      exitCode: 0,
      stdout: c.expect.output.replace('<name>', 'app'),
    });
  });

  it('kubectl-undo-not-found: a revision that is not in the history', () => {
    const c = notFound;
    const t = appWithRevisions(2);
    expect([byRevision(t, '1'), byRevision(t, '2')].every(Boolean)).toBe(true);
    const r = t.run(`rollout undo deployment/app --to-revision=${c.given.toRevision}`);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr.trim()).toBe(c.expect.error);
  });

  it('kubectl-undo-no-history: nothing before revision 1', () => {
    const c = noHistory;
    const r = appWithRevisions(1).run('rollout undo deployment/app');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr.trim()).toBe(c.expect.error.replace('<name>', 'app'));
  });

  it('kubectl-undo-paused: a paused deployment is refused', () => {
    const c = paused;
    const t = appWithRevisions(2, { paused: true });
    const before = t.get<Deployment>('Deployment', 'default/app')!.spec.template;
    const r = t.run('rollout undo deployment/app');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr.trim()).toBe(c.expect.error.replaceAll('<name>', 'app'));
    expect(t.get<Deployment>('Deployment', 'default/app')!.spec.template).toEqual(before);
  });
});

// ---- beyond the tables: the guard rolling.go has and the tables do not reach ----

describe('cleanupUnhealthyReplicas with a stale status', () => {
  // rolling.go cleanupUnhealthyReplicas: a ReplicaSet whose status still reports more
  // available pods than its (just lowered) spec.replicas must not be resized; upstream
  // returns "when cleaning up unhealthy replicas, got invalid request to scale down
  // <ns>/<name> 8 -> 10" and the sync is retried. Here the negative count scales it up.
  it('an old ReplicaSet of 8 reporting 10 available is not scaled up: the sync fails as upstream', () => {
    const oldRs = newRS('foo-old', 8, { available: 10, statusReplicas: 10 });
    const d = newDeployment(10, 2, 2);
    const ops = new FakeDeploymentOps(undefined, [oldRs]);
    expect(() => cleanupUnhealthyReplicas(ops, [oldRs], d, 2)).toThrow(
      'when cleaning up unhealthy replicas, got invalid request to scale down default/foo-old 8 -> 10',
    );
    expect(ops.updates()).toEqual([]);
  });
});

describe('deploymentTimedOut without a lastUpdateTime', () => {
  // deployment_util.go DeploymentTimedOut: `from.Add(delta).Before(now)` with Go's zero
  // time for a missing lastUpdateTime, so a Progressing condition that carries none
  // counts as timed out. Here a missing time never times out.
  it('a Progressing condition with no lastUpdateTime counts as timed out, as upstream', () => {
    const d = newDeployment(1);
    d.spec.progressDeadlineSeconds = 600;
    d.status = { conditions: [{ type: PROGRESSING, status: 'True', reason: 'ReplicaSetUpdated' }] };
    expect(deploymentTimedOut(d, d.status, Date.UTC(2016, 0, 1))).toBe(true);
  });
});

describe('a template that differs only in zero values', () => {
  // Container.stdin (bool) and ContainerPort.hostPort (int32) are not pointers in the Go
  // types and are omitempty: `stdin: false` and `hostPort: 0` are not even stored, so
  // EqualIgnoreHash sees one template and no rollout starts. Here the explicit zeros are
  // kept and compared, and dropping them starts a second ReplicaSet.
  it.skip('BUG: dropping stdin: false and hostPort: 0 from the template starts no rollout', () => {
    const t = testCluster({ nodes: 1 });
    const app = (extra: Record<string, unknown>) => {
      const m = deploymentManifest('app', 1, undefined);
      const spec = (m.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec;
      Object.assign(spec.containers[0], extra);
      return m;
    };
    t.apply(app({ stdin: false, ports: [{ containerPort: 80, hostPort: 0 }] })).advance('30s');
    t.apply(app({ ports: [{ containerPort: 80 }] })).advance('30s');
    expect(t.list('ReplicaSet', 'default')).toHaveLength(1);
  });
});
