// mirrors pkg/controller/deployment/progress_test.go (TestSyncRolloutStatus,
// TestRequeueStuckDeployment): the Progressing condition a sync writes, and when a
// rollout that made no progress is looked at again.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import { fromTimestamp } from '../sim/clock';
import { type DeploymentCondition, getDeploymentCondition, PROGRESSING, REASONS } from './deployment-conditions';
import { requeueStuckDeployment, syncRolloutStatus } from './deployment-progress';
import { FakeDeploymentOps, newRS } from './deployment-testing';
import { MAX_INT32 } from './deployment-util';

const TEST_TIME = '2017-02-15T18:49:00Z';

/** currentDeployment: Recreate, the given status counts and conditions. */
function currentDeployment(
  pds: number | undefined,
  replicas: number,
  statusReplicas: number,
  updated: number,
  available: number,
  conditions?: DeploymentCondition[],
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'progress-test',
      namespace: 'default',
      uid: 'd-uid',
      resourceVersion: '1',
      creationTimestamp: '2017-02-15T18:00:00Z',
    },
    spec: {
      replicas,
      ...(pds === undefined ? {} : { progressDeadlineSeconds: pds }),
      selector: { matchLabels: { foo: 'bar' } },
      template: {
        metadata: { labels: { foo: 'bar' } },
        spec: { containers: [] },
      } as unknown as Deployment['spec']['template'],
      strategy: { type: 'Recreate' },
    },
    status: {
      replicas: statusReplicas,
      updatedReplicas: updated,
      availableReplicas: available,
      ...(conditions ? { conditions: structuredClone(conditions) } : {}),
    },
  };
}

/** newRSWithAvailable */
const rsWith = (name: string, spec: number, statusReplicas: number, available: number): ReplicaSet =>
  newRS(name, spec, { statusReplicas, available });

const failedTimedOut: DeploymentCondition = { type: PROGRESSING, status: 'False', reason: REASONS.timedOut };
const newRSAvailable: DeploymentCondition = {
  type: PROGRESSING,
  status: 'True',
  reason: REASONS.newRSAvailable,
  lastUpdateTime: TEST_TIME,
  lastTransitionTime: TEST_TIME,
};
const replicaSetUpdated: DeploymentCondition = {
  type: PROGRESSING,
  status: 'True',
  reason: REASONS.replicaSetUpdated,
  lastUpdateTime: TEST_TIME,
  lastTransitionTime: TEST_TIME,
};

interface SyncCase {
  name: string;
  d: Deployment;
  allRSs: ReplicaSet[];
  newRS?: ReplicaSet;
  /** undefined: no Progressing condition expected */
  expect?: { status: 'True' | 'False'; reason: string };
  keepsLastUpdate?: boolean;
  keepsLastTransition?: boolean;
}

