// The kubelet as node agent: Lease heartbeats (nodelease controller), node status
// (kubelet_node_status.go: posted when changed or every nodeStatusReportFrequency),
// and what a machine going down and coming back does to its pods.
import { describe, expect, it } from 'vitest';
import type { Node } from '../api/types';
import type { Cluster } from '../index';
import { cs, eventsOf, oneNode, pod, podYaml, until } from './testkit';

const lease = (c: Cluster, n = 'node-1') => String(c.get('Lease', n, 'kube-node-lease')?.spec.renewTime);
const node = (c: Cluster, n = 'node-1') => c.get('Node', n) as Node;
const ready = (c: Cluster, n = 'node-1') => node(c, n).status.conditions.find((x) => x.type === 'Ready');
const sleeper = (name: string) =>
  podYaml(name, '  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n');

describe('node agent', () => {
  it('renews its Lease every 10s with a microsecond renewTime', () => {
    const c = oneNode();
    c.advance(1);
    const first = lease(c);
    c.advance(9_000);
    expect(lease(c)).toBe(first);
    c.advance(1_000);
    expect(lease(c)).not.toBe(first);
    expect(lease(c)).toMatch(/^2026-01-01T09:00:10\.\d{6}Z$/);
  });

  it('reports nodeInfo from the kubelet and the runtime', () => {
    const c = oneNode();
    c.advance(1);
    const info = node(c).status.nodeInfo;
    expect(info.containerRuntimeVersion).toBe('containerd://2.1.4');
    expect(info.kubeletVersion).toMatch(/^v1\.\d+\.\d+$/);
    expect(info.bootID).toMatch(/^[0-9a-f-]{36}$/);
    expect(ready(c)).toMatchObject({
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
    });
    expect(eventsOf(c, 'node-1', 'Starting')).toContain('Starting: Starting kubelet.');
  });

  it('posts an unchanged status only every nodeStatusReportFrequency (5m)', () => {
    const c = oneNode();
    c.advance(1);
    const hb = ready(c)?.lastHeartbeatTime;
    c.advance(240_000);
    expect(ready(c)?.lastHeartbeatTime).toBe(hb);
    c.advance(70_000);
    expect(ready(c)?.lastHeartbeatTime).not.toBe(hb);
  });

  it('killNode: no more heartbeats; the pods keep their last status; the node goes Ready=Unknown', () => {
    const c = oneNode();
    c.apply(sleeper('p'));
    until(c, () => pod(c, 'p').status.phase === 'Running');
    c.chaos.killNode('node-1');
    const renew = lease(c);
    const before = pod(c, 'p').status.containerStatuses;
    c.advance(120_000);
    expect(lease(c)).toBe(renew);
    expect(pod(c, 'p').status.containerStatuses).toEqual(before);
    expect(ready(c)?.status).toBe('Unknown');
    expect(c.logs('default', 'p').text).toMatch(/dial tcp [\d.]+:10250: connect: no route to host$/);
  });

  it('restoreNode: the kubelet starts again, re-posts Ready, restarts the pods still bound and cleans up deleted ones', () => {
    const c = oneNode();
    c.apply(sleeper('stay'));
    c.apply(sleeper('leave'));
    until(c, () => pod(c, 'stay').status.phase === 'Running' && pod(c, 'leave').status.phase === 'Running');
    const oldIP = pod(c, 'stay').status.podIP;
    c.chaos.killNode('node-1');
    c.advance(60_000);
    c.delete('Pod', 'leave');
    c.advance(60_000);
    expect(c.get('Pod', 'leave')?.metadata.deletionTimestamp).toBeDefined(); // nobody can finish it
    const boot = node(c).status.nodeInfo.bootID;
    c.chaos.restoreNode('node-1');
    c.advance(100);
    expect(ready(c)?.status).toBe('True');
    expect(node(c).status.nodeInfo.bootID).not.toBe(boot);
    expect(eventsOf(c, 'node-1', 'Rebooted')[0]).toMatch(
      /^Rebooted: Node node-1 has been rebooted, boot id: [0-9a-f-]{36}$/,
    );
    expect(eventsOf(c, 'node-1', 'NodeReady').length).toBeGreaterThanOrEqual(1);
    until(c, () => c.get('Pod', 'leave') === undefined, 5_000);
    until(c, () => cs(c, 'stay').restartCount === 1 && !!cs(c, 'stay').state.running, 30_000);
    expect(eventsOf(c, 'stay', 'SandboxChanged')).toEqual([
      'SandboxChanged: Pod sandbox changed, it will be killed and re-created.',
    ]);
    expect(pod(c, 'stay').status.podIP).toBeDefined();
    expect(pod(c, 'stay').status.podIP).not.toBe(oldIP);
  });

  it('a pod bound to a dead machine waits for it', () => {
    const c = oneNode();
    c.advance(1);
    c.chaos.killNode('node-1');
    c.apply(
      podYaml(
        'late',
        '  nodeName: node-1\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n',
      ),
    );
    c.advance(30_000);
    expect(pod(c, 'late').status.containerStatuses).toBeUndefined();
    c.chaos.restoreNode('node-1');
    until(c, () => pod(c, 'late').status.phase === 'Running', 30_000);
  });
});
