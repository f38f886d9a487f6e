// kubernetes.io tutorials end to end with the real simulated runtime (no scripted answers):
// the exec liveness probe of "Configure Liveness, Readiness and Startup Probes", an HTTP
// liveness probe nginx answers 404, and the OOMKilled container of "Assign Memory Resources".
import { describe, expect, it } from 'vitest';
import { cs, eventsOf, oneNode, pod, until } from './testkit';

describe('tutorial pods', () => {
  it('exec-liveness: cat /tmp/healthy fails once the file is removed, and the kubelet restarts the container', () => {
    const c = oneNode();
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`);
    until(c, () => pod(c, 'liveness-exec').status.phase === 'Running');
    c.advance(30_000);
    expect(eventsOf(c, 'liveness-exec', 'Unhealthy')).toEqual([]);
    until(c, () => eventsOf(c, 'liveness-exec', 'Killing').length > 0, 60_000);
    expect(eventsOf(c, 'liveness-exec', 'Unhealthy')[0]).toMatch(
      /^Unhealthy: Liveness probe failed: cat: (can't open '\/tmp\/healthy'|\/tmp\/healthy): No such file or directory$/,
    );
    expect(eventsOf(c, 'liveness-exec', 'Killing')).toEqual([
      'Killing: Container liveness failed liveness probe, will be restarted',
    ]);
    until(c, () => cs(c, 'liveness-exec').restartCount === 1, 60_000);
  });

  it('an HTTP liveness probe that nginx answers with 404 restarts the container again and again', () => {
    const c = oneNode();
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: pod-with-healthcheck}
spec:
  containers:
  - name: nginx
    image: nginx
    livenessProbe:
      initialDelaySeconds: 30
      timeoutSeconds: 1
      httpGet: {scheme: HTTP, path: /_status/healthz, port: 80}
`);
    until(c, () => cs(c, 'pod-with-healthcheck').restartCount >= 2, 300_000);
    expect(eventsOf(c, 'pod-with-healthcheck', 'Unhealthy')[0]).toBe(
      'Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404',
    );
  });

  it('memory-request-limit-2: a container over its memory limit is OOMKilled (exit 137) and crash-loops', () => {
    const c = oneNode();
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: memory-demo-2}
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests: {memory: "50Mi"}
      limits: {memory: "100Mi"}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`);
    until(
      c,
      () => {
        const s = cs(c, 'memory-demo-2');
        return s.state.terminated?.reason === 'OOMKilled' || s.lastState.terminated?.reason === 'OOMKilled';
      },
      120_000,
    );
    const s = cs(c, 'memory-demo-2');
    expect((s.state.terminated ?? s.lastState.terminated)?.exitCode).toBe(137);
    until(c, () => cs(c, 'memory-demo-2').state.waiting?.reason === 'CrashLoopBackOff', 120_000);
    expect(pod(c, 'memory-demo-2').status.qosClass).toBe('Burstable');
  });
});
