// Cluster DNS records, table-driven. Mirrors CoreDNS plugin/kubernetes (the records of
// the Kubernetes DNS-Based Service Discovery specification, "pods insecure") and
// kubernetes.io "DNS for Services and Pods" (search path, ndots, headless Services,
// hostname/subdomain, ExternalName).
import { describe, expect, it } from 'vitest';
import { answer, candidates, clusterDnsServing, resolve, reverse } from './dns';
import { emptyCluster, service, slice, type T } from './net-testing';

const CLUSTER_FIRST = {
  searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
  options: ['ndots:5'],
};

function fixture(): T {
  const t = emptyCluster();
  t.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } });
  service(t, 'web', { clusterIP: '10.96.0.50' });
  service(t, 'web', { clusterIP: '10.96.0.60' }, 'prod');
  service(t, 'nginx', { clusterIP: 'None' });
  slice(t, 'nginx', [
    { ip: '10.244.1.7', hostname: 'web-0' },
    { ip: '10.244.2.4', hostname: 'web-1' },
    { ip: '10.244.2.9', ready: false, hostname: 'web-2' },
  ]);
  service(t, 'bare', { clusterIP: 'None' });
  slice(t, 'bare', [{ ip: '10.244.1.20' }]);
  service(t, 'empty', { clusterIP: 'None' });
  service(t, 'db', { type: 'ExternalName', externalName: 'my.database.example.com', ports: [] });
  service(t, 'site', { type: 'ExternalName', externalName: 'example.com', ports: [] });
  return t;
}

describe('answer (authoritative records)', () => {
  const t = fixture();
  const cases: [string, string, unknown][] = [
    ['service A record', 'web.default.svc.cluster.local', ['10.96.0.50']],
    ['trailing dot', 'web.default.svc.cluster.local.', ['10.96.0.50']],
    ['another namespace', 'web.prod.svc.cluster.local', ['10.96.0.60']],
    ['headless: the ready endpoints', 'nginx.default.svc.cluster.local', ['10.244.1.7', '10.244.2.4']],
    ['StatefulSet pod by hostname', 'web-0.nginx.default.svc.cluster.local', ['10.244.1.7']],
    ['an unready pod has no record', 'web-2.nginx.default.svc.cluster.local', 'NXDOMAIN'],
    ['endpoint without hostname: dashed IP', '10-244-1-20.bare.default.svc.cluster.local', ['10.244.1.20']],
    ['headless without endpoints', 'empty.default.svc.cluster.local', 'NXDOMAIN'],
    ['no endpoint names under a ClusterIP Service', 'x.web.default.svc.cluster.local', 'NXDOMAIN'],
    ['pod A record (pods insecure)', '10-244-1-5.default.pod.cluster.local', ['10.244.1.5']],
    ['pod record in a missing namespace', '10-244-1-5.nope.pod.cluster.local', 'NXDOMAIN'],
    ['not an address', '10-244-1-999.default.pod.cluster.local', 'NXDOMAIN'],
    ['missing service', 'nosuch.default.svc.cluster.local', 'NXDOMAIN'],
    ['missing namespace', 'web.nope.svc.cluster.local', 'NXDOMAIN'],
    ['the zone apex', 'cluster.local', 'NXDOMAIN'],
    ['other names in the zone', 'web.default.cluster.local', 'NXDOMAIN'],
  ];
  for (const [what, name, want] of cases) {
    it(what, () => {
      const a = answer(t.core.store, name);
      if (want === 'NXDOMAIN') expect(a.type).toBe('NXDOMAIN');
      else expect(a).toMatchObject({ type: 'A', addresses: want });
    });
  }

  it('ExternalName: a CNAME to spec.externalName', () => {
    expect(answer(t.core.store, 'db.default.svc.cluster.local')).toEqual({
      type: 'CNAME',
      name: 'db.default.svc.cluster.local',
      target: 'my.database.example.com',
    });
  });

  it('names outside cluster.local are forwarded', () => {
    expect(answer(t.core.store, 'example.com').type).toBe('FORWARD');
  });
});

