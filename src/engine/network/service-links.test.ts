// Service environment variables (pkg/kubelet/envvars FromServices and
// kubelet_pods.go getServiceEnvVarMap): FOO_SERVICE_HOST, FOO_SERVICE_PORT(_NAME) and the
// Docker-link FOO_PORT_* variables for the Services of the pod's namespace that existed
// when the container started; `kubernetes` from default always; none of the others with
// enableServiceLinks: false. kubernetes.io "Service" → Environment variables.
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/network-types';
import { testCluster } from '../testing';

const SVC = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'redis-primary' },
  spec: { selector: { app: 'redis' }, ports: [{ name: 'redis', port: 6379 }] },
};

function client(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '1d'] }], ...spec },
  };
}

function env(t: ReturnType<typeof testCluster>, pod: string): Record<string, string> {
  const out = t.run(`kubectl exec ${pod} -- env`).stdout;
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

describe('service links', () => {
  it('a container sees the Services that existed when it started', () => {
    const t = testCluster().apply(SVC).advance('1s').apply(client('a')).advance('30s');
    const ip = t.get<Service>('service', 'redis-primary')?.spec.clusterIP as string;
    expect(env(t, 'a')).toMatchObject({
      REDIS_PRIMARY_SERVICE_HOST: ip,
      REDIS_PRIMARY_SERVICE_PORT: '6379',
      REDIS_PRIMARY_SERVICE_PORT_REDIS: '6379',
      REDIS_PRIMARY_PORT: `tcp://${ip}:6379`,
      REDIS_PRIMARY_PORT_6379_TCP: `tcp://${ip}:6379`,
      REDIS_PRIMARY_PORT_6379_TCP_PROTO: 'tcp',
      REDIS_PRIMARY_PORT_6379_TCP_PORT: '6379',
      REDIS_PRIMARY_PORT_6379_TCP_ADDR: ip,
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
    });
  });

  it('a Service created later is not in a running container’s environment', () => {
    const t = testCluster().apply(client('a')).advance('30s').apply(SVC).advance('5s');
    expect(env(t, 'a').REDIS_PRIMARY_SERVICE_HOST).toBeUndefined();
    expect(env(t, 'a').KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  });

  it('enableServiceLinks: false keeps only the kubernetes Service; headless Services have none', () => {
    const t = testCluster()
      .apply(SVC, { ...SVC, metadata: { name: 'headless' }, spec: { ...SVC.spec, clusterIP: 'None' } })
      .advance('1s')
      .apply(client('a', { enableServiceLinks: false }), client('b'))
      .advance('30s');
    const a = env(t, 'a');
    expect(Object.keys(a).filter((k) => k.includes('_SERVICE_HOST'))).toEqual(['KUBERNETES_SERVICE_HOST']);
    expect(env(t, 'b').HEADLESS_SERVICE_HOST).toBeUndefined();
    expect(env(t, 'b').REDIS_PRIMARY_SERVICE_HOST).toBeDefined();
  });
});
