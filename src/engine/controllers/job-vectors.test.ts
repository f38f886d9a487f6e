// The job cases of k8s-vectors.json, table-driven, each test named by its case id.
// Sources: pkg/controller/job/job_controller_test.go (TestControllerSyncJob),
// pkg/apis/batch/v1/defaults.go (SetDefaults_Job) and job_controller.go's backoff
// constants. A sync case builds the Job and its pods in the store, then runs the Job
// controller's sync a few times with nothing else running (the upstream test calls
// syncJob against a fake clientset), counting the pods it creates and deletes.
//
// Current upstream sets the interim SuccessCriteriaMet / FailureTarget condition before
// Complete / Failed (JobPodReplacementPolicy and JobManagedBy are GA); the vectors list
// only the terminal condition, so conditions are matched as a subset. A Job that fails
// with running pods reaches Failed one sync after it terminated them (the pods must be
// gone first), which is why each case syncs until the status stops changing.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { Job } from '../api/workload-types';
import { createCluster } from '../index';
import { toTimestamp } from '../sim/clock';
import { createJobController, JOB_CONTROLLER } from './job';
import { backoffDelay, DEFAULT_POD_FAILURE_BACKOFF_MS, MAX_POD_FAILURE_BACKOFF_MS } from './job-backoff';
import { JOB_TRACKING_FINALIZER } from './job-conditions';
import { JOB_COMPLETION_INDEX } from './job-indexed';

interface Case {
  id: string;
  source: string;
  given: Record<string, any>;
  expect: Record<string, any>;
  derived?: boolean;
}

const VENDORED = resolve(__dirname, 'testdata/job-vectors.json');
const vectors = JSON.parse(readFileSync(VENDORED, 'utf8')) as { cases: Case[] };
const SHARED = resolve(process.cwd(), '../shared/k8s-vectors.json');

const syncCases = vectors.cases.filter((c) => c.given.pods !== undefined);
const defaultCases = vectors.cases.filter((c) => c.id.startsWith('job-defaults-'));
const backoffCases = vectors.cases.filter((c) => c.id.startsWith('job-pod-failure-backoff'));

function jobManifest(g: Record<string, any>): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'foobar', namespace: 'default' } as KubeObject['metadata'],
    spec: {
      parallelism: g.parallelism,
      ...(g.completions != null ? { completions: g.completions } : {}),
      backoffLimit: g.backoffLimit,
      ...(g.completionMode ? { completionMode: g.completionMode } : {}),
      template: {
        spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] },
      },
    },
  };
}

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** The pre-existing pods of a case: owned, tracked, created long ago (so no backoff is pending). */
function podsFor(g: Record<string, any>): { phase: Phase; ready?: boolean; index?: string }[] {
  const p = g.pods as Record<string, any>;
  if (p.byIndex) return (p.byIndex as [string, Phase][]).map(([index, phase]) => ({ index, phase }));
  const out: { phase: Phase; ready?: boolean }[] = [];
  for (let i = 0; i < (p.pending ?? 0); i++) out.push({ phase: 'Pending' });
  for (let i = 0; i < (p.active ?? 0); i++) out.push({ phase: 'Running', ready: i < (p.ready ?? 0) });
  for (let i = 0; i < (p.succeeded ?? 0); i++) out.push({ phase: 'Succeeded' });
  for (let i = 0; i < (p.failed ?? 0); i++) out.push({ phase: 'Failed' });
  return out;
}

function runSyncCase(c: Case, syncs = 3) {
  const cluster = createCluster();
  // Move on so "created at the cluster's start" is long enough ago for any backoff.
  cluster.advance(20 * 60_000);
  const core = cluster.core;
  const job = core.api.create(jobManifest(c.given)) as Job;
  const labels = job.spec.template.metadata?.labels ?? {};
  podsFor(c.given).forEach((p, i) => {
    const ready = p.ready ? [{ type: 'Ready', status: 'True' }] : [{ type: 'Ready', status: 'False' }];
    core.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `foobar-${i}`,
        namespace: 'default',
        creationTimestamp: toTimestamp(0),
        labels: { ...labels, ...(p.index ? { [JOB_COMPLETION_INDEX]: p.index } : {}) },
        ...(p.index ? { annotations: { [JOB_COMPLETION_INDEX]: p.index } } : {}),
        finalizers: [JOB_TRACKING_FINALIZER],
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: 'foobar',
            uid: job.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      } as KubeObject['metadata'],
      spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] },
      status: { phase: p.phase, conditions: ready },
    });
  });
  let creations = 0;
  let deletions = 0;
  core.store.watch((ev) => {
    if (ev.object.kind !== 'Pod') return;
    if (ev.type === 'ADDED') creations++;
    if (ev.type === 'MODIFIED' && ev.object.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp)
      deletions++;
    if (ev.type === 'DELETED' && !ev.old?.metadata.deletionTimestamp) deletions++;
  });
  const controller = createJobController();
  const ctx = core.context(JOB_CONTROLLER);
  for (let i = 0; i < syncs; i++) controller.reconcile('default/foobar', ctx);
  return { job: core.store.get('Job', 'default', 'foobar') as Job, creations, deletions };
}

