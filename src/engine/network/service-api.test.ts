// Service API semantics: defaults (pkg/apis/core/v1 SetDefaults_Service), validation
// (pkg/apis/core/validation ValidateService / ValidateServiceUpdate) and allocation
// (pkg/registry/core/service/storage alloc.go, ipallocator, portallocator).
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/network-types';
import { testCluster } from '../testing';

function svc(name: string, spec: Record<string, unknown>, namespace = 'default') {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

const web = (extra: Record<string, unknown> = {}) =>
  svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }], ...extra });

function specOf(t: ReturnType<typeof testCluster>, name: string): Service {
  const s = t.get<Service>('service', name);
  if (!s) throw new Error(`service ${name} not found`);
  return s;
}

function errorOf(t: ReturnType<typeof testCluster>, manifest: object): string {
  const r = t.tryApply(manifest);
  expect(r.ok).toBe(false);
  return r.errors.map((e) => e.message).join('\n');
}

describe('Service defaults (SetDefaults_Service)', () => {
  it('fills type, sessionAffinity, protocol, targetPort, traffic policy and IP families', () => {
    const t = testCluster().apply(web());
    const s = specOf(t, 'web');
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
  });

  it('NodePort and LoadBalancer get externalTrafficPolicy Cluster; LoadBalancer allocateLoadBalancerNodePorts true', () => {
    const t = testCluster().apply(web({ type: 'LoadBalancer' }));
    const s = specOf(t, 'web');
    expect(s.spec.externalTrafficPolicy).toBe('Cluster');
    expect(s.spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(s.spec.ports?.[0].nodePort).toBeGreaterThanOrEqual(30000);
  });
});

describe('ClusterIP allocation (10.96.0.0/12)', () => {
  it('hands out distinct addresses inside the range, never the network or broadcast address', () => {
    const t = testCluster();
    const ips = new Set<string>();
    for (let i = 0; i < 30; i++) {
      t.apply(svc(`s${i}`, { ports: [{ port: 80 }] }));
      const ip = specOf(t, `s${i}`).spec.clusterIP as string;
      const [a, b] = ip.split('.').map(Number);
      expect(a).toBe(10);
      expect(b >= 96 && b <= 111).toBe(true);
      expect(ips.has(ip)).toBe(false);
      ips.add(ip);
    }
  });

  it('honours a requested clusterIP and refuses one already taken', () => {
    const t = testCluster().apply(web({ clusterIP: '10.96.5.5' }));
    expect(specOf(t, 'web').spec.clusterIPs).toEqual(['10.96.5.5']);
    expect(errorOf(t, svc('other', { ports: [{ port: 80 }], clusterIP: '10.96.5.5' }))).toContain(
      'The Service "other" is invalid: spec.clusterIPs: Invalid value: ["10.96.5.5"]: failed to allocate IP 10.96.5.5: provided IP is already allocated',
    );
  });

  it('10.96.0.1 belongs to the kubernetes Service', () => {
    const t = testCluster();
    expect(errorOf(t, svc('mine', { ports: [{ port: 80 }], clusterIP: '10.96.0.1' }))).toContain(
      'spec.clusterIPs: Invalid value: ["10.96.0.1"]: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    );
  });

  it('refuses an address outside the range', () => {
    const t = testCluster();
    expect(errorOf(t, svc('mine', { ports: [{ port: 80 }], clusterIP: '10.0.0.5' }))).toContain(
      'failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('frees the address when the Service is deleted', () => {
    const t = testCluster().apply(web({ clusterIP: '10.96.7.7' }));
    t.delete('service', 'web');
    t.apply(svc('again', { ports: [{ port: 80 }], clusterIP: '10.96.7.7' }));
    expect(t.get('service', 'again')).toBeDefined();
  });

  it('allocates nothing on a dry run or a refused create', () => {
    const a = testCluster();
    const b = testCluster();
    const dry = a.run('kubectl apply --dry-run=server -f -', JSON.stringify(svc('dry', { ports: [{ port: 80 }] })));
    expect(dry).toMatchObject({ exitCode: 0, stdout: 'service/dry created (server dry run)\n' });
    expect(a.get('service', 'dry')).toBeUndefined();
    errorOf(a, svc('bad', { ports: [{ port: 0 }] }));
    a.apply(web());
    b.apply(web());
    expect(specOf(a, 'web').spec.clusterIP).toBe(specOf(b, 'web').spec.clusterIP);
  });

  it('clusterIP None is headless: no address, clusterIPs [None]', () => {
    const t = testCluster().apply(web({ clusterIP: 'None' }));
    const s = specOf(t, 'web');
    expect(s.spec.clusterIP).toBe('None');
    expect(s.spec.clusterIPs).toEqual(['None']);
    expect(s.spec.ipFamilyPolicy).toBe('SingleStack');
  });

  it('ExternalName gets no clusterIP and no IP families', () => {
    const t = testCluster().apply(svc('db', { type: 'ExternalName', externalName: 'db.example.com' }));
    const s = specOf(t, 'db');
    expect(s.spec.clusterIP).toBeUndefined();
    expect(s.spec.ipFamilies).toBeUndefined();
    expect(s.spec.internalTrafficPolicy).toBeUndefined();
  });

  it('the clusterIP may not change on update; leaving it out keeps it', () => {
    const t = testCluster().apply(web());
    const ip = specOf(t, 'web').spec.clusterIP;
    t.apply(web({ ports: [{ port: 81 }] }));
    expect(specOf(t, 'web').spec.clusterIP).toBe(ip);
    expect(errorOf(t, web({ clusterIP: '10.96.9.9' }))).toContain(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.9.9"]: may not change once set',
    );
  });
});

describe('NodePort allocation (30000-32767)', () => {
  it('allocates a port in range, honours a requested one and refuses it when taken', () => {
    const t = testCluster().apply(web({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    expect(specOf(t, 'web').spec.ports?.[0].nodePort).toBe(30080);
    t.apply(svc('auto', { type: 'NodePort', ports: [{ port: 80 }] }));
    const p = specOf(t, 'auto').spec.ports?.[0].nodePort as number;
    expect(p >= 30000 && p <= 32767 && p !== 30080).toBe(true);
    expect(errorOf(t, svc('clash', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toContain(
      'The Service "clash" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('refuses a port outside the range', () => {
    const t = testCluster();
    expect(errorOf(t, svc('low', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).toContain(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('keeps the nodePort across an update that leaves it out, and frees it on delete', () => {
    const t = testCluster().apply(web({ type: 'NodePort' }));
    const p = specOf(t, 'web').spec.ports?.[0].nodePort;
    t.apply(web({ type: 'NodePort', sessionAffinity: 'ClientIP' }));
    expect(specOf(t, 'web').spec.ports?.[0].nodePort).toBe(p);
    t.delete('service', 'web');
    t.apply(svc('again', { type: 'NodePort', ports: [{ port: 80, nodePort: p }] }));
  });
});

describe('changing a Service type (dropTypeDependentFields)', () => {
  it('NodePort → ClusterIP drops the nodePort and externalTrafficPolicy kubectl apply sends back', () => {
    const t = testCluster().apply(web({ type: 'NodePort' }));
    const live = specOf(t, 'web');
    const ip = live.spec.clusterIP;
    t.apply(web({ type: 'ClusterIP' }));
    const s = specOf(t, 'web');
    expect(s.spec.ports?.[0].nodePort).toBeUndefined();
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
    expect(s.spec.clusterIP).toBe(ip);
  });

  it('ClusterIP → NodePort allocates a nodePort on update', () => {
    const t = testCluster().apply(web());
    t.apply(web({ type: 'NodePort' }));
    expect(specOf(t, 'web').spec.ports?.[0].nodePort).toBeGreaterThanOrEqual(30000);
  });
});

describe('Service validation (ValidateService)', () => {
  it.each([
    [svc('1web', { ports: [{ port: 80 }] }), 'metadata.name: Invalid value: "1web": a DNS-1035 label'],
    [svc('web', { selector: { app: 'web' } }), 'spec.ports: Required value'],
    [svc('web', { ports: [{ port: 80 }, { port: 81 }] }), 'spec.ports[0].name: Required value'],
    [
      svc('web', { ports: [{ port: 70000 }] }),
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      svc('web', { ports: [{ port: 80, protocol: 'HTTP' }] }),
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
    [svc('web', { ports: [{ port: 80, targetPort: 'Http_1' }] }), 'spec.ports[0].targetPort: Invalid value: "Http_1"'],
    [
      svc('web', { type: 'Internal', ports: [{ port: 80 }] }),
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ],
    [
      svc('web', { ports: [{ port: 80, nodePort: 30080 }] }),
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ],
    [
      svc('web', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }),
      'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    ],
    [svc('web', { type: 'ExternalName' }), 'spec.externalName: Required value'],
    [
      svc('web', { clusterIP: '10.96.0.300', ports: [{ port: 80 }] }),
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address',
    ],
    [
      svc('web', { sessionAffinity: 'Sticky', ports: [{ port: 80 }] }),
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ],
  ])('%#: %s', (manifest, message) => {
    expect(errorOf(testCluster(), manifest)).toContain(message);
  });

  it('a named targetPort is accepted as is', () => {
    const t = testCluster().apply(web({ ports: [{ port: 80, targetPort: 'http' }] }));
    expect(specOf(t, 'web').spec.ports?.[0].targetPort).toBe('http');
  });

  it('strict decoding names an unknown field', () => {
    expect(errorOf(testCluster(), svc('web', { ports: [{ port: 80, tragetPort: 8080 }] }))).toContain(
      'unknown field "spec.ports[0].tragetPort"',
    );
  });
});