const syncCases: SyncCase[] = [
  {
    name: 'General: remove Progressing condition and do not estimate progress if deployment has no Progress Deadline',
    d: currentDeployment(undefined, 3, 2, 2, 2, [replicaSetUpdated]),
    allRSs: [rsWith('bar', 0, 1, 1)],
    newRS: rsWith('foo', 3, 2, 2),
  },
  {
    name: 'General: do not estimate progress of deployment with only one active ReplicaSet',
    d: currentDeployment(60, 3, 3, 3, 3, [newRSAvailable]),
    allRSs: [rsWith('bar', 3, 3, 3)],
    expect: { status: 'True', reason: REASONS.newRSAvailable },
    keepsLastUpdate: true,
    keepsLastTransition: true,
  },
  {
    name: 'DeploymentProgressing: dont update lastTransitionTime if deployment already has Progressing=True',
    d: currentDeployment(60, 3, 2, 2, 2, [replicaSetUpdated]),
    allRSs: [rsWith('bar', 0, 1, 1)],
    newRS: rsWith('foo', 3, 2, 2),
    expect: { status: 'True', reason: REASONS.replicaSetUpdated },
    keepsLastTransition: true,
  },
  {
    name: 'DeploymentProgressing: update everything if deployment has Progressing=False',
    d: currentDeployment(60, 3, 2, 2, 2, [failedTimedOut]),
    allRSs: [rsWith('bar', 0, 1, 1)],
    newRS: rsWith('foo', 3, 2, 2),
    expect: { status: 'True', reason: REASONS.replicaSetUpdated },
  },
  {
    name: 'DeploymentProgressing: create Progressing condition if it does not exist',
    d: currentDeployment(60, 3, 2, 2, 2, []),
    allRSs: [rsWith('bar', 0, 1, 1)],
    newRS: rsWith('foo', 3, 2, 2),
    expect: { status: 'True', reason: REASONS.replicaSetUpdated },
  },
  {
    name: 'DeploymentComplete: dont update lastTransitionTime if deployment already has Progressing=True',
    d: currentDeployment(60, 3, 3, 3, 3, [replicaSetUpdated]),
    allRSs: [],
    newRS: rsWith('foo', 3, 3, 3),
    expect: { status: 'True', reason: REASONS.newRSAvailable },
    keepsLastTransition: true,
  },
  {
    name: 'DeploymentComplete: update everything if deployment has Progressing=False',
    d: currentDeployment(60, 3, 3, 3, 3, [failedTimedOut]),
    allRSs: [],
    newRS: rsWith('foo', 3, 3, 3),
    expect: { status: 'True', reason: REASONS.newRSAvailable },
  },
  {
    name: 'DeploymentComplete: create Progressing condition if it does not exist',
    d: currentDeployment(60, 3, 3, 3, 3, []),
    allRSs: [],
    newRS: rsWith('foo', 3, 3, 3),
    expect: { status: 'True', reason: REASONS.newRSAvailable },
  },
  {
    name: 'DeploymentComplete: defend against NPE when newRS=nil',
    d: currentDeployment(60, 0, 3, 3, 3, [replicaSetUpdated]),
    allRSs: [rsWith('foo', 0, 0, 0)],
    expect: { status: 'True', reason: REASONS.newRSAvailable },
  },
  {
    name: 'DeploymentTimedOut: update status if rollout exceeds Progress Deadline',
    d: currentDeployment(60, 3, 2, 2, 2, [replicaSetUpdated]),
    allRSs: [],
    newRS: rsWith('foo', 3, 2, 2),
    expect: { status: 'False', reason: REASONS.timedOut },
  },
  {
    name: 'DeploymentTimedOut: do not update status if deployment has existing timedOut condition',
    d: currentDeployment(60, 3, 2, 2, 2, [failedTimedOut]),
    allRSs: [],
    newRS: rsWith('foo', 3, 2, 2),
    expect: { status: 'False', reason: REASONS.timedOut },
  },
];

describe('syncRolloutStatus (TestSyncRolloutStatus)', () => {
  // Upstream runs these at the wall clock, long after TEST_TIME: a 60s deadline has passed.
  const now = fromTimestamp('2017-02-15T19:00:00Z');

  it.each(syncCases)('$name', (c) => {
    const ops = new FakeDeploymentOps(now);
    const allRSs = c.newRS ? [...c.allRSs, c.newRS] : c.allRSs;
    const before = structuredClone(getDeploymentCondition(c.d.status, PROGRESSING));
    syncRolloutStatus(ops, allRSs, c.newRS, c.d);
    const cond = getDeploymentCondition(c.d.status, PROGRESSING);
    if (!c.expect) {
      expect(cond).toBeUndefined();
      return;
    }
    expect(cond).toMatchObject(c.expect);
    if (c.keepsLastUpdate) expect(cond?.lastUpdateTime).toBe(TEST_TIME);
    if (c.keepsLastTransition) expect(cond?.lastTransitionTime).toBe(TEST_TIME);
    // A timed-out rollout that is still stuck keeps its condition exactly as it was.
    if (before?.reason === REASONS.timedOut && c.expect.reason === REASONS.timedOut) expect(cond).toEqual(before);
  });

  it('the messages name the new ReplicaSet, or the deployment when there is none', () => {
    const progressing = currentDeployment(60, 3, 2, 2, 2, []);
    const foo = rsWith('foo', 3, 2, 2);
    syncRolloutStatus(new FakeDeploymentOps(now), [rsWith('bar', 0, 1, 1), foo], foo, progressing);
    expect(getDeploymentCondition(progressing.status, PROGRESSING)?.message).toBe('ReplicaSet "foo" is progressing.');
    const done = currentDeployment(60, 0, 3, 3, 3, [replicaSetUpdated]);
    syncRolloutStatus(new FakeDeploymentOps(now), [rsWith('foo', 0, 0, 0)], undefined, done);
    expect(getDeploymentCondition(done.status, PROGRESSING)?.message).toBe(
      'Deployment "progress-test" has successfully progressed.',
    );
    const stuck = currentDeployment(60, 3, 2, 2, 2, [replicaSetUpdated]);
    syncRolloutStatus(new FakeDeploymentOps(now), [rsWith('foo', 3, 2, 2)], rsWith('foo', 3, 2, 2), stuck);
    expect(getDeploymentCondition(stuck.status, PROGRESSING)?.message).toBe(
      'ReplicaSet "foo" has timed out progressing.',
    );
  });
});

