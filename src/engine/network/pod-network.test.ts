// The pod network's delivery rules: who answers an address, how a connection fails,
// the kube-proxy mode as a cluster option carried by snapshots, and clients from
// outside the cluster (externalTrafficPolicy).
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/network-types';
import type { Pod } from '../api/types';
import { restoreTestCluster, testCluster } from '../testing';
import { connect, podNetwork } from './pod-network';

const WEB = (replicas: number, svc: Record<string, unknown> = {}) => [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'docker.io/playground/web', ports: [{ containerPort: 8080 }] }] },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...svc },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'client' },
    spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '1d'] }] },
  },
];

const servedBy = (r: unknown) =>
  typeof r === 'object' && r !== null ? /Served by pod (\S+)/.exec((r as { body: string }).body)?.[1] : r;

describe('podNetwork', () => {
  it('a pod address: answered by the container listening there; another port is refused', () => {
    const t = testCluster({ nodes: 2 })
      .apply(...WEB(1))
      .advance('40s');
    const net = podNetwork(t.core, t.pod('default/client'));
    const web = t.list<Pod>('Pod').find((p) => p.metadata.labels?.app === 'web') as Pod;
    expect(servedBy(net?.http?.(web.status?.podIP as string, 8080, '/'))).toBe(web.metadata.name);
    expect(net?.http?.(web.status?.podIP as string, 9999, '/')).toBe('connection refused');
    expect(net?.http?.('10.244.9.9', 80, '/')).toBe('timeout');
    expect(net?.http?.('nosuch', 80, '/')).toBe('unknown host');
    expect(net?.reverse?.(t.get<Service>('service', 'web')?.spec.clusterIP as string)).toBe(
      'web.default.svc.cluster.local',
    );
  });

  it('no network for a pod without a sandbox', () => {
    const t = testCluster({ nodes: 1 }).apply(...WEB(1));
    expect(podNetwork(t.core, t.pod('default/client'))).toBeUndefined();
  });

  it('kubeProxyMode ipvs: round robin across the endpoints, continued after a snapshot round trip', () => {
    const t = testCluster({ nodes: 3, kubeProxyMode: 'ipvs' })
      .apply(...WEB(3))
      .advance('60s');
    expect(t.snapshot().options.kubeProxyMode).toBe('ipvs');
    const ask = (c: typeof t) => servedBy(podNetwork(c.core, c.pod('default/client'))?.http?.('web', 80, '/'));
    const names = [ask(t), ask(t), ask(t)];
    expect(new Set(names).size).toBe(3);
    const r = restoreTestCluster(t.snapshot());
    expect([ask(r), ask(r), ask(r)]).toEqual(names);
  });

  it('from outside the cluster: NodePort with externalTrafficPolicy Local answers only on nodes with an endpoint', () => {
    const t = testCluster({ nodes: 2 })
      .apply(...WEB(1, { type: 'NodePort', externalTrafficPolicy: 'Local' }))
      .advance('40s');
    const web = t.list<Pod>('Pod').find((p) => p.metadata.labels?.app === 'web') as Pod;
    const port = t.get<Service>('service', 'web')?.spec.ports?.[0].nodePort as number;
    const nodeIP = (name: string) =>
      t.node(name).status?.addresses?.find((a) => a.type === 'InternalIP')?.address as string;
    const other = ['node-1', 'node-2'].find((n) => n !== web.spec.nodeName) as string;
    const outside = { ip: '198.51.100.7', node: '', inside: false };
    expect(servedBy(connect(t.core, outside, nodeIP(web.spec.nodeName as string), port, '/'))).toBe(web.metadata.name);
    expect(connect(t.core, outside, nodeIP(other), port, '/')).toBe('timeout');
    t.advance('1s');
    expect(t.run(`kubectl logs ${web.metadata.name}`).stdout).toContain('198.51.100.7 GET / 200');
  });
});
