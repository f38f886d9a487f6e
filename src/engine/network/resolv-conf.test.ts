// The pod's resolv.conf per dnsPolicy. Mirrors pkg/kubelet/network/dns dns_test.go
// (TestGetPodDNSType, TestGetPodDNS, TestGetPodDNSCustom): ClusterFirst's search list
// and ndots:5, the hostNetwork fallback to Default, None, dnsConfig appended.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { NODE_NAMESERVER, podResolvConf } from './resolv-conf';

function pod(spec: Record<string, unknown> = {}, ns = 'prod'): Pod {
  return { metadata: { name: 'p', namespace: ns }, spec: { containers: [], ...spec } } as unknown as Pod;
}

describe('podResolvConf', () => {
  it('ClusterFirst (the default): cluster DNS, the namespace search path, ndots:5', () => {
    expect(podResolvConf(pod())).toEqual({
      nameservers: ['10.96.0.10'],
      searches: ['prod.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      options: ['ndots:5'],
    });
  });

  it('ClusterFirst with hostNetwork falls back to the node resolver; ClusterFirstWithHostNet does not', () => {
    const node = { nameservers: [NODE_NAMESERVER], searches: [], options: [] };
    expect(podResolvConf(pod({ hostNetwork: true }))).toEqual(node);
    expect(podResolvConf(pod({ dnsPolicy: 'Default' }))).toEqual(node);
    expect(podResolvConf(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })).nameservers).toEqual([
      '10.96.0.10',
    ]);
  });

  it('None: only spec.dnsConfig', () => {
    expect(
      podResolvConf(
        pod({
          dnsPolicy: 'None',
          dnsConfig: {
            nameservers: ['192.0.2.1'],
            searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'],
            options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
          },
        }),
      ),
    ).toEqual({
      nameservers: ['192.0.2.1'],
      searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'],
      options: ['ndots:2', 'edns0'],
    });
  });

  it('dnsConfig is appended without duplicates; an option of the same name replaces the default', () => {
    const c = podResolvConf(
      pod({
        dnsConfig: {
          nameservers: ['10.96.0.10', '192.0.2.1'],
          searches: ['svc.cluster.local', 'corp.example'],
          options: [{ name: 'ndots', value: '1' }],
        },
      }),
    );
    expect(c).toEqual({
      nameservers: ['10.96.0.10', '192.0.2.1'],
      searches: ['prod.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'corp.example'],
      options: ['ndots:1'],
    });
  });
});
