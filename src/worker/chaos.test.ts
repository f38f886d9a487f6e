import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../engine/api/types';
import { createCluster } from '../engine/index';
import { runChaos, skipToNextEvent } from './chaos';

const web = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
`;

describe('runChaos', () => {
  it('cordon and uncordon run kubectl and show its output', () => {
    const c = createCluster({ nodes: 2 });
    const r = runChaos(c, { type: 'chaos', action: 'cordonNode', node: 'node-1' });
    expect(r).toEqual({ ok: true, output: '$ kubectl cordon node-1\nnode/node-1 cordoned' });
    expect((c.get('Node', 'node-1') as Node).spec.unschedulable).toBe(true);
    expect(runChaos(c, { type: 'chaos', action: 'uncordonNode', node: 'node-1' }).output).toContain('uncordoned');
    expect((c.get('Node', 'node-1') as Node).spec.unschedulable).toBeFalsy();
  });

  it('drain runs kubectl drain --ignore-daemonsets --delete-emptydir-data and reports its refusal', () => {
    const c = createCluster({ nodes: 2 });
    c.advance(5000);
    const r = runChaos(c, { type: 'chaos', action: 'drainNode', node: 'node-1' });
    expect(r.output.split('\n')[0]).toBe('$ kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data');
    // the node is cordoned first whatever happens next
    expect((c.get('Node', 'node-1') as Node).spec.unschedulable).toBe(true);
    // the bootstrap kube-proxy and CoreDNS pods declare no controller, so drain stops there
    expect(r.ok).toBe(false);
    expect(r.output).toContain('Pods declare no controller');
  });

  it('delete pod, crash container and add node', () => {
    const c = createCluster({ nodes: 1 });
    c.apply(web);
    c.advance(30_000);
    const pods = (c.list('Pod') as Pod[]).filter((p) => p.metadata.labels?.app === 'web');
    const [a, b] = pods.map((p) => p.metadata.name);
    expect(runChaos(c, { type: 'chaos', action: 'crashContainer', namespace: 'default', name: a }).ok).toBe(true);
    c.advance(20_000);
    expect((c.get('Pod', a) as Pod).status?.containerStatuses?.[0].restartCount).toBeGreaterThanOrEqual(1);
    expect(runChaos(c, { type: 'chaos', action: 'killPod', namespace: 'default', name: b }).ok).toBe(true);
    expect(c.get('Pod', b)?.metadata.deletionTimestamp).toBeDefined();
    expect(runChaos(c, { type: 'chaos', action: 'killPod', namespace: 'default', name: 'nope' }).ok).toBe(false);
    expect(runChaos(c, { type: 'chaos', action: 'crashContainer', namespace: 'default', name: 'nope' }).ok).toBe(false);
    expect(runChaos(c, { type: 'chaos', action: 'addNode' }).output).toBe('node/node-2 joined the cluster');
    expect(c.get('Node', 'node-2')).toBeDefined();
  });
});

describe('skipToNextEvent', () => {
  it('advances exactly to the next pending timer', () => {
    const c = createCluster({ nodes: 1 });
    const at = c.nextTimerAt() as number;
    const went = skipToNextEvent(c, (ms) => c.advance(ms));
    expect(went).toBe(at);
    expect(c.now()).toBe(at);
  });
});