describe('candidates (resolv.conf search and ndots)', () => {
  it('ndots:5: a short name tries the search list first', () => {
    expect(candidates('web', CLUSTER_FIRST)).toEqual([
      'web.default.svc.cluster.local',
      'web.svc.cluster.local',
      'web.cluster.local',
      'web',
    ]);
  });
  it('a name with ndots or more dots is tried as is first; a trailing dot only as is', () => {
    expect(candidates('a.b.c.d.e.f', CLUSTER_FIRST)[0]).toBe('a.b.c.d.e.f');
    expect(candidates('web.default.svc.cluster.local.', CLUSTER_FIRST)).toEqual(['web.default.svc.cluster.local']);
  });
  it('without options ndots is 1', () => {
    expect(candidates('example.com', { searches: ['x'], options: [] })).toEqual(['example.com', 'example.com.x']);
  });
});

describe('resolve (through the pod resolver)', () => {
  const t = fixture();
  const up = (n: string) => (n === 'example.com' ? ['23.192.228.80'] : undefined);
  const cases: [string, string, string | undefined, string[]][] = [
    ['short name in the own namespace', 'web', 'web.default.svc.cluster.local', ['10.96.0.50']],
    ['cross-namespace <svc>.<ns>', 'web.prod', 'web.prod.svc.cluster.local', ['10.96.0.60']],
    ['<svc>.<ns>.svc', 'web.prod.svc', 'web.prod.svc.cluster.local', ['10.96.0.60']],
    ['fully qualified', 'web.prod.svc.cluster.local', 'web.prod.svc.cluster.local', ['10.96.0.60']],
    ['StatefulSet pod', 'web-1.nginx', 'web-1.nginx.default.svc.cluster.local', ['10.244.2.4']],
    ['an internet name after the search list', 'example.com', 'example.com', ['23.192.228.80']],
    ['ExternalName to an internet name', 'site', 'site.default.svc.cluster.local', ['23.192.228.80']],
  ];
  for (const [what, name, fqdn, addrs] of cases) {
    it(what, () => {
      expect(resolve(t.core.store, name, CLUSTER_FIRST, up)).toMatchObject({ fqdn, addresses: addrs });
    });
  }
  it('NXDOMAIN: undefined', () => {
    expect(resolve(t.core.store, 'nosuch', CLUSTER_FIRST, up)).toBeUndefined();
    expect(resolve(t.core.store, 'web.nope', CLUSTER_FIRST, up)).toBeUndefined();
  });
  it('an ExternalName whose target does not resolve keeps its CNAME and no address', () => {
    expect(resolve(t.core.store, 'db', CLUSTER_FIRST, up)).toEqual({
      fqdn: 'db.default.svc.cluster.local',
      addresses: [],
      cname: 'my.database.example.com',
    });
  });
});

describe('reverse (PTR)', () => {
  const t = fixture();
  it('a ClusterIP names its Service; kube-dns is there from the start', () => {
    expect(reverse(t.core.store, '10.96.0.50')).toBe('web.default.svc.cluster.local');
    expect(reverse(t.core.store, '10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local');
    expect(reverse(t.core.store, '10.1.2.3')).toBeUndefined();
  });
});

describe('clusterDnsServing (CoreDNS up or down)', () => {
  it('serving while a CoreDNS pod is ready; both gone → no server', () => {
    const t = emptyCluster().advance('60s');
    expect(clusterDnsServing(t.core.store, () => true)).toBe(true);
    for (const p of t.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('coredns-'))) {
      t.delete('pod', `kube-system/${p.metadata.name}`, { gracePeriodSeconds: 0 });
    }
    t.advance('5s');
    expect(clusterDnsServing(t.core.store, () => true)).toBe(false);
  });
  it('endpoints only on machines that are down do not answer', () => {
    const t = emptyCluster().advance('60s');
    expect(clusterDnsServing(t.core.store, () => false)).toBe(false);
  });
});
