// Startup, liveness and readiness probes as the kubelet's prober workers run them
// (pkg/kubelet/prober/worker.go, prober.go) and what the pod worker does with their
// results (kuberuntime_manager.go computePodActions: kill on liveness/startup failure).
// The runtime is wrapped so a test decides what the container's server answers.
import { afterEach, describe, expect, it } from 'vitest';
import { cs, eventsOf, oneNode, pod, podYaml, scriptRuntime, until } from './testkit';

let restore = () => {};
afterEach(() => restore());

function web(name: string, probes: string): string {
  return podYaml(
    name,
    `  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n${probes}`,
  );
}

describe('probes', () => {
  it('the first readiness probe runs as the container starts, even when nothing else wakes the pod', () => {
    // The demo app logs once and then sits quietly: nothing but the probe is due. Mirrors
    // prober/worker.go, whose first readiness probe runs right after the container starts.
    const c = oneNode();
    c.apply(
      podYaml(
        'quiet',
        '  containers:\n  - name: web\n    image: playground/web:v1\n    readinessProbe:\n      httpGet: {path: /ready, port: 8080}\n      periodSeconds: 30\n',
      ),
    );
    until(c, () => pod(c, 'quiet').status.phase === 'Running');
    const started = c.now();
    until(c, () => cs(c, 'quiet').ready, 5_000);
    expect(c.now() - started).toBeLessThan(2_000);
  });

  it('a failing liveness probe gives Unhealthy events, then Killing, then a restart', () => {
    const rt = scriptRuntime();
    restore = rt.restore;
    rt.script.http.nginx = 500;
    const c = oneNode();
    c.apply(web('live', '    livenessProbe:\n      httpGet: {path: /healthz, port: 80}\n      periodSeconds: 5\n'));
    until(c, () => pod(c, 'live').status.phase === 'Running');
    until(c, () => eventsOf(c, 'live', 'Killing').length > 0, 60_000);
    const unhealthy = c.events().find((e) => e.involvedObject.name === 'live' && e.reason === 'Unhealthy');
    expect(unhealthy?.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(unhealthy?.count).toBe(3); // failureThreshold 3, deduplicated by the recorder
    expect(unhealthy?.type).toBe('Warning');
    expect(unhealthy?.involvedObject.fieldPath).toBe('spec.containers{nginx}');
    expect(eventsOf(c, 'live', 'Killing')).toEqual([
      'Killing: Container nginx failed liveness probe, will be restarted',
    ]);
    until(c, () => cs(c, 'live').restartCount === 1 && !!cs(c, 'live').state.running, 30_000);
    expect(cs(c, 'live').lastState.terminated).toBeDefined();
  });

  it('readiness drives the container ready flag and the Ready / ContainersReady conditions', () => {
    const rt = scriptRuntime();
    restore = rt.restore;
    rt.script.http.nginx = 200;
    const c = oneNode();
    c.apply(web('ready', '    readinessProbe:\n      httpGet: {path: /, port: 80}\n      periodSeconds: 2\n'));
    until(c, () => cs(c, 'ready').ready);
    const cond = (t: string) => pod(c, 'ready').status.conditions?.find((x) => x.type === t);
    expect(cond('Ready')?.status).toBe('True');
    rt.script.http.nginx = 503;
    until(c, () => !cs(c, 'ready').ready, 30_000);
    expect(cond('Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [nginx]',
    });
    expect(cond('ContainersReady')?.status).toBe('False');
    expect(eventsOf(c, 'ready', 'Unhealthy')[0]).toBe(
      'Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503',
    );
    expect(pod(c, 'ready').status.phase).toBe('Running');
    expect(cs(c, 'ready').restartCount).toBe(0);
    rt.script.http.nginx = 200;
    until(c, () => cs(c, 'ready').ready, 30_000);
  });

  it('a readiness probe waits for initialDelaySeconds', () => {
    const rt = scriptRuntime();
    restore = rt.restore;
    rt.script.http.nginx = 200;
    const c = oneNode();
    c.apply(
      web(
        'slow',
        '    readinessProbe:\n      httpGet: {path: /, port: 80}\n      initialDelaySeconds: 15\n      periodSeconds: 5\n',
      ),
    );
    until(c, () => pod(c, 'slow').status.phase === 'Running');
    const started = c.now();
    const ready = until(c, () => cs(c, 'slow').ready, 60_000);
    expect(ready - started).toBeGreaterThanOrEqual(14_000);
    expect(ready - started).toBeLessThanOrEqual(21_000);
  });

  it('a startup probe holds started=false; when it fails past its threshold the container is restarted', () => {
    const rt = scriptRuntime();
    restore = rt.restore;
    rt.script.http.nginx = 'connection refused';
    const c = oneNode();
    c.apply(
      web(
        'boot',
        '    startupProbe:\n      httpGet: {path: /, port: 80}\n      periodSeconds: 2\n      failureThreshold: 3\n    livenessProbe:\n      httpGet: {path: /, port: 80}\n',
      ),
    );
    until(c, () => pod(c, 'boot').status.phase === 'Running');
    expect(cs(c, 'boot')).toMatchObject({ started: false, ready: false });
    until(c, () => eventsOf(c, 'boot', 'Killing').length > 0, 30_000);
    expect(eventsOf(c, 'boot', 'Killing')).toEqual([
      'Killing: Container nginx failed startup probe, will be restarted',
    ]);
    const ip = pod(c, 'boot').status.podIP;
    expect(eventsOf(c, 'boot', 'Unhealthy')[0]).toBe(
      `Unhealthy: Startup probe failed: Get "http://${ip}:80/": dial tcp ${ip}:80: connect: connection refused`,
    );
    // liveness never ran while the startup probe had not succeeded
    expect(eventsOf(c, 'boot', 'Unhealthy').some((e) => e.includes('Liveness'))).toBe(false);
    rt.script.http.nginx = 200;
    until(c, () => cs(c, 'boot').started === true, 60_000);
  });

  it('an exec probe fails on a non-zero exit code', () => {
    const rt = scriptRuntime();
    restore = rt.restore;
    rt.script.exec.nginx = 1;
    const c = oneNode();
    c.apply(web('ex', '    readinessProbe:\n      exec: {command: [cat, /tmp/ready]}\n      periodSeconds: 3\n'));
    until(c, () => eventsOf(c, 'ex', 'Unhealthy').length > 0, 30_000);
    expect(cs(c, 'ex').ready).toBe(false);
    rt.script.exec.nginx = 0;
    until(c, () => cs(c, 'ex').ready, 30_000);
  });

  it('a running pod without probes costs no timers', () => {
    const c = oneNode();
    c.apply(web('quiet', ''));
    until(c, () => pod(c, 'quiet').status.phase === 'Running');
    c.advance(60_000);
    const timers = c.core.timers.toJSON().timers.filter((t) => t.target === 'kubelet');
    expect(timers.filter((t) => t.key === 'p/default/quiet')).toEqual([]);
    // the node agent keeps exactly one heartbeat timer per node
    expect(timers.filter((t) => t.key === 'n/node-1')).toHaveLength(1);
  });
});
