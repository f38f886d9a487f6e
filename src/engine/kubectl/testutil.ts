/**
 * Test helpers: pods and nodes whose status a test sets directly, so kubectl's
 * printing is checked without depending on the kubelet or the scheduler.
 */
import type { KubeObject, Pod } from '../api/types';
import { type Cluster, createCluster } from '../index';
import { toTimestamp } from '../sim/clock';

export function quietCluster(nodes = 2): Cluster {
  return createCluster({ nodes });
}

/** Moves the clock without running controllers, so nothing rewrites what a test set. */
export function at(c: Cluster, ms: number): void {
  c.core.clock.set(ms);
}

export const ts = (ms: number) => toTimestamp(ms);

export function makePod(
  c: Cluster,
  name: string,
  opts: { spec?: any; status?: any; labels?: Record<string, string>; namespace?: string } = {},
): Pod {
  const created = c.core.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', labels: opts.labels } as KubeObject['metadata'],
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...(opts.spec ?? {}) },
  } as KubeObject);
  if (!opts.status) return created as Pod;
  return c.core.api.updateStatus({ ...created, status: opts.status }) as Pod;
}

export function running(name = 'app', extra: Record<string, unknown> = {}) {
  return {
    name,
    state: { running: { startedAt: ts(5000) } },
    lastState: {},
    ready: true,
    started: true,
    restartCount: 0,
    image: 'docker.io/library/nginx:1.27',
    imageID: 'docker.io/library/nginx@sha256:0000',
    containerID: `containerd://${name}`,
    ...extra,
  };
}

export function waiting(reason: string, name = 'app', extra: Record<string, unknown> = {}) {
  return { ...running(name), state: { waiting: { reason } }, ready: false, started: false, ...extra };
}

export function terminated(reason: string, exitCode: number, name = 'app', extra: Record<string, unknown> = {}) {
  return {
    ...running(name),
    state: { terminated: { reason, exitCode, startedAt: ts(1000), finishedAt: ts(2000) } },
    ready: false,
    started: false,
    ...extra,
  };
}

export function kubectl(c: Cluster, line: string, stdin?: string) {
  return c.kubectl(line, stdin);
}
