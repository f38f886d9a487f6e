// mirrors pkg/printers/internalversion/printers_test.go: TestPrintService,
// TestPrintEndpoint (formatEndpoints) and TestPrintEndpointSlice.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Service } from '../../api/network-types';
import { fromTimestamp } from '../../sim/clock';
import { endpointSlicePrinter, formatEndpoints, serviceExternalIP, servicePorts } from './service';

const svc = (spec: Partial<Service['spec']>, status?: Service['status']) =>
  ({ metadata: { name: 's' }, spec, status }) as unknown as Service;

describe('printService cells', () => {
  it.each([
    [[{ port: 80, protocol: 'TCP' }], '80/TCP'],
    [[{ port: 80, protocol: 'TCP', nodePort: 30080 }], '80:30080/TCP'],
    [
      [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
      ],
      '53/UDP,53/TCP',
    ],
    [[], '<none>'],
  ])('PORT(S) of %j is %s', (ports, text) => {
    expect(servicePorts(svc({ ports: ports as Service['spec']['ports'] }))).toBe(text);
  });

  it('EXTERNAL-IP: <none> for ClusterIP and NodePort, <pending> for a LoadBalancer without ingress, the name for ExternalName', () => {
    expect(serviceExternalIP(svc({ type: 'ClusterIP' }))).toBe('<none>');
    expect(serviceExternalIP(svc({ type: 'NodePort', externalIPs: ['1.2.3.4'] }))).toBe('1.2.3.4');
    expect(serviceExternalIP(svc({ type: 'LoadBalancer' }))).toBe('<pending>');
    expect(serviceExternalIP(svc({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } }))).toBe(
      '5.6.7.8',
    );
    expect(serviceExternalIP(svc({ type: 'ExternalName', externalName: 'db.example.com' }))).toBe('db.example.com');
  });
});

describe('formatEndpoints', () => {
  const addr = (ip: string) => ({ ip });
  it('lists ip:port, the first three, then "+ N more..."', () => {
    const ep = {
      subsets: [
        {
          addresses: ['10.244.1.5', '10.244.2.3', '10.244.3.1', '10.244.3.2'].map(addr),
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    } as unknown as Endpoints;
    expect(formatEndpoints(ep)).toBe('10.244.1.5:80,10.244.2.3:80,10.244.3.1:80 + 1 more...');
  });

  it('<none> without subsets; bare IPs for a headless Service without ports; not-ready addresses not listed', () => {
    expect(formatEndpoints({ subsets: [] } as unknown as Endpoints)).toBe('<none>');
    expect(formatEndpoints({ subsets: [{ addresses: [addr('10.0.0.1')] }] } as unknown as Endpoints)).toBe('10.0.0.1');
    expect(
      formatEndpoints({
        subsets: [{ notReadyAddresses: [addr('10.0.0.1')], ports: [{ port: 80 }] }],
      } as unknown as Endpoints),
    ).toBe('');
  });
});

describe('printEndpointSlice', () => {
  const ctx = { now: fromTimestamp('2026-01-01T09:00:21Z'), wide: false } as never;
  const slice = (ports: unknown, endpoints: unknown) =>
    ({
      metadata: { name: 'web-abcde', creationTimestamp: '2026-01-01T09:00:00Z' },
      addressType: 'IPv4',
      ports,
      endpoints,
    }) as unknown as EndpointSlice;

  it('NAME ADDRESSTYPE PORTS ENDPOINTS AGE, "<unset>" when there are none', () => {
    expect(endpointSlicePrinter.headers(false)).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    expect(endpointSlicePrinter.row(slice([], []), ctx)).toEqual(['web-abcde', 'IPv4', '<unset>', '<unset>', '21s']);
    const eps = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'].map((ip) => ({ addresses: [ip] }));
    expect(
      endpointSlicePrinter.row(
        slice(
          [
            { name: 'http', port: 80 },
            { name: 'https', port: 443 },
          ],
          eps,
        ),
        ctx,
      ),
    ).toEqual(['web-abcde', 'IPv4', '80,443', '10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...', '21s']);
  });
});
