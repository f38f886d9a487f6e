// Container states, restart policies and the CrashLoopBackOff back-off, end to end.
// Mirrors kuberuntime_manager.go (computePodActions, doBackOff), kubelet_pods.go
// (getPhase, convertToAPIContainerStatuses) and client-go flowcontrol.Backoff.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../index';
import { cri, setRuntimeForTests } from './cri';
import { cs, eventsOf, oneNode, pod, podYaml, until } from './testkit';

function busybox(name: string, script: string, policy = 'Always'): string {
  return podYaml(
    name,
    `  restartPolicy: ${policy}\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "${script}"]\n`,
  );
}

/** Sim times at which the container's restartCount went up. */
function restartTimes(c: Cluster, name: string, count: number, maxMs: number): number[] {
  const out: number[] = [];
  let seen = cs(c, name).restartCount;
  for (let t = 0; t < maxMs && out.length < count; t += 100) {
    c.advance(100);
    const n = cs(c, name).restartCount;
    if (n > seen) {
      out.push(c.now());
      seen = n;
    }
  }
  return out;
}

describe('restart policy and CrashLoopBackOff', () => {
  it('restarts a failing container with back-off 10s, 20s, 40s … capped at 5m (kubelet-backoff-sequence)', () => {
    const c = oneNode();
    c.apply(busybox('crash', 'exit 1'));
    until(c, () => cs(c, 'crash').state.terminated?.reason === 'Error');
    expect(cs(c, 'crash').state.terminated?.exitCode).toBe(1);
    const times = restartTimes(c, 'crash', 9, 2_000_000);
    // upstream doBackOff: the first exit has no back-off entry yet, so the first restart is immediate
    // (Next sets 10s); every later exit waits the current back-off since it finished.
    const waits = times.slice(1).map((t, i) => Math.floor((t - times[i]) / 1000));
    expect(waits).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
    expect(cs(c, 'crash').restartCount).toBe(9);
  });

  it('shows CrashLoopBackOff with the kubelet message and a BackOff event while waiting', () => {
    const c = oneNode();
    c.apply(busybox('crash', 'exit 1'));
    until(c, () => cs(c, 'crash').state.waiting?.reason === 'CrashLoopBackOff');
    const p = pod(c, 'crash');
    const s = cs(c, 'crash');
    expect(s.state.waiting?.message).toBe(
      `back-off 10s restarting failed container=app pod=crash_default(${p.metadata.uid})`,
    );
    expect(s.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(s.ready).toBe(false);
    expect(p.status.phase).toBe('Running');
    expect(eventsOf(c, 'crash', 'BackOff')).toEqual([
      `BackOff: Back-off restarting failed container app in pod crash_default(${p.metadata.uid})`,
    ]);
    until(c, () => cs(c, 'crash').state.waiting?.message?.startsWith('back-off 20s') === true);
  });

  it('resets the back-off after a container ran longer than 10 minutes (kubelet-backoff-reset)', () => {
    const c = oneNode();
    c.apply(busybox('long', 'sleep 700'));
    const times = restartTimes(c, 'long', 3, 3_000_000);
    const waits = times.slice(1).map((t, i) => Math.round((t - times[i]) / 1000));
    // each run lasts 700s > 2 × 5m since the last back-off update: never any back-off wait
    expect(waits.every((w) => w < 705)).toBe(true);
    expect(eventsOf(c, 'long', 'BackOff')).toEqual([]);
  });

  it('OnFailure: exit 0 completes the pod (Succeeded, Completed); exit 1 restarts it', () => {
    const c = oneNode();
    c.apply(busybox('ok', 'exit 0', 'OnFailure'));
    c.apply(busybox('bad', 'exit 1', 'OnFailure'));
    until(c, () => pod(c, 'ok').status.phase === 'Succeeded');
    expect(cs(c, 'ok').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cs(c, 'ok').restartCount).toBe(0);
    until(c, () => cs(c, 'bad').restartCount >= 1);
    expect(pod(c, 'bad').status.phase).toBe('Running');
    const ready = pod(c, 'ok').status.conditions?.find((x) => x.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('Never: a failed container fails the pod; a successful one completes it', () => {
    const c = oneNode();
    c.apply(busybox('fail', 'exit 3', 'Never'));
    c.apply(busybox('done', 'exit 0', 'Never'));
    until(c, () => pod(c, 'fail').status.phase === 'Failed' && pod(c, 'done').status.phase === 'Succeeded');
    expect(cs(c, 'fail').state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(cs(c, 'fail').restartCount).toBe(0);
    c.advance(60_000);
    expect(cs(c, 'fail').restartCount).toBe(0);
  });

  it('a running container is Running/ready with startedAt; sleep ends it as Completed', () => {
    const c = oneNode();
    c.apply(busybox('nap', 'sleep 30', 'Never'));
    until(c, () => pod(c, 'nap').status.phase === 'Running');
    expect(cs(c, 'nap').state.running?.startedAt).toMatch(/^2026-01-01T09:00:\d\dZ$/);
    expect(cs(c, 'nap')).toMatchObject({ ready: true, started: true });
    until(c, () => pod(c, 'nap').status.phase === 'Succeeded');
    const t = cs(c, 'nap').state.terminated;
    expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect((t as { containerID?: string } | undefined)?.containerID).toMatch(/^containerd:\/\//);
  });

  it('an unknown command exits 127 (Error) and crash-loops', () => {
    const c = oneNode();
    c.apply(busybox('typo', 'slep 5'));
    until(
      c,
      () => cs(c, 'typo').state.terminated?.exitCode === 127 || cs(c, 'typo').lastState.terminated?.exitCode === 127,
    );
  });

  it('crashContainer kills the process with exit code 1; the restart policy brings it back', () => {
    const c = oneNode();
    c.apply(busybox('victim', 'sleep 3600'));
    until(c, () => pod(c, 'victim').status.phase === 'Running');
    c.chaos.crashContainer('default', 'victim');
    until(c, () => cs(c, 'victim').restartCount === 1 && !!cs(c, 'victim').state.running);
    expect(cs(c, 'victim').lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });

  it('a missing ConfigMap gives CreateContainerConfigError until it exists', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'cfg',
        '  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n    env:\n    - name: MODE\n      valueFrom:\n        configMapKeyRef: {name: settings, key: mode}\n',
      ),
    );
    until(c, () => cs(c, 'cfg').state.waiting?.reason === 'CreateContainerConfigError');
    expect(cs(c, 'cfg').state.waiting?.message).toBe('configmap "settings" not found');
    expect(eventsOf(c, 'cfg', 'Failed')).toContain('Failed: Error: configmap "settings" not found');
    // (ConfigMap joins the API with the workload kinds; until then only the error side is testable)
    const made = c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: fast}\n');
    if (made.ok) until(c, () => pod(c, 'cfg').status.phase === 'Running', 60_000);
  });

  it('two containers on one port: the second cannot bind, crash-loops, and the pod shows 1/2', () => {
    const c = oneNode();
    const res = c.apply(
      podYaml(
        'twice',
        '  containers:\n  - name: a\n    image: nginx:1.27\n    ports: [{containerPort: 80}]\n  - name: b\n    image: nginx:1.27\n    ports: [{containerPort: 80}]\n',
      ),
    );
    expect(res.ok).toBe(true);
    until(c, () => cs(c, 'twice', 'b').state.waiting?.reason === 'CrashLoopBackOff');
    expect(cs(c, 'twice', 'a')).toMatchObject({ ready: true, restartCount: 0 });
    expect(cs(c, 'twice', 'a').state.running).toBeDefined();
    expect(cs(c, 'twice', 'b').ready).toBe(false);
    expect(cs(c, 'twice', 'b').lastState.terminated?.reason).toBe('Error');
    expect(c.logs('default', 'twice', { container: 'b' }).text).toContain('Address already in use');
    expect(c.kubectl('get pod twice --no-headers').stdout).toMatch(/^twice\s+1\/2\s+CrashLoopBackOff\s+/);
  });

  it('terminationMessagePolicy FallbackToLogsOnError puts the log tail in the terminated message', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'msg',
        '  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "echo cannot reach the database; exit 2"]\n    terminationMessagePolicy: FallbackToLogsOnError\n',
      ),
    );
    until(c, () => pod(c, 'msg').status.phase === 'Failed');
    expect(cs(c, 'msg').state.terminated).toMatchObject({
      exitCode: 2,
      reason: 'Error',
      message: 'cannot reach the database',
    });
  });

  it('a crashing native sidecar restarts on its own while the app keeps running', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'sc',
        '  initContainers:\n  - name: side\n    image: busybox:1.36\n    restartPolicy: Always\n    command: [sh, -c, "sleep 20; exit 1"]\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n',
      ),
    );
    until(c, () => cs(c, 'sc', 'side').restartCount >= 2, 200_000);
    expect(cs(c, 'sc', 'app').restartCount).toBe(0);
    expect(cs(c, 'sc', 'app').state.running).toBeDefined();
    expect(pod(c, 'sc').status.phase).toBe('Running');
  });

  it('a fault inside the runtime becomes a StartError container, never an exception', () => {
    setRuntimeForTests();
    const base = cri();
    setRuntimeForTests({
      ...base,
      runtime: {
        ...base.runtime,
        startProcess() {
          throw new Error('boom');
        },
      },
    });
    try {
      const c = oneNode();
      c.apply(busybox('fault', 'sleep 10', 'Never'));
      until(c, () => pod(c, 'fault').status.phase === 'Failed');
      expect(cs(c, 'fault').state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
      expect(cs(c, 'fault').state.terminated?.message).toContain('boom');
    } finally {
      setRuntimeForTests();
    }
  });
});
