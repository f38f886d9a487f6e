// The service_networking cases of k8s-vectors.json, and the Service one of
// validation_messages, table-driven, each test named by its case id.
// Sources: pkg/kubeapiserver/options, cmd/kubeadm defaults, pkg/controller/endpoint,
// pkg/apis/core/validation (see each case's `source`).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Endpoints, Service } from '../api/network-types';
import { NODE_PORT_MAX, NODE_PORT_MIN, SERVICE_CIDR } from '../api/service-alloc';
import type { Node, Pod } from '../api/types';
import { fakePod, webService } from '../controllers/endpoint-testing';
import { Rng } from '../sim/rng';
import { pod, testCluster } from '../testing';
import { CLUSTER_DOMAIN, resolve as resolveName } from './dns';
import { newProxyState, routeClusterIP } from './kube-proxy';
import { podResolvConf } from './resolv-conf';

interface Case {
  id: string;
  source: string;
  given: Record<string, any>;
  expect: Record<string, any>;
  derived?: boolean;
}

const VENDORED = resolve(__dirname, 'testdata/service-vectors.json');
const vectors = JSON.parse(readFileSync(VENDORED, 'utf8')) as Record<string, Case[]>;
const SHARED = resolve(process.cwd(), '../shared/k8s-vectors.json');
const all = [...vectors.service_networking, ...vectors.validation_messages];
const byId = new Map(all.map((c) => [c.id, c]));
const c = (id: string): Case => byId.get(id) as Case;

const run: Record<string, (k: Case) => void> = {
  'nodeport-range': (k) => {
    expect(`${NODE_PORT_MIN}-${NODE_PORT_MAX}`).toBe(k.expect.nodePortRange);
    expect(NODE_PORT_MAX - NODE_PORT_MIN + 1).toBe(2768);
  },
  'service-cidr-kubeadm-default': (k) => {
    expect(SERVICE_CIDR).toBe(k.expect.serviceSubnet);
    const t = testCluster();
    expect(t.get<Service>('service', 'kube-system/kube-dns')?.spec.clusterIP).toBe(k.expect.clusterDNSIP);
    expect(t.get<Service>('service', 'kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
  },
  'pod-cidr-per-node': () => {
    const t = testCluster({ nodes: 2 });
    const cidrs = t.list<Node>('Node').map((n) => n.spec?.podCIDR);
    for (const cidr of cidrs) expect(cidr).toMatch(/^10\.244\.\d+\.0\/24$/);
    expect(new Set(cidrs).size).toBe(cidrs.length);
  },
  'dns-policy-default': (k) => {
    const t = testCluster().apply(pod('p'));
    expect(t.get<Pod>('pod', 'p')?.spec?.dnsPolicy).toBe(k.expect.dnsPolicy);
  },
  'endpoints-readyTrue-publishNotReadyFalse': (k) => endpointsCase(k),
  'endpoints-readyFalse-publishNotReadyFalse': (k) => endpointsCase(k),
  'endpoints-readyFalse-publishNotReadyTrue': (k) => endpointsCase(k),
  'svc-dns-name': (k) => svcDnsName(k),
  'pod-hostname-subdomain-dns': (k) => {
    expect(podHostnameDns(k, true, false)).toHaveLength(1);
    expect(podHostnameDns(k, false, false)).toBeUndefined();
    expect(podHostnameDns(k, false, true)).toHaveLength(1);
  },
  'service-name-dns1035': (k) => {
    const r = testCluster().tryApply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: k.given.name },
      spec: { ports: [{ port: 80 }] },
    });
    expect(r.errors.map((e) => e.message).join('\n')).toContain(
      `${k.expect.field}: Invalid value: "${k.given.name}": ${k.expect.detail}`,
    );
  },
};

/** A resolv.conf as the kubelet writes it for a ClusterFirst pod in `ns`. */
const clusterFirst = (ns: string) => podResolvConf({ metadata: { name: 'p', namespace: ns }, spec: {} } as Pod);

