// Table tests for the kubelet's pure helpers: QoS classes (pkg/apis/core/v1/helper/qos
// qos_test.go TestGetPodQOS), host-local IPAM round robin, Go duration text, preStop timing.
import { describe, expect, it } from 'vitest';
import type { Container, PodSpec } from '../api/types';
import { goDuration } from './format';
import { allocateIP, releaseIP } from './ipam';
import { qosClass } from './qos';
import { preStopMs } from './termination';

const c = (requests?: Record<string, string>, limits?: Record<string, string>): Container => ({
  name: 'c',
  image: 'x',
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});
const spec = (...containers: Container[]): PodSpec => ({ containers });

describe('qosClass (GetPodQOS)', () => {
  const cases: [string, PodSpec, string][] = [
    ['no requests or limits', spec(c(), c()), 'BestEffort'],
    ['only non-cpu/memory resources', spec(c({ 'ephemeral-storage': '1Gi' })), 'BestEffort'],
    [
      'limits equal requests for cpu and memory',
      spec(c({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' })),
      'Guaranteed',
    ],
    [
      'limits only (requests default to them)',
      spec(c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })),
      'Guaranteed',
    ],
    [
      'equal after canonical form (0.1 = 100m)',
      spec(c({ cpu: '0.1', memory: '1Gi' }, { cpu: '100m', memory: '1Gi' })),
      'Guaranteed',
    ],
    ['requests below limits', spec(c({ cpu: '100m', memory: '100Mi' }, { cpu: '200m', memory: '100Mi' })), 'Burstable'],
    ['memory limit missing', spec(c({ cpu: '100m' }, { cpu: '100m' })), 'Burstable'],
    [
      'one guaranteed, one best-effort container',
      spec(c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }), c()),
      'Burstable',
    ],
    ['requests only', spec(c({ memory: '64Mi' })), 'Burstable'],
  ];
  for (const [name, s, want] of cases) it(`${name} → ${want}`, () => expect(qosClass(s)).toBe(want));

  it('init containers count too', () => {
    const s: PodSpec = {
      containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })],
      initContainers: [c({ cpu: '1' })],
    };
    expect(qosClass(s)).toBe('Burstable');
  });
});

describe('host-local IPAM', () => {
  it('hands out .2 first, round robin after the last one, and skips addresses in use', () => {
    const ipam = { last: 1, used: {} as Record<string, string> };
    const cidr = '10.244.1.0/24';
    expect(allocateIP(ipam, cidr, 'a')).toBe('10.244.1.2');
    expect(allocateIP(ipam, cidr, 'b')).toBe('10.244.1.3');
    releaseIP(ipam, cidr, '10.244.1.2');
    // a freed address is reused only after the others
    expect(allocateIP(ipam, cidr, 'c')).toBe('10.244.1.4');
  });

  it('wraps around and runs out like the plugin', () => {
    const ipam = { last: 1, used: {} as Record<string, string> };
    const cidr = '10.0.0.0/29'; // .2 … .6 usable
    const got = ['a', 'b', 'c', 'd', 'e'].map((u) => allocateIP(ipam, cidr, u));
    expect(got).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    expect(allocateIP(ipam, cidr, 'f')).toBeUndefined();
    releaseIP(ipam, cidr, '10.0.0.3');
    expect(allocateIP(ipam, cidr, 'g')).toBe('10.0.0.3');
  });
});

describe('goDuration (time.Duration.String)', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [400, '400ms'],
    [3200, '3.2s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
    [1303, '1.303s'],
  ];
  for (const [ms, want] of cases) it(`${ms}ms → ${want}`, () => expect(goDuration(ms)).toBe(want));
});

describe('preStop hook duration', () => {
  const hook = (preStop: unknown): Container => ({
    name: 'c',
    image: 'x',
    lifecycle: { preStop } as Container['lifecycle'],
  });
  it('reads sleep actions and sleep commands', () => {
    expect(preStopMs(hook({ sleep: { seconds: 7 } }))).toBe(7000);
    expect(preStopMs(hook({ exec: { command: ['sleep', '5'] } }))).toBe(5000);
    expect(preStopMs(hook({ exec: { command: ['/bin/sh', '-c', 'nginx -s quit; sleep 3'] } }))).toBe(3000);
    expect(preStopMs(hook({ exec: { command: ['/bin/sh', '-c', 'echo bye'] } }))).toBe(0);
    expect(preStopMs({ name: 'c', image: 'x' })).toBe(0);
  });
});
