// mirrors pkg/controller/endpoint/endpoints_controller_test.go (addresses / notReadyAddresses,
// publishNotReadyAddresses, named target ports, selector-less Services).
import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../api/network-types';
import { testCluster } from '../testing';
import { fakePod, webService } from './endpoint-testing';

function ep(t: ReturnType<typeof testCluster>, name = 'web'): Endpoints | undefined {
  return t.get<Endpoints>('endpoints', name);
}

describe('Endpoints controller', () => {
  it('keeps an Endpoints object named like the Service, ready pods under addresses sorted by IP', () => {
    const t = testCluster();
    fakePod(t, 'b', { ip: '10.244.2.3' });
    fakePod(t, 'a', { ip: '10.244.1.5' });
    fakePod(t, 'slow', { ip: '10.244.1.9', ready: false });
    fakePod(t, 'leaving', { ip: '10.244.1.8', terminating: true });
    webService(t);
    expect(ep(t)?.metadata.labels).toEqual({ tier: 'front' });
    expect(ep(t)?.subsets).toEqual([
      {
        addresses: [
          {
            ip: '10.244.1.5',
            nodeName: 'ghost',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
          },
          {
            ip: '10.244.2.3',
            nodeName: 'ghost',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' },
          },
        ],
        notReadyAddresses: [
          {
            ip: '10.244.1.9',
            nodeName: 'ghost',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'slow', uid: 'uid-slow' },
          },
        ],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('a Service with no pods has an Endpoints object without subsets; it goes with the Service', () => {
    const t = testCluster();
    webService(t);
    expect(ep(t)).toBeDefined();
    expect(ep(t)?.subsets).toBeUndefined();
    t.delete('service', 'web').advance(0);
    expect(ep(t)).toBeUndefined();
  });

  it('publishNotReadyAddresses lists not-ready pods as addresses', () => {
    const t = testCluster();
    fakePod(t, 'slow', { ip: '10.244.1.9', ready: false });
    webService(t, { publishNotReadyAddresses: true });
    expect(ep(t)?.subsets?.[0].addresses?.map((a) => a.ip)).toEqual(['10.244.1.9']);
    expect(ep(t)?.subsets?.[0].notReadyAddresses).toBeUndefined();
  });

  it('a named targetPort a pod does not have leaves that pod out', () => {
    const t = testCluster();
    fakePod(t, 'a', { ip: '10.244.1.5', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });
    fakePod(t, 'c', { ip: '10.244.1.7' });
    webService(t, { ports: [{ port: 80, targetPort: 'http' }] });
    expect(ep(t)?.subsets).toEqual([
      {
        addresses: [
          {
            ip: '10.244.1.5',
            nodeName: 'ghost',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
          },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('does not touch the Endpoints of a Service without a selector', () => {
    const t = testCluster();
    expect(ep(t, 'kubernetes')?.subsets?.[0].addresses?.[0].ip).toBe('172.18.0.2');
    fakePod(t, 'a', { ip: '10.244.1.5' });
    expect(ep(t, 'kubernetes')?.subsets?.[0].ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
  });
});
