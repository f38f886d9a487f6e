/** Test helpers for the Endpoints and EndpointSlice controllers' tests. */
import type { KubeObject } from '../api/types';
import type { testCluster } from '../testing';

type T = ReturnType<typeof testCluster>;

/** A pod written straight into the store as a kubelet would have left it (bound to a node no kubelet runs). */
export function fakePod(
  t: T,
  name: string,
  o: {
    ip?: string;
    ready?: boolean;
    labels?: Record<string, string>;
    terminating?: boolean;
    phase?: string;
    ports?: object[];
  } = {},
): void {
  t.core.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: o.labels ?? { app: 'web' },
      uid: `uid-${name}`,
      resourceVersion: '',
      creationTimestamp: '',
      ...(o.terminating ? { deletionTimestamp: '2026-01-01T10:00:00Z', deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: { nodeName: 'ghost', containers: [{ name: 'app', image: 'nginx', ports: o.ports ?? [] }] },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.ip ? { podIP: o.ip, podIPs: [{ ip: o.ip }] } : {}),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  } as unknown as KubeObject);
  t.core.settle();
}

export function webService(t: T, spec: Record<string, unknown> = {}): T {
  return t
    .apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', labels: { tier: 'front' } },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec },
    })
    .advance(0);
}
