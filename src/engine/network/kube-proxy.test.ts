// kube-proxy's endpoint choice. Mirrors pkg/proxy/topology.go CategorizeEndpoints
// (ready only; serving-terminating fallback; Local policies), the iptables proxier's
// random per-connection pick, REJECT for no endpoints and DROP for no local ones, the
// `recent` affinity rules (10800 s from the last use) and IPVS's rr scheduler.
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/network-types';
import { Rng } from '../sim/rng';
import {
  clusterEndpoints,
  newProxyState,
  type ProxyEnv,
  type ProxyMode,
  type Route,
  routeClusterIP,
  routeExternal,
} from './kube-proxy';
import { type Ep, emptyCluster, service, slice, type T } from './net-testing';

const THREE: Ep[] = [
  { ip: '10.244.1.2', node: 'node-1' },
  { ip: '10.244.1.3', node: 'node-1' },
  { ip: '10.244.2.2', node: 'node-2' },
];

function setup(spec: Record<string, unknown> = {}, eps: Ep[] = THREE): T {
  return slice(service(emptyCluster(), 'web', { clusterIP: '10.96.0.50', ...spec }), 'web', eps);
}

function env(t: T, mode: ProxyMode = 'iptables', seed = 7): ProxyEnv {
  return { store: t.core.store, rng: new Rng(seed), now: 0, mode, state: newProxyState() };
}

const svcOf = (t: T) => t.core.store.get('Service', 'default', 'web') as Service;
const ipOf = (r: Route) => (typeof r === 'string' ? r : r.backend.ip);
const client = { ip: '10.244.2.9', node: 'node-2' };

describe('routeClusterIP', () => {
  it('iptables: a random endpoint per connection, from the seeded rng, reaching every endpoint', () => {
    const t = setup();
    const e = env(t);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const ip = ipOf(routeClusterIP(e, svcOf(t), 80, client));
      counts[ip] = (counts[ip] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(THREE.map((x) => x.ip));
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(60);
    // the same seed picks the same sequence
    const a = env(t, 'iptables', 3);
    const b = env(t, 'iptables', 3);
    const seq = (x: ProxyEnv) => Array.from({ length: 10 }, () => ipOf(routeClusterIP(x, svcOf(t), 80, client)));
    expect(seq(a)).toEqual(seq(b));
  });

  it('the endpoint port is the one the slice resolved (targetPort)', () => {
    const t = setup();
    const r = routeClusterIP(env(t), svcOf(t), 80, client);
    expect(typeof r !== 'string' && r.backend.port).toBe(8080);
    expect(typeof r !== 'string' && r.sourceIP).toBe(client.ip);
  });

  it('ipvs: round robin in endpoint order', () => {
    const t = setup();
    const e = env(t, 'ipvs');
    const seq = Array.from({ length: 6 }, () => ipOf(routeClusterIP(e, svcOf(t), 80, client)));
    expect(seq).toEqual([...THREE, ...THREE].map((x) => x.ip));
  });

  it('no endpoints: REJECT (connection refused); a port the Service does not have: no rule (timeout)', () => {
    const t = setup({}, []);
    expect(routeClusterIP(env(t), svcOf(t), 80, client)).toBe('connection refused');
    expect(routeClusterIP(env(setup()), svcOf(setup()), 81, client)).toBe('timeout');
  });

  it('only ready endpoints; serving-terminating ones only when none is ready', () => {
    const mixed = setup({}, [
      { ip: '10.244.1.2', ready: false, serving: true, terminating: true },
      { ip: '10.244.1.3', ready: false, serving: false },
      { ip: '10.244.2.2' },
    ]);
    const e = env(mixed);
    for (let i = 0; i < 20; i++) expect(ipOf(routeClusterIP(e, svcOf(mixed), 80, client))).toBe('10.244.2.2');

    const draining = setup({}, [
      { ip: '10.244.1.2', ready: false, serving: true, terminating: true },
      { ip: '10.244.1.3', ready: false, serving: false, terminating: true },
    ]);
    const d = env(draining);
    for (let i = 0; i < 20; i++) expect(ipOf(routeClusterIP(d, svcOf(draining), 80, client))).toBe('10.244.1.2');

    const unready = setup({}, [{ ip: '10.244.1.3', ready: false, serving: false }]);
    expect(routeClusterIP(env(unready), svcOf(unready), 80, client)).toBe('connection refused');
    expect(clusterEndpoints([])).toEqual([]);
  });

  it('sessionAffinity ClientIP: the same client sticks to its endpoint; another client may not', () => {
    const t = setup({ sessionAffinity: 'ClientIP' });
    const e = env(t);
    const first = ipOf(routeClusterIP(e, svcOf(t), 80, client));
    for (let i = 0; i < 30; i++) {
      e.now += 60_000;
      expect(ipOf(routeClusterIP(e, svcOf(t), 80, client))).toBe(first);
    }
    const others = new Set<string>();
    for (let i = 0; i < 30; i++)
      others.add(ipOf(routeClusterIP(e, svcOf(t), 80, { ...client, ip: `10.244.2.${20 + i}` })));
    expect(others.size).toBeGreaterThan(1);
  });

  it('affinity expires timeoutSeconds after the last connection (10800 s by default)', () => {
    const t = setup({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } });
    const e = env(t, 'ipvs');
    expect(ipOf(routeClusterIP(e, svcOf(t), 80, client))).toBe('10.244.1.2');
    e.now += 60_000;
    expect(ipOf(routeClusterIP(e, svcOf(t), 80, client))).toBe('10.244.1.2');
    e.now += 60_001;
    // expired: round robin moves on
    expect(ipOf(routeClusterIP(e, svcOf(t), 80, client))).toBe('10.244.1.3');

    const d = setup({ sessionAffinity: 'ClientIP' });
    const de = env(d, 'ipvs');
    routeClusterIP(de, svcOf(d), 80, client);
    de.now += 10_800_000;
    expect(ipOf(routeClusterIP(de, svcOf(d), 80, client))).toBe('10.244.1.2');
    de.now += 10_800_001;
    expect(ipOf(routeClusterIP(de, svcOf(d), 80, client))).toBe('10.244.1.3');
  });

  it('affinity to an endpoint that went away picks a new one', () => {
    const t = setup({ sessionAffinity: 'ClientIP' });
    const e = env(t, 'ipvs');
    expect(ipOf(routeClusterIP(e, svcOf(t), 80, client))).toBe('10.244.1.2');
    const s = t.core.store.get('EndpointSlice', 'default', 'web-abcde') as any;
    t.core.store.update({ ...s, endpoints: s.endpoints.slice(1) });
    expect(ipOf(routeClusterIP(e, svcOf(t), 80, client))).not.toBe('10.244.1.2');
  });

  it('internalTrafficPolicy Local: only the client node’s endpoints; none there → dropped', () => {
    const t = setup({ internalTrafficPolicy: 'Local' });
    const e = env(t);
    for (let i = 0; i < 20; i++) expect(ipOf(routeClusterIP(e, svcOf(t), 80, client))).toBe('10.244.2.2');
    expect(routeClusterIP(e, svcOf(t), 80, { ip: '10.244.3.5', node: 'node-3' })).toBe('timeout');
  });
});

