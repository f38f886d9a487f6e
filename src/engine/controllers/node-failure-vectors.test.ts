// The node_failure cases of k8s-vectors.json, table-driven, each test named by its case id.
// Sources: pkg/controller/nodelifecycle (node_lifecycle_controller.go, config defaults),
// pkg/controller/tainteviction and plugin/pkg/admission/defaulttolerationseconds.
// Upstream moved --node-monitor-grace-period from 40s to 50s in 1.32 (kubernetes#126287);
// the engine uses 50s and the 40s timeline runs with that one timing overridden.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTolerationSeconds } from '../api/admission';
import type { Condition, KubeObject, Node, Taint, Toleration } from '../api/types';
import { node, pod, testCluster } from '../testing';
import { REAL_TIMINGS } from '../timings';
import { tryUpdateNodeHealth } from './nodehealth';
import { noScheduleTaintsFor } from './nodelifecycle';
import { TAINT_NOT_READY, TAINT_UNREACHABLE } from './taints';

interface Case {
  id: string;
  source: string;
  given: Record<string, any>;
  expect: Record<string, any>;
  derived?: boolean;
}

const VENDORED = resolve(__dirname, 'testdata/node-failure-vectors.json');
const vectors = JSON.parse(readFileSync(VENDORED, 'utf8')) as { cases: Case[] };
const byId = new Map(vectors.cases.map((c) => [c.id, c]));
const SHARED = resolve(process.cwd(), '../shared/k8s-vectors.json');

function cases(prefix: string): Case[] {
  return vectors.cases.filter((c) => c.id.startsWith(prefix));
}