describe('job vectors', () => {
  it.skipIf(!existsSync(SHARED))('the vendored copy matches ../shared/k8s-vectors.json', () => {
    const shared = JSON.parse(readFileSync(SHARED, 'utf8'));
    expect(vectors.cases).toEqual(shared.topics.job);
  });

  it('covers every case (each is run below)', () => {
    expect(syncCases.length + defaultCases.length + backoffCases.length).toBe(vectors.cases.length);
  });

  describe('TestControllerSyncJob', () => {
    for (const c of syncCases) {
      it(`${c.id}: ${c.source.replace(/^.*\((.*)\)$/, '$1')}`, () => {
        const { job, creations, deletions } = runSyncCase(c);
        const e = c.expect;
        const status = job.status ?? {};
        if (e.creations !== undefined) expect(creations, 'creations').toBe(e.creations);
        if (e.deletions !== undefined) expect(deletions, 'deletions').toBe(e.deletions);
        if (e.active !== undefined) expect(status.active ?? 0, 'active').toBe(e.active);
        if (e.ready !== undefined) expect(status.ready ?? 0, 'ready').toBe(e.ready);
        if (e.succeeded !== undefined) expect(status.succeeded ?? 0, 'succeeded').toBe(e.succeeded);
        if (e.failed !== undefined) expect(status.failed ?? 0, 'failed').toBe(e.failed);
        if (e.completedIndexes !== undefined) expect(status.completedIndexes ?? '').toBe(e.completedIndexes);
        if (e.conditions)
          expect(status.conditions).toEqual(
            expect.arrayContaining(e.conditions.map((x: object) => expect.objectContaining(x))),
          );
        else expect((status.conditions ?? []).filter((x) => x.type === 'Complete' || x.type === 'Failed')).toEqual([]);
      });
    }
  });

  describe('SetDefaults_Job', () => {
    for (const c of defaultCases) {
      it(`${c.id}: ${c.source}`, () => {
        const cluster = createCluster();
        const g = c.given;
        const manifest = jobManifest({
          parallelism: g.parallelism ?? undefined,
          completions: g.completions,
          backoffLimit: g.backoffLimit ?? undefined,
        });
        const spec = (cluster.core.api.create(manifest) as Job).spec;
        for (const [k, v] of Object.entries(c.expect)) {
          expect((spec as unknown as Record<string, unknown>)[k] ?? null, k).toEqual(v);
        }
      });
    }
  });

  describe('pod failure backoff', () => {
    for (const c of backoffCases) {
      it(`${c.id}: ${c.source}`, () => {
        if (c.expect.initialSeconds !== undefined) {
          expect(DEFAULT_POD_FAILURE_BACKOFF_MS).toBe(c.expect.initialSeconds * 1000);
          expect(MAX_POD_FAILURE_BACKOFF_MS).toBe(c.expect.maxSeconds * 1000);
        } else {
          const got = (c.given.consecutiveFailures as number[]).map((n) => backoffDelay(n) / 1000);
          expect(got).toEqual(c.expect.delaySeconds);
        }
      });
    }
  });

  it('MaxUncountedPods: one sync counts at most 500 finished pods; the next counts the rest and completes', () => {
    const c: Case = {
      id: 'max-uncounted',
      source: 'job_controller.go MaxUncountedPods',
      given: { parallelism: 1, completions: 600, backoffLimit: 6, pods: { succeeded: 600 } },
      expect: {},
    };
    const once = runSyncCase(c, 1).job;
    expect(once.status?.succeeded).toBe(500);
    expect(once.status?.conditions?.some((x) => x.type === 'Complete')).toBe(false);
    const twice = runSyncCase(c, 2).job;
    expect(twice.status?.succeeded).toBe(600);
    expect(twice.status?.conditions?.find((x) => x.type === 'Complete')?.status).toBe('True');
  });
});
