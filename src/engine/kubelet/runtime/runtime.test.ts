// The container runtime as containerd/runc behave under the kubelet.
import { describe, expect, it } from 'vitest';
import { lookupImage } from '../../images/catalog';
import { containerEnv, resolveArgv, runtime } from './runtime';
import { sandbox, start } from './testkit';

describe('argv: command/args over ENTRYPOINT/CMD (kubernetes.io "Define a command and arguments")', () => {
  it.each([
    // [entrypoint, cmd, command, args, expected] — the table on that page
    [['/ep'], ['c1'], undefined, undefined, ['/ep', 'c1']],
    [['/ep'], ['c1'], ['/cmd'], undefined, ['/cmd']],
    [['/ep'], ['c1'], undefined, ['a1'], ['/ep', 'a1']],
    [['/ep'], ['c1'], ['/cmd'], ['a1'], ['/cmd', 'a1']],
    [[], ['sh'], undefined, ['/bin/sh', '-c', 'x'], ['/bin/sh', '-c', 'x']],
  ])('entrypoint %j cmd %j command %j args %j → %j', (ep, cmd, command, args, want) => {
    expect(resolveArgv(ep, cmd, command, args)).toEqual(want);
  });

  it('busybox has no entrypoint, so args alone are the command', () => {
    const r = start('busybox:1.28', { args: ['/bin/sh', '-c', 'echo from args'] });
    expect(r.p.argv).toEqual(['/bin/sh', '-c', 'echo from args']);
    expect(r.text()).toBe('from args');
  });
});

describe('environment', () => {
  it('orders PATH, HOSTNAME, image ENV, container env, HOME as `env` shows in a pod', () => {
    const env = containerEnv({ PATH: '/bin', NGINX_VERSION: '1.27' }, { A: '1' }, 'web-0');
    expect(Object.entries(env)).toEqual([
      ['PATH', '/bin'],
      ['HOSTNAME', 'web-0'],
      ['NGINX_VERSION', '1.27'],
      ['A', '1'],
      ['HOME', '/root'],
    ]);
  });
});

