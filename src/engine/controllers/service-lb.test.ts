// The stand-in cloud's service controller. Mirrors k8s.io/cloud-provider
// controllers/service (syncLoadBalancerIfNeeded's EnsuringLoadBalancer /
// EnsuredLoadBalancer events, DeletingLoadBalancer / DeletedLoadBalancer when the type
// changes, loadBalancerClass left to its own controller) and kubectl's EXTERNAL-IP.
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/network-types';
import { testCluster } from '../testing';

function lb(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...spec },
  };
}

const ingress = (t: ReturnType<typeof testCluster>, name: string) =>
  t.get<Service>('service', name)?.status?.loadBalancer?.ingress;

describe('service-lb-controller', () => {
  it('<pending>, then an address from 203.0.113.0/24 a few seconds later, with the events', () => {
    const t = testCluster().apply(lb('web')).advance('1s');
    expect(t.run('kubectl get svc web').stdout.split('\n')[1].split(/\s+/)[3]).toBe('<pending>');
    expect(t.events('EnsuringLoadBalancer').map((e) => [e.message, e.source?.component])).toEqual([
      ['Ensuring load balancer', 'service-controller'],
    ]);
    t.advance('3s');
    expect(ingress(t, 'web')).toEqual([{ ip: '203.0.113.1', ipMode: 'VIP' }]);
    expect(t.run('kubectl get svc web').stdout.split('\n')[1].split(/\s+/)[3]).toBe('203.0.113.1');
    expect(t.events('EnsuredLoadBalancer').map((e) => e.message)).toEqual(['Ensured load balancer']);
  });

  it('addresses are unique; spec.loadBalancerIP is honoured when free', () => {
    const t = testCluster()
      .apply(lb('a'), lb('b'), lb('c', { loadBalancerIP: '203.0.113.77' }))
      .advance('5s');
    expect(['a', 'b', 'c'].map((n) => ingress(t, n)?.[0].ip)).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.77']);
  });

  it('changing the type away from LoadBalancer removes the address', () => {
    const t = testCluster().apply(lb('web')).advance('5s');
    t.apply({ ...lb('web'), spec: { ...lb('web').spec, type: 'ClusterIP' } }).advance('1s');
    expect(ingress(t, 'web')).toBeUndefined();
    expect(t.events('DeletedLoadBalancer')).toHaveLength(1);
  });

  it('a Service with loadBalancerClass is not ours', () => {
    const t = testCluster()
      .apply(lb('web', { loadBalancerClass: 'example.com/lb' }))
      .advance('10s');
    expect(ingress(t, 'web')).toBeUndefined();
    expect(t.events('EnsuringLoadBalancer')).toHaveLength(0);
  });
});
