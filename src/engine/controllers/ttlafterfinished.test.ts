// The TTL-after-finished controller, after pkg/controller/ttlafterfinished
// (ttlafterfinished_controller.go: processJob, timeLeft, jobFinishTime).
import { describe, expect, it } from 'vitest';
import type { Job } from '../api/workload-types';
import { fromTimestamp, toTimestamp } from '../sim/clock';
import { testCluster } from '../testing';
import { expireAt } from './ttlafterfinished';

const job = (ttl: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: short
spec:
${ttl}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "sleep 2"]
`;

function finishedJob(ttl: number | undefined, finishedAtMs: number, type = 'Complete'): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: toTimestamp(0) },
    spec: { ...(ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}), template: { spec: { containers: [] } } },
    status: { conditions: [{ type, status: 'True', lastTransitionTime: toTimestamp(finishedAtMs) }] },
  };
}

describe('TTL after finished', () => {
  it('expires at the finish time (Complete or Failed lastTransitionTime) plus the TTL', () => {
    expect(expireAt(finishedJob(100, 5_000))).toBe(105_000);
    expect(expireAt(finishedJob(0, 5_000, 'Failed'))).toBe(5_000);
    expect(expireAt(finishedJob(undefined, 5_000))).toBeUndefined();
    expect(expireAt(finishedJob(10, 5_000, 'SuccessCriteriaMet'))).toBeUndefined();
  });

  it('deletes the finished Job and its pods ttlSecondsAfterFinished later', () => {
    const t = testCluster().apply(job('  ttlSecondsAfterFinished: 30')).advance('20s');
    const done = t.get<Job>('Job', 'short') as Job;
    const finishedAt = fromTimestamp(
      done.status?.conditions?.find((c) => c.type === 'Complete')?.lastTransitionTime as string,
    );
    expect(t.list('Pod').filter((p) => p.metadata.labels?.['job-name'] === 'short')).toHaveLength(1);
    t.advance(finishedAt + 29_000 - t.now());
    expect(t.get('Job', 'short')).toBeDefined();
    t.advance('2s');
    expect(t.get('Job', 'short')).toBeUndefined();
    expect(t.list('Pod').filter((p) => p.metadata.labels?.['job-name'] === 'short')).toEqual([]);
  });

  it('leaves a Job without a TTL alone', () => {
    const t = testCluster().apply(job('  completions: 1')).advance('1h');
    expect(t.get('Job', 'short')).toBeDefined();
  });
});