describe('start failures', () => {
  it("an executable missing from the image is StartError 128 with runc's message", () => {
    const r = start('nginx', { command: ['nosuch'] });
    expect(r.last.exited).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(r.last.exited?.message).toBe(
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown',
    );
  });

  it('a bare shell with no terminal exits 0 at once (why `image: busybox` alone crash-loops)', () => {
    expect(start('busybox').last.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(start('python').last.exited).toBeUndefined();
    expect(start('python').advance(1000).exited).toMatchObject({ exitCode: 0 });
  });
});

describe('signals', () => {
  it('PID 1 sleep and sh ignore SIGTERM; SIGKILL ends them with 137', () => {
    const r = start('busybox', { command: ['sh', '-c', 'sleep 3600'] });
    expect(runtime.signalProcess(r.p, r.sb, 'SIGTERM', 1000).exited).toBeUndefined();
    expect(runtime.signalProcess(r.p, r.sb, 'SIGKILL', 31_000).exited).toMatchObject({
      exitCode: 137,
      signal: 9,
      at: 31_000,
    });
  });

  it('a TERM trap runs and its exit code ends the container', () => {
    const r = start('busybox', { command: ['sh', '-c', "trap 'echo bye; exit 0' TERM; while true; do sleep 1; done"] });
    const res = runtime.signalProcess(r.p, r.sb, 'SIGTERM', 2500);
    expect(res.output.map((l) => l.text)).toEqual(['bye']);
    expect(res.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('nginx (STOPSIGNAL SIGQUIT) shuts down gracefully and exits 0', () => {
    const r = start('nginx:1.27');
    r.advance(1000);
    const res = runtime.signalProcess(r.p, r.sb, 'SIGTERM', 2000);
    expect(res.output[0].text).toContain('signal 3 (SIGQUIT) received, shutting down');
    expect(res.exited).toMatchObject({ exitCode: 0 });
    expect(r.sb.listening).toEqual({});
  });

  it('redis exits 0 on SIGTERM after saving', () => {
    const r = start('redis');
    r.advance(100);
    const res = runtime.signalProcess(r.p, r.sb, 'SIGTERM', 5000);
    expect(res.output.map((l) => l.text).join('\n')).toContain('Redis is now ready to exit, bye bye...');
    expect(res.exited?.exitCode).toBe(0);
  });
});

describe('ports: containers of a pod share one network namespace', () => {
  it('a second nginx in the pod cannot bind :80 and exits 1 (two containers on one port)', () => {
    const sb = sandbox();
    start('nginx', { sb, name: 'one' }).advance(1000);
    const two = start('nginx', { sb, name: 'two' });
    two.advance(10_000);
    expect(two.text()).toContain('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)');
    expect(two.log[two.log.length - 1].text).toBe('nginx: [emerg] still could not bind()');
    expect(two.last.exited).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(sb.listening).toEqual({ 'TCP/80': 'one' });
  });

  it('HTTP and TCP only reach a port the process listens on', () => {
    const r = start('redis');
    expect(runtime.tcpConnect(r.p, r.sb, 6379, 0)).toBe(false);
    r.advance(100);
    expect(runtime.tcpConnect(r.p, r.sb, 6379, 100)).toBe(true);
    expect(runtime.tcpConnect(r.p, r.sb, 6380, 100)).toBe(false);
    expect(runtime.httpRequest(r.p, r.sb, 80, '/', 100)).toBe('connection refused');
  });
});

describe('memory', () => {
  it('usage over memoryLimitBytes is OOMKilled with exit 137 (the memory-limit tutorial)', () => {
    const r = start('polinux/stress', {
      command: ['stress'],
      args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
      memoryLimitBytes: 100 * 1024 * 1024,
    });
    expect(r.advance(1000).exited).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('stress within its limit keeps running and reports its memory', () => {
    const r = start('polinux/stress', {
      command: ['stress'],
      args: ['--vm', '1', '--vm-bytes', '150M'],
      memoryLimitBytes: 200 * 1024 * 1024,
    });
    expect(r.advance(10_000).exited).toBeUndefined();
    expect(runtime.usage?.(r.p, r.sb, 10_000).memoryBytes).toBeGreaterThan(150 * 1024 * 1024);
  });
});

describe('exec', () => {
  it('an executable missing from the image gives the OCI exec error', () => {
    // distroless images have no shell at all
    const r = start('registry.k8s.io/kube-scheduler:v1.34.1', { command: ['kube-scheduler'] });
    expect(runtime.execInContainer(r.p, r.sb, ['sh'], 0)).toEqual({
      stdout: '',
      stderr: expect.any(String),
      exitCode: 127,
    });
    const busy = start('busybox', { command: ['sleep', '60'] });
    expect(runtime.execInContainer(busy.p, busy.sb, ['bash'], 0).stderr).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown',
    );
  });

  it('kubectl exec -- env prints the container environment', () => {
    const r = start('nginx:1.27', { env: { DEMO_GREETING: 'Hello from the environment' } });
    const out = runtime.execInContainer(r.p, r.sb, ['env'], 0).stdout;
    expect(out).toContain('DEMO_GREETING=Hello from the environment\n');
    expect(out.startsWith('PATH=')).toBe(true);
  });

  it('ls /usr/share/nginx/html lists the image files', () => {
    const r = start('nginx');
    expect(runtime.execInContainer(r.p, r.sb, ['ls', '/usr/share/nginx/html'], 0).stdout).toBe(
      '50x.html\nindex.html\n',
    );
  });

  it('exec never blocks on time: sleep returns at once', () => {
    const r = start('busybox', { command: ['sleep', '60'] });
    expect(runtime.execInContainer(r.p, r.sb, ['sh', '-c', 'sleep 100; echo done'], 0)).toEqual({
      stdout: 'done\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('the preStop hook `nginx -s quit` makes nginx exit gracefully (lifecycle-events example)', () => {
    const r = start('nginx');
    r.advance(1000);
    runtime.execInContainer(
      r.p,
      r.sb,
      ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'],
      1000,
    );
    expect(r.advance(1000).exited).toMatchObject({ exitCode: 0 });
  });

  it('postStart writes a file the container can read later', () => {
    const r = start('nginx');
    runtime.execInContainer(
      r.p,
      r.sb,
      ['/bin/sh', '-c', 'echo Hello from the postStart handler > /usr/share/message'],
      0,
    );
    expect(runtime.execInContainer(r.p, r.sb, ['cat', '/usr/share/message'], 5).stdout).toBe(
      'Hello from the postStart handler\n',
    );
  });
});

describe('snapshots', () => {
  it('a started process is plain JSON', () => {
    const info = lookupImage('nginx');
    if (!info) throw new Error('nginx missing');
    const { process } = runtime.startProcess(
      { image: info, containerName: 'c', env: {}, mounts: [], now: 0 },
      sandbox(),
    );
    expect(JSON.parse(JSON.stringify(process))).toEqual(process);
  });
});

describe('determinism', () => {
  it('a process restored from JSON behaves as the original (plans are rebuilt, not replayed)', () => {
    const r = start('nginx');
    r.advance(1000);
    runtime.httpRequest(r.p, r.sb, 80, '/', 1500);
    const p2 = JSON.parse(JSON.stringify(r.p));
    const sb2 = JSON.parse(JSON.stringify(r.sb));
    expect(runtime.stepProcess(p2, sb2, 2000)).toEqual(runtime.stepProcess(r.p, r.sb, 2000));
    expect(runtime.stepProcess(p2, sb2, 2000).output).toEqual([]);
    expect(runtime.httpRequest(p2, sb2, 80, '/', 2500)).toEqual(runtime.httpRequest(r.p, r.sb, 80, '/', 2500));
  });
});

describe('usage', () => {
  it('a sleeping script uses no CPU; a loop without sleep uses a whole core', () => {
    const idle = start('busybox', { command: ['sh', '-c', 'while true; do sleep 1; done'] });
    idle.advance(5000);
    expect(runtime.usage?.(idle.p, idle.sb, 5000).cpuMilli).toBe(0);
    const busy = start('busybox', { command: ['sh', '-c', 'while true; do :; done'] });
    busy.advance(5000);
    expect(runtime.usage?.(busy.p, busy.sb, 5000).cpuMilli).toBe(1000);
  });
});

describe('kill 1 from inside the container', () => {
  it('nginx handles SIGTERM, so `kubectl exec -- kill 1` stops it', () => {
    const r = start('nginx');
    r.advance(1000);
    expect(runtime.execInContainer(r.p, r.sb, ['kill', '1'], 1000).exitCode).toBe(0);
    expect(runtime.stepProcess(r.p, r.sb, 1000).exited).toMatchObject({ exitCode: 0 });
  });

  it('PID 1 ignores a signal it has no handler for, even SIGKILL', () => {
    const r = start('busybox', { command: ['sleep', '3600'] });
    runtime.execInContainer(r.p, r.sb, ['kill', '-9', '1'], 1000);
    expect(runtime.stepProcess(r.p, r.sb, 2000).exited).toBeUndefined();
  });
});
