// Scenarios of the DaemonSet controller, mirroring pkg/controller/daemon
// (daemon_controller_test.go: TestSimpleDaemonSetLaunchesPods, TestNodeAffinityDaemonLaunchesPods,
// TestTaintedNodeDaemonDoesNotLaunchPods…; update_test.go: TestDaemonSetUpdatesPods) through
// the whole cluster: scheduler, kubelet and node lifecycle included.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import type { DaemonSet } from '../api/workload-types';
import { testCluster } from '../testing';
import { targetNodeName } from './daemonset-util';

const EXAMPLE = readFileSync(resolve(__dirname, 'testdata/controllers__daemonset.yaml'), 'utf8');

function ds(name: string, extra: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...podSpec },
      },
      ...extra,
    },
  };
}

function daemonPods(t: ReturnType<typeof testCluster>, app: string, ns = 'default'): Pod[] {
  return t.list<Pod>('Pod', ns).filter((p) => p.metadata.labels?.app === app || p.metadata.labels?.name === app);
}

function nodesOf(pods: Pod[]): string[] {
  return pods.map((p) => targetNodeName(p) ?? '').sort();
}

describe('DaemonSet: one pod per eligible node', () => {
  it('controllers/daemonset.yaml: one pod per untainted worker; the control plane is excluded (only the old master taint is tolerated)', () => {
    const t = testCluster().apply(EXAMPLE).advance('60s');
    const pods = daemonPods(t, 'fluentd-elasticsearch', 'kube-system');
    expect(nodesOf(pods)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(pods.every((p) => p.status?.phase === 'Running')).toBe(true);
    const status = t.get<DaemonSet>('DaemonSet', 'kube-system/fluentd-elasticsearch')?.status;
    expect(status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      numberAvailable: 3,
      updatedNumberScheduled: 3,
      numberMisscheduled: 0,
      observedGeneration: 1,
    });
    expect(t.run('get ds -n kube-system --no-headers').stdout).toMatch(
      /^fluentd-elasticsearch\s+3\s+3\s+3\s+3\s+3\s+<none>\s+60s/,
    );
  });

  it('a toleration for the control-plane taint puts a pod there too', () => {
    const tol = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
    const t = testCluster()
      .apply(ds('agent', {}, { tolerations: tol }))
      .advance('30s');
    expect(nodesOf(daemonPods(t, 'agent'))).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
  });

  it('pods are named <ds>-xxxxx, pinned by matchFields, labelled with the hash and template generation, with the daemon tolerations', () => {
    const t = testCluster({ nodes: 1 }).apply(ds('agent')).advance('30s');
    const [p] = daemonPods(t, 'agent');
    expect(p.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    expect(p.metadata.generateName).toBe('agent-');
    expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual({
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }],
    });
    expect(p.spec.nodeName).toBe('node-1'); // bound by the scheduler
    const [rev] = t.list('ControllerRevision');
    const hash = rev.metadata.labels?.['controller-revision-hash'];
    expect(rev.metadata.name).toBe(`agent-${hash}`);
    expect(p.metadata.labels).toMatchObject({ 'controller-revision-hash': hash, 'pod-template-generation': '1' });
    // DefaultTolerationSeconds adds nothing: the daemon tolerations already cover not-ready and unreachable.
    expect(p.spec.tolerations?.map((x) => `${x.key}:${x.effect}:${x.tolerationSeconds ?? '-'}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute:-',
      'node.kubernetes.io/unreachable:NoExecute:-',
      'node.kubernetes.io/disk-pressure:NoSchedule:-',
      'node.kubernetes.io/memory-pressure:NoSchedule:-',
      'node.kubernetes.io/pid-pressure:NoSchedule:-',
      'node.kubernetes.io/unschedulable:NoSchedule:-',
    ]);
    const created = t.events('SuccessfulCreate').filter((e) => e.involvedObject.kind === 'DaemonSet');
    expect(created.map((e) => e.message)).toEqual([`Created pod: ${p.metadata.name}`]);
    expect(created[0].source?.component).toBe('daemonset-controller');
  });

  it('nodeSelector: only matching nodes; relabelling a node deletes its pod (misscheduled)', () => {
    const t = testCluster()
      .kubectl('label node node-2 disk=ssd')
      .apply(ds('ssd', {}, { nodeSelector: { disk: 'ssd' } }));
    t.advance('30s');
    expect(nodesOf(daemonPods(t, 'ssd'))).toEqual(['node-2']);
    t.kubectl('label node node-3 disk=ssd').advance('30s');
    expect(nodesOf(daemonPods(t, 'ssd'))).toEqual(['node-2', 'node-3']);
    t.kubectl('label node node-2 disk-').advance('60s');
    expect(nodesOf(daemonPods(t, 'ssd').filter((p) => !p.metadata.deletionTimestamp))).toEqual(['node-3']);
    expect(t.events('SuccessfulDelete').some((e) => e.message.startsWith('Deleted pod: ssd-'))).toBe(true);
  });

  it('a NoSchedule taint blocks a new pod but keeps a running one; a NoExecute taint evicts it', () => {
    const t = testCluster({ nodes: 2 }).apply(ds('agent')).advance('30s');
    t.kubectl('taint node node-1 team=a:NoSchedule').advance('30s');
    expect(nodesOf(daemonPods(t, 'agent'))).toEqual(['node-1', 'node-2']);
    t.kubectl('taint node node-2 team=a:NoSchedule').advance('1s');
    t.delete('Pod', `default/${daemonPods(t, 'agent').find((p) => targetNodeName(p) === 'node-2')?.metadata.name}`);
    t.advance('60s');
    expect(nodesOf(daemonPods(t, 'agent'))).toEqual(['node-1']);
    t.kubectl('taint node node-1 evict=now:NoExecute').advance('60s');
    expect(daemonPods(t, 'agent').filter((p) => !p.metadata.deletionTimestamp)).toEqual([]);
  });

  it('a node added later gets its pod', () => {
    const t = testCluster({ nodes: 2 }).apply(ds('agent')).advance('30s');
    t.apply({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-9', labels: { 'kubernetes.io/hostname': 'node-9' } },
    });
    t.advance('5s');
    expect(nodesOf(daemonPods(t, 'agent'))).toEqual(['node-1', 'node-2', 'node-9']);
  });

  it('a dead node keeps its pod (tolerated forever); no replacement is made while it is unreachable; restored, it gets its pod back', () => {
    const t = testCluster({ nodes: 2 }).apply(ds('agent')).advance('30s');
    t.kill('node-2').advance('10m');
    const onNode2 = () => daemonPods(t, 'agent').filter((p) => targetNodeName(p) === 'node-2');
    expect(onNode2()).toHaveLength(1);
    expect(onNode2()[0].metadata.deletionTimestamp).toBeUndefined();
    // Deleted while the kubelet is off, the pod stays Terminating; unreachable:NoSchedule keeps a new one away.
    t.delete('Pod', `default/${onNode2()[0].metadata.name}`).advance('2m');
    expect(onNode2()).toHaveLength(1);
    expect(onNode2()[0].metadata.deletionTimestamp).toBeDefined();
    t.restore('node-2').advance('2m');
    const back = onNode2();
    expect(back).toHaveLength(1);
    expect(back[0].metadata.deletionTimestamp).toBeUndefined();
    expect(back[0].status?.phase).toBe('Running');
  });

  it('a failed daemon pod is deleted and recreated, with a FailedDaemonPod warning (mirrors TestDaemonKillFailedPods)', () => {
    const t = testCluster({ nodes: 1 }).apply(ds('agent')).advance('30s');
    const [p] = daemonPods(t, 'agent');
    t.core.api.updateStatus({ ...p, status: { ...p.status, phase: 'Failed' } });
    t.advance('30s');
    const warn = t.events('FailedDaemonPod');
    expect(warn[0].message).toBe(
      `Found failed daemon pod default/${p.metadata.name} on node node-1, will try to kill it`,
    );
    expect(warn[0].type).toBe('Warning');
    const now = daemonPods(t, 'agent').filter((x) => !x.metadata.deletionTimestamp);
    expect(now).toHaveLength(1);
    expect(now[0].metadata.name).not.toBe(p.metadata.name);
  });
});

describe('DaemonSet updates', () => {
  const withImage = (extra: Record<string, unknown>, img: string) =>
    ds('agent', extra, { containers: [{ name: 'c', image: `nginx:${img}` }] });
  const image = (t: ReturnType<typeof testCluster>) =>
    daemonPods(t, 'agent')
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => `${targetNodeName(p)}=${p.spec.containers[0].image}`)
      .sort();

  it('RollingUpdate (maxUnavailable 1) replaces the pods one node at a time', () => {
    const t = testCluster().apply(ds('agent')).advance('60s');
    t.apply(withImage({}, '1.27'));
    const seen: number[] = [];
    for (let i = 0; i < 60; i++) {
      if (i > 0) t.advance('2s');
      const old = daemonPods(t, 'agent').filter((p) => p.spec.containers[0].image === 'nginx:1.25');
      // never more than one node without an available pod of either version
      const unavailable = daemonPods(t, 'agent').filter(
        (p) => p.metadata.deletionTimestamp || p.status?.phase !== 'Running',
      ).length;
      expect(unavailable).toBeLessThanOrEqual(1);
      if (seen.at(-1) !== old.length) seen.push(old.length);
    }
    expect(seen).toEqual([3, 2, 1, 0]);
    expect(image(t)).toEqual(['node-1=nginx:1.27', 'node-2=nginx:1.27', 'node-3=nginx:1.27']);
    const d = t.get<DaemonSet>('DaemonSet', 'default/agent');
    expect(d?.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    expect(d?.status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
    expect(
      t
        .list('ControllerRevision')
        .map((r) => r.revision)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('maxSurge 1: the new pod starts beside the old one, which goes once the new one is available', () => {
    const strategy = { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } };
    const t = testCluster({ nodes: 2 }).apply(ds('agent', strategy)).advance('60s');
    t.apply(withImage(strategy, '1.27')).advance('1s');
    const active = daemonPods(t, 'agent').filter((p) => !p.metadata.deletionTimestamp);
    expect(active).toHaveLength(3);
    t.advance('2m');
    expect(image(t)).toEqual(['node-1=nginx:1.27', 'node-2=nginx:1.27']);
  });

  it('OnDelete: nothing changes until a pod is deleted by hand', () => {
    const t = testCluster({ nodes: 2 })
      .apply(ds('agent', { updateStrategy: { type: 'OnDelete' } }))
      .advance('60s');
    t.apply(withImage({ updateStrategy: { type: 'OnDelete' } }, '1.27')).advance('60s');
    expect(image(t)).toEqual(['node-1=nginx:1.25', 'node-2=nginx:1.25']);
    const victim = daemonPods(t, 'agent').find((p) => targetNodeName(p) === 'node-1');
    t.delete('Pod', `default/${victim?.metadata.name}`).advance('60s');
    expect(image(t)).toEqual(['node-1=nginx:1.27', 'node-2=nginx:1.25']);
    expect(t.get<DaemonSet>('DaemonSet', 'default/agent')?.status?.updatedNumberScheduled).toBe(1);
  });

  it('revisionHistoryLimit keeps that many old revisions', () => {
    const t = testCluster({ nodes: 1 })
      .apply(ds('agent', { revisionHistoryLimit: 1 }))
      .advance('30s');
    for (const v of ['1.27', '1.29', '1.16.1']) t.apply(withImage({ revisionHistoryLimit: 1 }, v)).advance('60s');
    expect(
      t
        .list('ControllerRevision')
        .map((r) => r.revision)
        .sort(),
    ).toEqual([3, 4]);
  });
});