function svcDnsName(k: Case): void {
  const { service, namespace, clusterDomain } = k.given;
  const t = testCluster()
    .apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } })
    .apply({ ...pod('a', { labels: { app: service } }), metadata: { name: 'a', namespace, labels: { app: service } } })
    .apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service, namespace },
      spec: { selector: { app: service }, ports: [{ port: 80 }] },
    })
    .apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `${service}-headless`, namespace },
      spec: { clusterIP: 'None', selector: { app: service }, ports: [{ port: 80 }] },
    })
    .advance('30s');
  expect(CLUSTER_DOMAIN).toBe(clusterDomain);
  const ip = t.get<Service>('service', `${namespace}/${service}`)?.spec.clusterIP;
  const same = resolveName(t.core.store, k.expect.fromSameNamespace, clusterFirst(namespace));
  expect(same).toEqual({ fqdn: k.expect.fqdn, addresses: [ip] });
  expect(resolveName(t.core.store, k.expect.fromOtherNamespace, clusterFirst('default'))).toEqual(same);
  expect(resolveName(t.core.store, k.expect.fromSameNamespace, clusterFirst('default'))).toBeUndefined();
  // headless: the A records are the selected ready pods' IPs
  const podIP = t.get<Pod>('pod', `${namespace}/a`)?.status?.podIP;
  expect(resolveName(t.core.store, `${service}-headless`, clusterFirst(namespace))?.addresses).toEqual([podIP]);
}

function podHostnameDns(k: Case, ready: boolean, publishNotReady: boolean): string[] | undefined {
  const { hostname, subdomain, namespace } = k.given;
  const t = testCluster()
    .apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } })
    .apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: hostname, namespace, labels: { name: 'busybox' } },
      spec: {
        hostname,
        subdomain,
        containers: [
          {
            name: 'busybox',
            image: 'busybox:1.28',
            command: ['sleep', '3600'],
            ...(ready ? {} : { readinessProbe: { exec: { command: ['false'] } } }),
          },
        ],
      },
    })
    .apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: subdomain, namespace },
      spec: { clusterIP: 'None', selector: { name: 'busybox' }, publishNotReadyAddresses: publishNotReady },
    })
    .advance('30s');
  const podIP = t.get<Pod>('pod', `${namespace}/${hostname}`)?.status?.podIP;
  const r = resolveName(t.core.store, k.expect.fqdn, clusterFirst('default'));
  if (r) expect(r.addresses).toEqual([podIP]);
  return r?.addresses;
}

function endpointsCase(k: Case): void {
  const t = testCluster();
  fakePod(t, 'p', { ip: '10.244.1.5', ready: k.given.podReady });
  webService(t, { publishNotReadyAddresses: k.given['service.spec.publishNotReadyAddresses'] });
  const subset = t.get<Endpoints>('endpoints', 'web')?.subsets?.[0] ?? {};
  expect(subset[k.expect.endpointSubsetField as 'addresses']?.map((a) => a.ip)).toEqual(['10.244.1.5']);
  const other = k.expect.endpointSubsetField === 'addresses' ? 'notReadyAddresses' : 'addresses';
  expect(subset[other as 'addresses']).toBeUndefined();
  // receivesTraffic: whether kube-proxy sends a connection to the pod
  const svc = t.get<Service>('service', 'web') as Service;
  const env = { store: t.core.store, rng: new Rng(1), now: 0, mode: 'iptables' as const, state: newProxyState() };
  const route = routeClusterIP(env, svc, 80, { ip: '10.244.2.9', node: 'node-1' });
  expect(typeof route === 'string' ? route : route.backend.ip).toBe(
    k.expect.receivesTraffic ? '10.244.1.5' : 'connection refused',
  );
}

/** Cases about a bare kube-apiserver, which the simulation does not model. */
const SKIPPED: Record<string, string> = {
  'service-cidr-apiserver-default':
    'the cluster is a kubeadm one (10.96.0.0/12); a bare kube-apiserver is not modelled',
};

describe('service_networking vectors', () => {
  it.skipIf(!existsSync(SHARED))('the vendored copy matches ../shared/k8s-vectors.json', () => {
    const shared = JSON.parse(readFileSync(SHARED, 'utf8'));
    expect(vectors.service_networking).toEqual(shared.topics.service_networking);
    for (const v of vectors.validation_messages) {
      expect(shared.topics.validation_messages).toContainEqual(v);
    }
  });

  it('covers every case', () => {
    for (const k of all) expect(run[k.id] !== undefined || SKIPPED[k.id] !== undefined, k.id).toBe(true);
  });

  for (const k of all) {
    if (SKIPPED[k.id]) it.skip(`${k.id} (${SKIPPED[k.id]})`, () => {});
    else it(k.id, () => run[k.id](c(k.id)));
  }
});