describe('routeExternal (NodePort, LoadBalancer)', () => {
  const sp = { name: 'http', port: 80, protocol: 'TCP' as const, nodePort: 30080 };
  const outside = { ip: '198.51.100.7', node: 'node-2' };

  it('externalTrafficPolicy Cluster: any endpoint, the client masqueraded to the node address', () => {
    const t = setup({ type: 'NodePort', ports: [sp] });
    const e = env(t);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const r = routeExternal(e, svcOf(t), sp, outside, false);
      if (typeof r === 'string') throw new Error(r);
      seen.add(r.backend.ip);
      expect(r.sourceIP).toBe('172.18.0.4');
    }
    expect(seen.size).toBe(3);
  });

  it('externalTrafficPolicy Local: only endpoints on the receiving node, client address kept; none → dropped', () => {
    const t = setup({ type: 'NodePort', ports: [sp], externalTrafficPolicy: 'Local' });
    const e = env(t);
    for (let i = 0; i < 20; i++) {
      const r = routeExternal(e, svcOf(t), sp, outside, false);
      if (typeof r === 'string') throw new Error(r);
      expect([r.backend.ip, r.sourceIP]).toEqual(['10.244.2.2', '198.51.100.7']);
    }
    expect(routeExternal(e, svcOf(t), sp, { ...outside, node: 'control-plane' }, false)).toBe('timeout');
    // pods and nodes short-circuit to the cluster-wide endpoints
    const inside = routeExternal(e, svcOf(t), sp, { ip: '10.244.0.5', node: 'control-plane' }, true);
    expect(typeof inside === 'string' ? inside : inside.sourceIP).toBe('10.244.0.5');
  });

  it('no endpoints anywhere: REJECT', () => {
    const t = setup({ type: 'NodePort', ports: [sp], externalTrafficPolicy: 'Local' }, []);
    expect(routeExternal(env(t), svcOf(t), sp, outside, false)).toBe('connection refused');
  });
});
