/**
 * mirrors pkg/controller/replicaset/replica_set_test.go TestSlowStartBatch and
 * pkg/controller/controller_utils_test.go TestCreatePodsWithGenerateName /
 * GetPodFromTemplate.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { getPodFromTemplate, slowStartBatch } from './podcontrol';

describe('slowStartBatch (TestSlowStartBatch)', () => {
  // The upstream table: count 10, initial batch 1; calls made and successes.
  it.each([
    ['callback always succeed', 10, -1, 10, 10],
    ['callback always fail', 10, 0, 1, 0],
    ['callback succeed after 6 successful calls', 10, 6, 7, 6],
  ])('%s', (_name, count, failAfter, wantCalls, wantSuccesses) => {
    let calls = 0;
    const r = slowStartBatch(count, 1, () => {
      calls++;
      return failAfter >= 0 && calls > failAfter ? 'fail' : undefined;
    });
    expect(calls).toBe(wantCalls);
    expect(r.successes).toBe(wantSuccesses);
    expect(r.error).toBe(wantSuccesses === count ? undefined : 'fail');
  });

  it('grows the batches 1, 2, 4, then the rest', () => {
    const sizes: number[] = [];
    let inBatch = 0;
    let calls = 0;
    // 7 successes then a failure: batches 1+2+4 succeed, the 4th batch (3) fails at its first call
    const r = slowStartBatch(10, 1, () => {
      calls++;
      inBatch++;
      if (calls === 1 || calls === 3 || calls === 7 || calls === 10) {
        sizes.push(inBatch);
        inBatch = 0;
      }
      return calls === 8 ? 'quota' : undefined;
    });
    expect(sizes).toEqual([1, 2, 4, 3]);
    expect(r).toEqual({ successes: 9, error: 'quota' });
  });
});

describe('getPodFromTemplate', () => {
  const owner = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'prod', uid: 'u1' },
  } as unknown as KubeObject;

  it('copies labels, annotations, finalizers and spec; names the pod <owner>-', () => {
    const template = {
      metadata: { labels: { app: 'web' }, annotations: { a: 'b' }, finalizers: ['f'], name: 'ignored' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    };
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u1', controller: true };
    const pod = getPodFromTemplate(template, owner, ref);
    expect(pod.metadata).toEqual({
      generateName: 'web-',
      namespace: 'prod',
      labels: { app: 'web' },
      annotations: { a: 'b' },
      finalizers: ['f'],
      ownerReferences: [ref],
    });
    expect(pod.spec).toEqual(template.spec);
    pod.spec.containers[0].image = 'changed';
    expect(template.spec.containers[0].image).toBe('nginx');
  });
});
