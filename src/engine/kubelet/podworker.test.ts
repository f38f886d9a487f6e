// The pod worker's order of work: sandbox, init containers one by one, native sidecars that
// keep running, then app containers (kuberuntime_manager.go computePodActions /
// computeInitContainerActions), and the pod-level status it posts.
import { describe, expect, it } from 'vitest';
import { cs, eventsOf, oneNode, pod, podYaml, until } from './testkit';

describe('init containers and sidecars', () => {
  it('runs init containers in order to completion before the app container', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'init',
        `  initContainers:
  - name: first
    image: busybox:1.36
    command: [sleep, "3"]
  - name: second
    image: busybox:1.36
    command: [sleep, "2"]
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
`,
      ),
    );
    until(c, () => !!cs(c, 'init', 'first').state.running);
    expect(cs(c, 'init', 'second').state.waiting?.reason).toBe('PodInitializing');
    expect(cs(c, 'init', 'app').state.waiting?.reason).toBe('PodInitializing');
    expect(pod(c, 'init').status.phase).toBe('Pending');
    const init = pod(c, 'init').status.conditions?.find((x) => x.type === 'Initialized');
    expect(init).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
    until(c, () => !!cs(c, 'init', 'second').state.running);
    expect(cs(c, 'init', 'first').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cs(c, 'init', 'first').ready).toBe(true);
    until(c, () => pod(c, 'init').status.phase === 'Running');
    expect(cs(c, 'init', 'second').state.terminated?.reason).toBe('Completed');
    const started = eventsOf(c, 'init', 'Started');
    expect(started).toEqual([
      'Started: Started container first',
      'Started: Started container second',
      'Started: Started container app',
    ]);
  });

  it('a failing init container with restartPolicy Never fails the pod; the app never starts', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'badinit',
        `  restartPolicy: Never
  initContainers:
  - name: setup
    image: busybox:1.36
    command: [sh, -c, "exit 2"]
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
`,
      ),
    );
    until(c, () => pod(c, 'badinit').status.phase === 'Failed');
    expect(cs(c, 'badinit', 'setup').state.terminated?.exitCode).toBe(2);
    expect(cs(c, 'badinit', 'app').state.waiting?.reason).toBe('PodInitializing');
  });

  it('a failing init container under Always restarts with back-off and holds the pod in Pending', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'loopinit',
        `  initContainers:
  - name: setup
    image: busybox:1.36
    command: [sh, -c, "exit 1"]
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
`,
      ),
    );
    until(c, () => cs(c, 'loopinit', 'setup').state.waiting?.reason === 'CrashLoopBackOff');
    expect(pod(c, 'loopinit').status.phase).toBe('Pending');
    expect(cs(c, 'loopinit', 'setup').restartCount).toBeGreaterThanOrEqual(1);
  });

  it('starts a native sidecar first, keeps it running beside the app, and stops it when the app completes', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'side',
        `  restartPolicy: Never
  initContainers:
  - name: logger
    image: busybox:1.36
    restartPolicy: Always
    command: [sleep, "3600"]
  containers:
  - name: job
    image: busybox:1.36
    command: [sleep, "10"]
`,
      ),
    );
    until(c, () => !!cs(c, 'side', 'job').state.running);
    expect(cs(c, 'side', 'logger').state.running).toBeDefined();
    expect(cs(c, 'side', 'logger')).toMatchObject({ ready: true, started: true });
    expect(pod(c, 'side').status.phase).toBe('Running');
    expect(eventsOf(c, 'side', 'Started')).toEqual([
      'Started: Started container logger',
      'Started: Started container job',
    ]);
    until(c, () => pod(c, 'side').status.phase === 'Succeeded', 120_000);
    expect(cs(c, 'side', 'logger').state.running).toBeUndefined();
    expect(eventsOf(c, 'side', 'Killing')).toEqual(['Killing: Stopping container logger']);
  });
});

describe('pod status fields', () => {
  it('sets hostIP, podIP from the node CIDR, startTime and the QoS class', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'g',
        `  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    resources:
      limits: {cpu: 100m, memory: 64Mi}
`,
      ),
    );
    c.apply(
      podYaml(
        'b',
        `  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    resources:
      requests: {cpu: 100m}
`,
      ),
    );
    c.apply(
      podYaml(
        'h',
        '  hostNetwork: true\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n',
      ),
    );
    until(c, () => ['g', 'b', 'h'].every((n) => pod(c, n).status.phase === 'Running'));
    const node = c.get('Node', 'node-1');
    const cidr = String(node?.spec.podCIDR);
    const prefix = cidr.slice(0, cidr.lastIndexOf('.') + 1);
    const g = pod(c, 'g').status;
    expect(g.podIP?.startsWith(prefix)).toBe(true);
    expect(g.podIPs).toEqual([{ ip: g.podIP }]);
    expect(g.hostIP).toBe(node?.status.addresses.find((a: { type: string }) => a.type === 'InternalIP')?.address);
    expect(g.startTime).toMatch(/^2026-01-01T09:00:\d\dZ$/);
    expect(g.qosClass).toBe('Guaranteed');
    expect(pod(c, 'b').status.qosClass).toBe('Burstable');
    expect(pod(c, 'b').status.podIP).not.toBe(g.podIP);
    expect(pod(c, 'h').status.podIP).toBe(g.hostIP);
    expect(pod(c, 'h').status.qosClass).toBe('BestEffort');
  });

  it('writes the Ready, ContainersReady, Initialized, PodReadyToStartContainers and PodScheduled conditions', () => {
    const c = oneNode();
    c.apply(podYaml('w', '  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n'));
    until(c, () => pod(c, 'w').status.phase === 'Running');
    const conds = Object.fromEntries((pod(c, 'w').status.conditions ?? []).map((x) => [x.type, x.status]));
    expect(conds).toEqual({
      PodReadyToStartContainers: 'True',
      Initialized: 'True',
      Ready: 'True',
      ContainersReady: 'True',
      PodScheduled: 'True',
    });
  });
});

