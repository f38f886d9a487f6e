// `kubectl logs` and `kubectl exec` through the kubelet (validateContainerLogStatus in
// kubelet_pods.go picks the instance), with kubectl's and the API server's error texts.
import { describe, expect, it } from 'vitest';
import { readLogs } from './public';
import { cs, oneNode, pod, podYaml, until } from './testkit';

const job = (name: string, script: string, policy = 'Never') =>
  podYaml(
    name,
    `  restartPolicy: ${policy}\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "${script}"]\n`,
  );

describe('logs', () => {
  it('returns what the container wrote', () => {
    const c = oneNode();
    c.apply(job('hello', 'echo hello world'));
    until(c, () => pod(c, 'hello').status.phase === 'Succeeded');
    expect(c.logs('default', 'hello')).toEqual({ ok: true, text: 'hello world\n' });
    expect(c.logs('default', 'hello', { container: 'app' }).text).toBe('hello world\n');
    expect(readLogs(c.core, 'default', 'hello', 'app', false, true).text).toMatch(
      /^2026-01-01T09:00:\d\d\.\d{9}Z hello world\n$/,
    );
  });

  it('--previous reads the instance before the latest', () => {
    const c = oneNode();
    c.apply(job('again', 'echo boom', 'Always'));
    until(c, () => cs(c, 'again').restartCount >= 1);
    expect(c.logs('default', 'again', { previous: true })).toEqual({ ok: true, text: 'boom\n' });
  });

  it('explains a missing pod, container or previous instance as kubectl does', () => {
    const c = oneNode();
    c.apply(podYaml('web', '  containers:\n  - name: nginx\n    image: nginx:1.27\n'));
    expect(c.logs('default', 'nope').text).toBe('Error from server (NotFound): pods "nope" not found');
    expect(c.logs('default', 'web', { container: 'x' }).text).toBe('error: container x is not valid for pod web');
    expect(c.logs('default', 'web').text).toBe(
      'Error from server (BadRequest): container "nginx" in pod "web" is waiting to start: ContainerCreating',
    );
    until(c, () => pod(c, 'web').status.phase === 'Running');
    expect(c.logs('default', 'web', { previous: true }).text).toBe(
      'Error from server (BadRequest): previous terminated container "nginx" in pod "web" not found',
    );
    expect(c.logs('default', 'web').ok).toBe(true);
  });

  it('an image that cannot be pulled has no logs yet', () => {
    const c = oneNode();
    c.apply(podYaml('typo', '  containers:\n  - name: app\n    image: nginx:1.161\n'));
    until(c, () => cs(c, 'typo').state.waiting?.reason === 'ImagePullBackOff');
    expect(c.logs('default', 'typo').text).toBe(
      'Error from server (BadRequest): container "app" in pod "typo" is waiting to start: trying and failing to pull image',
    );
  });
});

describe('exec', () => {
  it('runs a command in a running container', () => {
    const c = oneNode();
    c.apply(podYaml('web', '  containers:\n  - name: nginx\n    image: nginx:1.27\n'));
    until(c, () => pod(c, 'web').status.phase === 'Running');
    const out = c.exec('default', 'web', ['env']);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain('HOSTNAME=web');
  });

  it('explains what cannot be exec-ed into', () => {
    const c = oneNode();
    c.apply(job('done', 'exit 0'));
    c.apply(job('crash', 'exit 1', 'Always'));
    expect(c.exec('default', 'nope', ['ls']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    until(c, () => pod(c, 'done').status.phase === 'Succeeded');
    expect(c.exec('default', 'done', ['ls']).stderr).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
    );
    expect(c.exec('default', 'crash', ['ls'], 'other').stderr).toBe('error: container other not found\n');
    until(c, () => cs(c, 'crash').state.waiting?.reason === 'CrashLoopBackOff');
    const r = c.exec('default', 'crash', ['ls']);
    expect(r).toEqual({
      stdout: '',
      stderr: 'error: unable to upgrade connection: container not found ("app")\n',
      exitCode: 1,
    });
  });
});
