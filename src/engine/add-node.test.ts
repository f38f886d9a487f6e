import { describe, expect, it } from 'vitest';
import type { Node, Pod } from './api/types';
import { createCluster } from './index';

function ready(node: Node | undefined): string | undefined {
  return node?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

const web = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources: {requests: {cpu: 500m}}
`;

describe('chaos.addNode', () => {
  it('joins node-N with the next pod CIDR and address, Ready, with its Lease and kube-proxy', () => {
    const c = createCluster({ nodes: 2 });
    expect(c.chaos.addNode()).toBe('node-3');
    c.advance(1000);
    const node = c.get('Node', 'node-3') as Node;
    expect(ready(node)).toBe('True');
    expect(node.spec.podCIDR).toBe('10.244.3.0/24');
    expect(node.status.addresses.find((a) => a.type === 'InternalIP')?.address).toBe('172.18.0.5');
    expect(c.get('Lease', 'node-3', 'kube-node-lease')).toBeDefined();
    const proxies = (c.list('Pod', 'kube-system') as Pod[]).filter(
      (p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy' && p.spec.nodeName === 'node-3',
    );
    expect(proxies).toHaveLength(1);
    // The kubelet announced itself like the first nodes' kubelets did.
    const reasons = c
      .events()
      .filter((e) => e.involvedObject.name === 'node-3')
      .map((e) => e.reason);
    expect(reasons).toContain('Starting');
    expect(reasons).toContain('NodeReady');
    // and keeps heartbeating: still Ready long after the grace period
    c.advance(5 * 60_000);
    expect(ready(c.get('Node', 'node-3') as Node)).toBe('True');
  });

  it('Pending pods schedule to the new node', () => {
    // 2-CPU worker: three 500m pods fit beside kube-proxy, the fourth waits
    const c = createCluster({ nodes: 1 });
    c.apply(web(6));
    c.advance(5000);
    const pending = () => (c.list('Pod') as Pod[]).filter((p) => p.metadata.labels?.app === 'web' && !p.spec.nodeName);
    expect(pending().length).toBeGreaterThan(0);
    c.chaos.addNode();
    c.advance(30_000);
    expect(pending()).toHaveLength(0);
    const onNew = (c.list('Pod') as Pod[]).filter(
      (p) => p.metadata.labels?.app === 'web' && p.spec.nodeName === 'node-2',
    );
    expect(onNew.length).toBeGreaterThan(0);
    expect(onNew.every((p) => p.status?.phase === 'Running')).toBe(true);
  });

  it('fills a gap in the names, refuses a taken or invalid name', () => {
    const c = createCluster({ nodes: 3 });
    c.delete('Node', 'node-2');
    c.advance(1000);
    expect(c.chaos.addNode()).toBe('node-2');
    expect(() => c.chaos.addNode({ name: 'node-1' })).toThrow(/already exists/);
    expect(() => c.chaos.addNode({ name: 'Bad_Name' })).toThrow(/not a valid node name/);
    expect(c.chaos.addNode({ name: 'big', cpu: 8 })).toBe('big');
    expect((c.get('Node', 'big') as Node).status.allocatable.cpu).toBe('8');
  });

  it('survives a snapshot round trip', async () => {
    const { restoreCluster } = await import('./index');
    const c = createCluster({ nodes: 1 });
    c.chaos.addNode();
    const r = restoreCluster(c.snapshot());
    r.advance(120_000);
    expect(ready(r.get('Node', 'node-2') as Node)).toBe('True');
  });
});

describe('nextTimerAt', () => {
  it('is the instant of the earliest pending timer, and advancing to it moves the clock there', () => {
    const c = createCluster({ nodes: 1 });
    const at = c.nextTimerAt();
    expect(at).toBeDefined();
    expect(at).toBeGreaterThanOrEqual(c.now());
    expect(at).toBe(c.core.timers.peek()?.at);
    c.advance((at as number) - c.now());
    expect(c.now()).toBe(at);
    // that timer fired; the next one is later
    expect(c.nextTimerAt() as number).toBeGreaterThan(at as number);
  });
});
