/** Test helpers for the network tests: Services and hand-written EndpointSlices (as a selectorless Service has). */
import type { KubeObject } from '../api/types';
import { testCluster } from '../testing';

export type T = ReturnType<typeof testCluster>;

export interface Ep {
  ip: string;
  node?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  hostname?: string;
  port?: number;
}

/** A Service without a selector (so no controller touches its slices), in the store as the API would keep it. */
export function service(t: T, name: string, spec: Record<string, unknown>, ns = 'default'): T {
  t.core.store.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { type: 'ClusterIP', ports: [{ name: 'http', port: 80, protocol: 'TCP' }], ...spec },
  } as unknown as KubeObject);
  return t;
}

/** One EndpointSlice of a Service, port named `http`. */
export function slice(t: T, svc: string, eps: Ep[], ns = 'default', suffix = 'abcde'): T {
  const port = eps[0]?.port ?? 8080;
  t.core.store.create({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${svc}-${suffix}`,
      namespace: ns,
      labels: { 'kubernetes.io/service-name': svc },
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    addressType: 'IPv4',
    ports: [{ name: 'http', port, protocol: 'TCP' }],
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      conditions: {
        ready: e.ready ?? true,
        serving: e.serving ?? e.ready ?? true,
        terminating: e.terminating ?? false,
      },
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.hostname ? { hostname: e.hostname } : {}),
    })),
  } as unknown as KubeObject);
  return t;
}

export function emptyCluster(): T {
  return testCluster({ nodes: 2 });
}