describe('node_failure vectors', () => {
  it.skipIf(!existsSync(SHARED))('the vendored copy matches ../shared/k8s-vectors.json', () => {
    const shared = JSON.parse(readFileSync(SHARED, 'utf8'));
    expect(vectors.cases).toEqual(shared.topics.node_failure);
  });

  it('covers every case (each is run below)', () => {
    const run = ['node-lifecycle-defaults', 'ready-condition-unknown', 'ready-condition-never'];
    const prefixed = [...cases('default-toleration'), ...cases('taint-'), ...cases('eviction-timeline')];
    expect(new Set([...run, ...prefixed.map((c) => c.id)])).toEqual(new Set(byId.keys()));
  });

  it('node-lifecycle-defaults: grace 50s (>=v1.32), startup grace 60s, tolerationSeconds 300', () => {
    const e = byId.get('node-lifecycle-defaults')!.expect;
    expect(REAL_TIMINGS.nodeMonitorGracePeriodMs).toBe(e.nodeMonitorGracePeriodSeconds['>=v1.32'] * 1000);
    expect(REAL_TIMINGS.nodeStartupGracePeriodMs).toBe(e.nodeStartupGracePeriodSeconds * 1000);
    expect(REAL_TIMINGS.defaultTolerationSeconds).toBe(e.podEvictionTimeoutSeconds);
    expect(REAL_TIMINGS.nodeMonitorPeriodMs).toBe(5_000);
  });

  describe.each(cases('default-toleration'))('$id', (c) => {
    it('adds exactly the expected tolerations (DefaultTolerationSeconds admission)', () => {
      const given = c.given.podTolerations as Toleration[];
      const p = { kind: 'Pod', spec: { tolerations: structuredClone(given) } } as unknown as KubeObject;
      defaultTolerationSeconds(p, REAL_TIMINGS.defaultTolerationSeconds);
      expect(p.spec.tolerations.slice(given.length)).toEqual(c.expect.addedTolerations);
      expect(p.spec.tolerations.slice(0, given.length)).toEqual(given);
    });
  });

  const readyNode = (conditions: Condition[]): Node =>
    ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n', uid: 'u', resourceVersion: '1', creationTimestamp: '2026-01-01T09:00:00Z' },
      spec: {},
      status: { conditions },
    }) as unknown as Node;

  it('ready-condition-unknown: a silent kubelet past the grace period turns every monitored condition Unknown', () => {
    const e = byId.get('ready-condition-unknown')!.expect;
    const t = '2026-01-01T09:00:00Z';
    const conds = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map(
      (type): Condition => ({
        type,
        status: type === 'Ready' ? 'True' : 'False',
        lastHeartbeatTime: t,
        lastTransitionTime: t,
      }),
    );
    const n = readyNode(conds);
    const first = tryUpdateNodeHealth(n, undefined, undefined, 0, t, REAL_TIMINGS);
    const grace = REAL_TIMINGS.nodeMonitorGracePeriodMs;
    expect(tryUpdateNodeHealth(n, undefined, first.health, grace, t, REAL_TIMINGS).update).toBeUndefined();
    const r = tryUpdateNodeHealth(n, undefined, first.health, grace + 1, '2026-01-01T09:00:50Z', REAL_TIMINGS);
    const out = r.update!.status.conditions;
    expect(out.find((x) => x.type === 'Ready')).toMatchObject(e.Ready);
    for (const type of e.alsoSetUnknown) expect(out.find((x) => x.type === type)?.status).toBe('Unknown');
  });

  it('ready-condition-never: a node that never posted status gets NodeStatusNeverUpdated after the startup grace', () => {
    const e = byId.get('ready-condition-never')!.expect;
    const n = readyNode([]);
    const startup = REAL_TIMINGS.nodeStartupGracePeriodMs;
    const first = tryUpdateNodeHealth(n, undefined, undefined, 0, '2026-01-01T09:00:00Z', REAL_TIMINGS);
    expect(first.update).toBeUndefined();
    const r = tryUpdateNodeHealth(n, undefined, first.health, startup + 1, '2026-01-01T09:01:00Z', REAL_TIMINGS);
    expect(r.update!.status.conditions.find((x) => x.type === 'Ready')).toMatchObject(e.Ready);
  });

  describe.each(cases('taint-'))('$id', (c) => {
    it('the condition becomes the expected taints', () => {
      const { condition, status } = c.given;
      const n = readyNode([{ type: condition, status }]);
      expect(noScheduleTaintsFor(n)).toEqual([{ key: c.expect.noScheduleTaint, effect: 'NoSchedule' }]);
      if (!c.expect.noExecuteTaint) return;
      // The NoExecute side, end to end: a node reporting this Ready status gets the matching taint.
      const t = testCluster({ nodes: [node('n1')], heartbeats: true });
      const live = t.node('n1');
      const conditions = live.status.conditions.map((x) =>
        x.type === condition ? { ...x, status, lastHeartbeatTime: '2026-01-01T09:00:01Z' } : x,
      );
      // No kubelet may post over the status under test: the machine is off either way.
      t.kill('n1');
      if (status === 'False') t.core.api.updateStatus({ ...live, status: { ...live.status, conditions } });
      t.advance(status === 'False' ? '20s' : '2m');
      const noExecute = (t.node('n1').spec.taints ?? []).filter((x: Taint) => x.effect === 'NoExecute');
      expect(noExecute.map((x: Taint) => x.key)).toEqual([c.expect.noExecuteTaint]);
    });
  });

  describe.each(cases('eviction-timeline'))('$id', (c) => {
    const grace = c.given.nodeMonitorGracePeriodSeconds as number;
    it(`Ready=Unknown ~${grace}s after the kubelet stops, unreachable:NoExecute with it, pods deleted 300s later`, () => {
      const t = testCluster({
        nodes: [node('node-1'), node('node-2')],
        heartbeats: true,
        timingOverrides: { nodeMonitorGracePeriodMs: grace * 1000 },
      });
      // web: the default 300s tolerations; strict: tolerates `unreachable` only with a value the
      // taint does not have, so admission adds nothing and the taint is not tolerated at all.
      const strict: Toleration = { key: TAINT_UNREACHABLE, operator: 'Equal', value: 'x', effect: 'NoExecute' };
      t.apply(pod('web', { node: 'node-1' }), pod('strict', { node: 'node-1', tolerations: [strict] }));
      t.markReady('web').markReady('strict');
      t.advance('100s'); // a lease renewal has just happened
      const killedAt = t.now();
      t.kill('node-1');
      const seen: Record<string, number> = {};
      const mark = (what: string, yes: boolean) => {
        if (yes && seen[what] === undefined) seen[what] = (t.now() - killedAt) / 1000;
      };
      for (let s = 0; s < 500; s++) {
        t.advance('1s');
        const n = t.node('node-1');
        const ready = n.status.conditions.find((x) => x.type === 'Ready');
        mark('unknown', ready?.status === 'Unknown');
        mark(
          'taint',
          (n.spec.taints ?? []).some((x: Taint) => x.key === TAINT_UNREACHABLE && x.effect === 'NoExecute'),
        );
        const web = t.get('Pod', 'web');
        mark('webNotReady', web?.status.conditions.find((x: Condition) => x.type === 'Ready')?.status === 'False');
        mark('webDeleted', web?.metadata.deletionTimestamp !== undefined);
        mark('strictDeleted', t.get('Pod', 'strict')?.metadata.deletionTimestamp !== undefined);
      }
      // Unknown after the grace period, noticed within two monitor periods (one to observe the last
      // renewal, one to see it expire).
      expect(seen.unknown).toBeGreaterThan(grace);
      expect(seen.unknown).toBeLessThanOrEqual(grace + 10);
      expect(seen.webNotReady).toBe(seen.unknown);
      // The NoExecute taint follows on the next pass (the zone's limiter has its burst token).
      expect(seen.taint - seen.unknown).toBeLessThanOrEqual(5);
      // Not tolerated: deleted as soon as the taint appears.
      expect(seen.strictDeleted).toBe(seen.taint);
      // Default toleration: tolerationSeconds (300) after the taint.
      expect(seen.webDeleted - seen.taint).toBe(REAL_TIMINGS.defaultTolerationSeconds);
      const expected = Number(/~(\d+)/.exec(c.expect.podDeletedByTaintEvictionAtSeconds)![1]);
      expect(Math.abs(seen.webDeleted - expected)).toBeLessThanOrEqual(15);
      expect(t.pod('web').status.conditions).toContainEqual(
        expect.objectContaining({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager' }),
      );
      const evictions = t.events('TaintManagerEviction').filter((e) => e.metadata.namespace === 'default');
      expect(evictions.map((e) => e.message)).toEqual([
        'Marking for deletion Pod default/strict',
        'Marking for deletion Pod default/web',
      ]);
      // replacementPodCreatedBy is the ReplicaSet controller's part; nothing here recreates pods.
      expect(TAINT_NOT_READY).toBe('node.kubernetes.io/not-ready');
    });
  });
});
