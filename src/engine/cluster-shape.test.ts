// The starting cluster, as kubeadm (and kind) leave it: the four namespaces, a tainted
// control-plane node with its static (mirror) pods, kube-proxy on every node, CoreDNS,
// workers with capacity/allocatable, a pod CIDR, an InternalIP and a Lease each.
import { describe, expect, it } from 'vitest';
import type { Pod } from './api/types';
import { clusterCIDR, nodePodCIDR } from './cluster-shape';
import { node, testCluster } from './testing';

describe('cluster shape', () => {
  const t = testCluster();
  const nodes = t.list('Node');

  it('has the kubeadm namespaces', () => {
    expect(t.list('Namespace').map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });

  it('has a control-plane node and 3 workers by default', () => {
    expect(nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
  });

  it('taints and labels the control-plane node as kubeadm does', () => {
    const cp = t.node('control-plane');
    expect(cp.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(cp.metadata.labels).toMatchObject({
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
      'kubernetes.io/hostname': 'control-plane',
    });
  });

  it('gives workers 2 CPU, 4Gi, 110 pods; allocatable less the 100Mi hard eviction threshold', () => {
    const w = t.node('node-1');
    expect(w.status.capacity).toMatchObject({ cpu: '2', memory: '4194304Ki', pods: '110' });
    expect(w.status.allocatable).toMatchObject({ cpu: '2', memory: `${4194304 - 102400}Ki`, pods: '110' });
    expect(w.spec.taints).toBeUndefined();
    expect(w.metadata.labels).toEqual({
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'node-1',
      'kubernetes.io/os': 'linux',
    });
  });

  it('gives each node a pod CIDR 10.244.N.0/24, an InternalIP and a Ready condition', () => {
    expect(nodes.map((n) => n.spec.podCIDR)).toEqual([
      '10.244.0.0/24',
      '10.244.1.0/24',
      '10.244.2.0/24',
      '10.244.3.0/24',
    ]);
    expect(nodes.map((n) => n.status.addresses[0])).toEqual(
      ['172.18.0.2', '172.18.0.3', '172.18.0.4', '172.18.0.5'].map((address) => ({ type: 'InternalIP', address })),
    );
    for (const n of nodes) {
      expect(n.status.conditions.find((c: { type: string }) => c.type === 'Ready')).toMatchObject({
        status: 'True',
        reason: 'KubeletReady',
      });
    }
  });

  it('has a Lease per node in kube-node-lease, owned by its Node', () => {
    for (const n of nodes) {
      const lease = t.get('Lease', `kube-node-lease/${n.metadata.name}`)!;
      expect(lease.spec).toMatchObject({ holderIdentity: n.metadata.name, leaseDurationSeconds: 40 });
      expect(lease.metadata.ownerReferences).toEqual([
        { apiVersion: 'v1', kind: 'Node', name: n.metadata.name, uid: n.metadata.uid },
      ]);
    }
  });

  it('runs the control plane as mirror pods owned by the control-plane node', () => {
    const cp = t.node('control-plane');
    for (const component of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager']) {
      const p = t.pod(`kube-system/${component}-control-plane`);
      expect(p.metadata.labels).toEqual({ component, tier: 'control-plane' });
      expect(p.spec).toMatchObject({
        nodeName: 'control-plane',
        priorityClassName: 'system-node-critical',
        priority: 2000001000,
      });
      expect(p.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
      expect(p.metadata.annotations?.['kubernetes.io/config.mirror']).toMatch(/^[0-9a-f]{32}$/);
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'v1', kind: 'Node', name: 'control-plane', uid: cp.metadata.uid, controller: true },
      ]);
    }
  });

  it('runs kube-proxy on every node (k8s-app: kube-proxy) and two CoreDNS pods', () => {
    const system = t.list<Pod>('Pod', 'kube-system');
    const proxies = system.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
    expect(proxies.map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    for (const p of proxies) expect(p.metadata.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const dns = system.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(dns).toHaveLength(2);
    for (const p of dns) expect(p.metadata.name).toMatch(/^coredns-674b8bbfcf-/);
  });

  it('takes a node count or NodeSpecs', () => {
    expect(
      testCluster({ nodes: 1 })
        .list('Node')
        .map((n) => n.metadata.name),
    ).toEqual(['control-plane', 'node-1']);
    expect(testCluster({ nodes: 0 }).list('Node')).toHaveLength(1);
    const custom = testCluster({
      nodes: [
        node('big', { cpu: 8, memory: '16Gi', pods: 250, zone: 'z1', taints: [{ key: 'gpu', effect: 'NoSchedule' }] }),
      ],
    });
    const big = custom.node('big');
    expect(big.status.capacity).toMatchObject({ cpu: '8', memory: '16777216Ki', pods: '250' });
    expect(big.metadata.labels?.['topology.kubernetes.io/zone']).toBe('z1');
    expect(big.spec.taints).toEqual([{ key: 'gpu', effect: 'NoSchedule' }]);
    expect(big.spec.podCIDR).toBe('10.244.1.0/24');
  });
});

describe('cluster shape: impossible shapes', () => {
  it.each([
    [-1, /whole number from 0 to 5000/],
    [2.5, /whole number/],
    [10_000, /whole number from 0 to 5000/],
    [[{ name: 'Node_1' }], /nodes\[0\].name "Node_1" is not a valid node name/],
    [[{ name: 'a' }, { name: 'a' }], /nodes\[1\].name "a" is taken/],
    [[{ name: 'control-plane' }], /is taken/],
    [[{ cpu: 'lots' }], /nodes\[0\].cpu "lots" is not a CPU quantity/],
    [[{ memory: '-4Gi' }], /nodes\[0\].memory "-4Gi" is not a memory quantity/],
    [[{ pods: 0 }], /pods must be a positive whole number/],
  ])('%j: a clear Error', (nodes, message) => {
    expect(() => testCluster({ nodes: nodes as never })).toThrow(message);
  });
});

describe('pod CIDRs', () => {
  // kubeadm's podSubnet 10.244.0.0/16 and the node IPAM controller's /24 per node.
  it('hands each node a /24 of 10.244.0.0/16 on a small cluster', () => {
    expect(clusterCIDR(4)).toBe('10.244.0.0/16');
    expect(nodePodCIDR(0, 4)).toBe('10.244.0.0/24');
    expect(nodePodCIDR(3, 4)).toBe('10.244.3.0/24');
    expect(nodePodCIDR(255, 256)).toBe('10.244.255.0/24');
  });

  it('uses a /9 once 256 nodes no longer fit, every /24 valid and distinct', () => {
    expect(clusterCIDR(1001)).toBe('10.128.0.0/9');
    const seen = new Set<string>();
    for (let i = 0; i <= 5000; i++) {
      const cidr = nodePodCIDR(i, 5001);
      const octets = cidr.split('/')[0].split('.').map(Number);
      expect(octets.every((o) => o >= 0 && o <= 255)).toBe(true);
      expect(octets[1]).toBeGreaterThanOrEqual(128);
      seen.add(cidr);
    }
    expect(seen.size).toBe(5001);
  });
});