describe('requeueStuckDeployment (TestRequeueStuckDeployment)', () => {
  const stuck: DeploymentCondition[] = [{ type: PROGRESSING, status: 'True', lastUpdateTime: TEST_TIME }];
  const status = (replicas: number, updated: number, available: number) => ({
    replicas,
    updatedReplicas: updated,
    availableReplicas: available,
  });
  const at = (ts: string) => fromTimestamp(ts);

  it.each([
    ['nil progressDeadlineSeconds specified', currentDeployment(undefined, 4, 3, 3, 2), status(3, 3, 2)],
    ['infinite progressDeadlineSeconds specified', currentDeployment(MAX_INT32, 4, 3, 3, 2), status(3, 3, 2)],
    ['no progressing condition found', currentDeployment(60, 4, 3, 3, 2), status(3, 3, 2)],
    ['complete deployment does not need to be requeued', currentDeployment(60, 3, 3, 3, 3), status(3, 3, 3)],
    [
      'already failed deployment does not need to be requeued',
      currentDeployment(60, 3, 3, 3, 0, [{ type: PROGRESSING, status: 'False', reason: REASONS.timedOut }]),
      status(3, 3, 0),
    ],
  ])('%s: no requeue', (_name, d, next) => {
    expect(requeueStuckDeployment(d, next, at('2017-02-15T18:49:30Z'))).toBeUndefined();
  });

  it('a stuck rollout is looked at again once its deadline has passed', () => {
    const d = currentDeployment(60, 3, 3, 3, 1, stuck);
    const delay = (now: string) => requeueStuckDeployment(d, status(3, 3, 1), at(now));
    // 30s and 1s before the deadline: then, and no sooner.
    expect(delay('2017-02-15T18:49:30Z')).toBeGreaterThan(30_000);
    expect(delay('2017-02-15T18:49:59Z')).toBeGreaterThan(1_000);
    // At or past the deadline: at once.
    for (const now of ['2017-02-15T18:50:00Z', '2017-02-15T18:50:01Z', '2017-02-15T18:51:00Z']) {
      expect(delay(now)).toBeLessThanOrEqual(1_000);
    }
  });

  // progress.go requeueStuckDeployment: `dc.enqueueAfter(d, after+time.Second)` ("add a
  // second to avoid milliseconds skew"), and under a second left it requeues at once
  // (rate limited). Here the check comes 1ms after the deadline instead.
  it('the check is queued one second after the deadline, as upstream does', () => {
    const d = currentDeployment(60, 3, 3, 3, 1, stuck);
    expect(requeueStuckDeployment(d, status(3, 3, 1), at('2017-02-15T18:49:30Z'))).toBe(31_000);
    expect(requeueStuckDeployment(d, status(3, 3, 1), at('2017-02-15T18:49:59Z'))).toBe(2_000);
  });
});