describe('spec changes, hooks and deadlines', () => {
  it('a changed image kills the container ("definition changed") and restarts it from the new image', () => {
    const c = oneNode();
    const yaml = (image: string) => podYaml('up', `  containers:\n  - name: web\n    image: ${image}\n`);
    c.apply(yaml('nginx:1.27'));
    until(c, () => pod(c, 'up').status.phase === 'Running');
    const r = c.apply(yaml('nginx:latest'));
    expect(r.ok).toBe(true);
    until(c, () => cs(c, 'up').restartCount === 1 && !!cs(c, 'up').state.running, 60_000);
    expect(eventsOf(c, 'up', 'Killing')).toEqual(['Killing: Container web definition changed, will be restarted']);
    expect(cs(c, 'up').image).toBe('docker.io/library/nginx:latest');
  });

  it('a failing postStart hook gives FailedPostStartHook and a restart', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'hook',
        '  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n    lifecycle:\n      postStart:\n        exec: {command: [sh, -c, "exit 1"]}\n',
      ),
    );
    until(c, () => eventsOf(c, 'hook', 'FailedPostStartHook').length > 0);
    expect(eventsOf(c, 'hook', 'FailedPostStartHook')[0]).toMatch(
      /^FailedPostStartHook: Exec lifecycle hook \(\[sh -c exit 1\]\) for Container "app" in Pod "hook_default\(.+\)" failed - error: command 'sh -c exit 1' exited with 1: /,
    );
    until(c, () => cs(c, 'hook').restartCount >= 1);
  });

  it('activeDeadlineSeconds fails the pod with DeadlineExceeded', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'dl',
        '  activeDeadlineSeconds: 20\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n',
      ),
    );
    until(c, () => pod(c, 'dl').status.phase === 'Failed', 60_000);
    expect(pod(c, 'dl').status).toMatchObject({
      reason: 'DeadlineExceeded',
      message: 'Pod was active on the node longer than the specified deadline',
    });
    expect(c.now()).toBeGreaterThanOrEqual(20_000);
  });

  it('deleting a mirror pod does not stop its static pod: the kubelet recreates the mirror', () => {
    const c = oneNode();
    const name = 'kube-apiserver-control-plane';
    until(c, () => pod(c, name, 'kube-system').status.phase === 'Running', 30_000);
    const before = pod(c, name, 'kube-system');
    c.delete('Pod', name, 'kube-system');
    c.advance(1000);
    const after = pod(c, name, 'kube-system');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.status.phase).toBe('Running');
    expect(after.status.containerStatuses?.[0].restartCount).toBe(0);
    expect(after.status.containerStatuses?.[0].containerID).toBe(before.status.containerStatuses?.[0].containerID);
  });

  it('readiness gates hold Ready=False until their condition is True', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'gated',
        '  readinessGates:\n  - conditionType: example.com/lb-ready\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n',
      ),
    );
    until(c, () => pod(c, 'gated').status.phase === 'Running');
    const ready = () => pod(c, 'gated').status.conditions?.find((x) => x.type === 'Ready');
    expect(ready()).toMatchObject({
      status: 'False',
      reason: 'ReadinessGatesNotReady',
      message: 'corresponding condition of pod readiness gate "example.com/lb-ready" does not exist.',
    });
    const p = pod(c, 'gated');
    const conditions = [...(p.status.conditions ?? []), { type: 'example.com/lb-ready', status: 'True' as const }];
    c.core.api.updateStatus({ ...p, status: { ...p.status, conditions } });
    c.advance(100);
    expect(ready()?.status).toBe('True');
  });

  it('admission: a pod bound with nodeName that does not fit is rejected with OutOfcpu', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'big',
        '  nodeName: node-1\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n    resources:\n      requests: {cpu: "3"}\n',
      ),
    );
    until(c, () => pod(c, 'big').status.phase === 'Failed', 5_000);
    expect(pod(c, 'big').status.reason).toBe('OutOfcpu');
    expect(pod(c, 'big').status.message).toMatch(
      /^Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: \d+, capacity: 2000$/,
    );
    expect(eventsOf(c, 'big', 'OutOfcpu')).toHaveLength(1);
    expect(pod(c, 'big').status.containerStatuses).toBeUndefined();
  });
});
