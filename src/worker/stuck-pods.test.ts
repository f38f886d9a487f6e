// mirrors kubectl pkg/polymorphichelpers/rollout_status.go appendWarning: the first pod
// of the selector that is Unschedulable or waits in ImagePullBackOff, ErrImagePull,
// CrashLoopBackOff, CreateContainerConfigError or CreateContainerError.
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../engine/api/types';
import { testCluster } from '../engine/testing';
import { stuckPodNote } from './stuck-pods';
import { ViewBuilder } from './view';

function deployment(name: string, container: Record<string, unknown>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', ...container }] } },
    },
  };
}

const pods = (t: ReturnType<typeof testCluster>) => t.cluster.list('Pod') as Pod[];
const get = (t: ReturnType<typeof testCluster>, kind: string, name: string) =>
  t.cluster.get(kind, name, 'default') as KubeObject;

describe('stuckPodNote', () => {
  it('names the waiting reason of a pod whose image cannot be pulled', () => {
    const t = testCluster()
      .apply(deployment('broken', { image: 'nginx:no-such-tag' }))
      .advance('30s');
    expect(stuckPodNote(get(t, 'Deployment', 'broken'), pods(t))).toMatch(
      /^a pod is stuck in (ImagePullBackOff|ErrImagePull)$/,
    );
  });

  it("quotes the scheduler's message for a pod no node can take", () => {
    const big = { image: 'nginx:1.27', resources: { requests: { cpu: '64' } } };
    const t = testCluster().apply(deployment('huge', big)).advance('10s');
    expect(stuckPodNote(get(t, 'Deployment', 'huge'), pods(t))).toMatch(
      /^a pod cannot be scheduled: 0\/4 nodes are available: .*Insufficient cpu/,
    );
  });

  it('finds nothing for healthy pods, for pods of another selector, or without a selector', () => {
    const t = testCluster()
      .apply(deployment('fine', { image: 'nginx:1.27' }), deployment('broken', { image: 'nginx:no-such-tag' }))
      .advance('30s');
    expect(stuckPodNote(get(t, 'Deployment', 'fine'), pods(t))).toBeUndefined();
    const noSelector = { ...get(t, 'Deployment', 'fine'), spec: {} };
    expect(stuckPodNote(noSelector, pods(t))).toBeUndefined();
  });

  it('turns a rollout in progress into a warning row that says why', () => {
    const t = testCluster()
      .apply(deployment('broken', { image: 'nginx:no-such-tag' }))
      .advance('30s');
    const row = new ViewBuilder().build(t.cluster).workloads.find((w) => w.kind === 'Deployment');
    expect(row?.tone).toBe('warning');
    expect(row?.summary).toMatch(
      /^starting pods: 0 of 1 available; a pod is stuck in (ImagePullBackOff|ErrImagePull)$/,
    );
  });
});
