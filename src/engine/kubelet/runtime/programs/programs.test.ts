// Servers as their real images behave: logs, ports, HTTP answers.
import { describe, expect, it } from 'vitest';
import { runtime } from '../runtime';
import { sandbox, start } from '../testkit';

const get = (r: ReturnType<typeof start>, port: number, path: string, now: number) =>
  runtime.httpRequest(r.p, r.sb, port, path, now);

describe('nginx', () => {
  it('logs the docker-entrypoint.sh steps, then serves the welcome page on :80', () => {
    const r = start('nginx');
    expect(r.text()).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(get(r, 80, '/', 0)).toBe('connection refused');
    r.advance(1000);
    const res = get(r, 80, '/', 1000);
    expect(res).toMatchObject({ status: 200 });
    expect(typeof res === 'object' && res.body).toContain('<title>Welcome to nginx!</title>');
  });

  it('answers 404 for /_status/healthz (the http-healthcheck example fails its probe)', () => {
    const r = start('nginx');
    r.advance(1000);
    const res = get(r, 80, '/_status/healthz', 1000);
    expect(res).toMatchObject({ status: 404 });
    expect(typeof res === 'object' && res.body).toContain('<center><h1>404 Not Found</h1></center>');
  });

  it('serves index.html from a volume mounted at /usr/share/nginx/html', () => {
    const sb = sandbox();
    sb.volumes.html = { 'index.html': 'Hello from the init container\n' };
    const r = start('nginx', { sb, mounts: [{ mountPath: '/usr/share/nginx/html', volume: 'html', readOnly: true }] });
    r.advance(1000);
    expect(get(r, 80, '/', 1000)).toEqual({ status: 200, body: 'Hello from the init container\n' });
  });

  it('nginx:1.14.2 has no entrypoint script and logs nothing on a healthy start', () => {
    const r = start('nginx:1.14.2');
    r.advance(1000);
    expect(r.log).toEqual([]);
    expect(r.p.argv).toEqual(['nginx', '-g', 'daemon off;']);
    expect(get(r, 80, '/', 1000)).toMatchObject({ status: 200 });
  });

  it('listens on the port a mounted conf.d/default.conf asks for', () => {
    const sb = sandbox();
    sb.volumes.conf = { 'default.conf': 'server {\n    listen 8080;\n    root /srv;\n}\n' };
    const r = start('nginx', { sb, mounts: [{ mountPath: '/etc/nginx/conf.d', volume: 'conf' }] });
    r.advance(1000);
    expect(sb.listening).toEqual({ 'TCP/8080': 'main' });
  });
});

describe('agnhost (registry.k8s.io/e2e-test-images/agnhost)', () => {
  it('liveness: /healthz is 200 for the first 10 s, then 500 (the liveness HTTP example)', () => {
    const r = start('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] });
    r.advance(100);
    expect(get(r, 8080, '/healthz', 3000)).toMatchObject({ status: 200 });
    expect(get(r, 8080, '/healthz', 10_000)).toMatchObject({ status: 200 });
    expect(get(r, 8080, '/healthz', 10_500)).toMatchObject({ status: 500 });
  });

  it('netexec: /hostname, /echo?msg= and /healthz on 8080', () => {
    const r = start('registry.k8s.io/e2e-test-images/agnhost:2.39', {
      command: ['/agnhost', 'netexec', '--http-port=8080'],
      sb: sandbox('netexec-pod'),
    });
    r.advance(100);
    expect(get(r, 8080, '/hostname', 100)).toEqual({ status: 200, body: 'netexec-pod' });
    expect(get(r, 8080, '/echo?msg=hello%20there', 100)).toEqual({ status: 200, body: 'hello there' });
    expect(get(r, 8080, '/healthz', 100)).toMatchObject({ status: 200 });
  });

  it('serve-hostname answers its hostname on 9376', () => {
    const r = start('registry.k8s.io/e2e-test-images/agnhost:2.40', {
      args: ['serve-hostname'],
      sb: sandbox('hostnames-1'),
    });
    r.advance(100);
    expect(get(r, 9376, '/', 100)).toEqual({ status: 200, body: 'hostnames-1' });
  });
});

describe('other servers', () => {
  it('goproxy listens on TCP 8080 (the TCP probe example)', () => {
    const r = start('registry.k8s.io/goproxy:0.1');
    r.advance(100);
    expect(runtime.tcpConnect(r.p, r.sb, 8080, 100)).toBe(true);
  });

  it('hello-app:2.0 says its version and the pod hostname', () => {
    const r = start('gcr.io/google-samples/hello-app:2.0', { sb: sandbox('hello-7d9f') });
    r.advance(100);
    expect(get(r, 8080, '/', 100)).toEqual({
      status: 200,
      body: 'Hello, world!\nVersion: 2.0.0\nHostname: hello-7d9f\n',
    });
  });

  it('httpd serves "It works!" on 80', () => {
    const r = start('httpd');
    r.advance(100);
    expect(get(r, 80, '/', 100)).toMatchObject({ status: 200, body: expect.stringContaining('It works!') });
  });

  it('redis logs "Ready to accept connections tcp" and redis-cli ping answers PONG', () => {
    const r = start('redis');
    r.advance(100);
    expect(r.log[r.log.length - 1].text).toMatch(/\* Ready to accept connections tcp$/);
    expect(runtime.execInContainer(r.p, r.sb, ['redis-cli', 'ping'], 100)).toEqual({
      stdout: 'PONG\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it("postgres without POSTGRES_PASSWORD exits 1 with the entrypoint's error", () => {
    const r = start('postgres');
    expect(r.log[0].text).toBe('Error: Database is uninitialized and superuser password is not specified.');
    expect(r.last.exited).toMatchObject({ exitCode: 1 });
  });

  it('postgres with a password accepts connections on 5432', () => {
    const r = start('postgres:16', { env: { POSTGRES_PASSWORD: 'secret' } });
    r.advance(5000);
    expect(r.text()).toContain('database system is ready to accept connections');
    expect(runtime.tcpConnect(r.p, r.sb, 5432, 5000)).toBe(true);
  });

  it('python -m http.server serves the working directory', () => {
    const r = start('python:3.13', { command: ['python', '-m', 'http.server', '8000'] });
    r.advance(1000);
    expect(r.text()).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...');
    expect(runtime.tcpConnect(r.p, r.sb, 8000, 1000)).toBe(true);
  });

  it('Go servers without a SIGTERM handler exit 2 as PID 1', () => {
    const r = start('gcr.io/google-samples/hello-app:1.0');
    r.advance(100);
    expect(runtime.signalProcess(r.p, r.sb, 'SIGTERM', 200).exited?.exitCode).toBe(2);
  });

  it('the pause container exits 0 on SIGTERM', () => {
    const r = start('registry.k8s.io/pause:3.10');
    expect(runtime.signalProcess(r.p, r.sb, 'SIGTERM', 200).exited?.exitCode).toBe(0);
  });

  it('control-plane images answer their health endpoints', () => {
    const r = start('registry.k8s.io/kube-apiserver:v1.34.1', { command: ['kube-apiserver', '--secure-port=6443'] });
    r.advance(100);
    expect(get(r, 6443, '/livez', 100)).toEqual({ status: 200, body: 'ok' });
    const dns = start('registry.k8s.io/coredns/coredns:v1.12.1', { args: ['-conf', '/etc/coredns/Corefile'] });
    dns.advance(100);
    expect(get(dns, 8181, '/ready', 100)).toEqual({ status: 200, body: 'OK' });
  });
});

describe('demo web app (docker.io/playground/web)', () => {
  it('v2 answers with its version and pod name; /healthz and /ready are 200', () => {
    const r = start('playground/web:v2', { sb: sandbox('web-abc') });
    r.advance(100);
    const res = get(r, 8080, '/', 100);
    expect(typeof res === 'object' && res.body).toContain('Hello from web v2');
    expect(typeof res === 'object' && res.body).toContain('web-abc');
    expect(get(r, 8080, '/healthz', 100)).toMatchObject({ status: 200 });
    expect(get(r, 8080, '/ready', 100)).toMatchObject({ status: 200 });
  });

  it('crash exits 1 after CRASH_AFTER seconds (default 5)', () => {
    expect(start('playground/web:crash').advance(60_000).exited).toMatchObject({ exitCode: 1, at: 5000 });
    expect(start('playground/web:v1', { env: { CRASH_AFTER: '2' } }).advance(60_000).exited).toMatchObject({
      at: 2000,
    });
  });

  it('slow listens only after START_DELAY seconds (default 20)', () => {
    const r = start('playground/web:slow');
    r.advance(19_000);
    expect(get(r, 8080, '/healthz', 19_000)).toBe('connection refused');
    r.advance(20_000);
    expect(get(r, 8080, '/healthz', 20_000)).toMatchObject({ status: 200 });
  });

  it('unready answers 503 on /ready; UNREADY=false on the same tag turns it off', () => {
    const r = start('playground/web:unready');
    r.advance(100);
    expect(get(r, 8080, '/ready', 100)).toMatchObject({ status: 503 });
    const ok = start('playground/web:unready', { env: { UNREADY: 'false' } });
    ok.advance(100);
    expect(get(ok, 8080, '/ready', 100)).toMatchObject({ status: 200 });
  });

  it('leak grows LEAK_MB_PER_S until over the memory limit: OOMKilled, 137', () => {
    const r = start('playground/web:leak', { memoryLimitBytes: 128 * 1024 * 1024 });
    const end = r.advance(600_000);
    expect(end.exited).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    // 20 MiB at start + 10 MiB/s passes 128 MiB after 10.8 s
    expect(end.exited?.at).toBe(10_801);
  });

  it('job prints work lines and exits 0 after WORK_SECONDS (default 10)', () => {
    const r = start('playground/web:job');
    expect(r.advance(60_000).exited).toMatchObject({ exitCode: 0, at: 10_000 });
    expect(r.text()).toContain('working... 1/10');
    expect(r.text()).toContain('work done in 10s');
  });

  it('SIGTERM is a graceful shutdown with exit 0', () => {
    const r = start('playground/web:v1');
    r.advance(100);
    expect(runtime.signalProcess(r.p, r.sb, 'SIGTERM', 1000).exited).toMatchObject({ exitCode: 0 });
  });
});

describe('access logs', () => {
  it('nginx writes the combined log line of a request, returned by the next step', () => {
    const r = start('nginx');
    r.advance(1000);
    runtime.httpRequest(r.p, r.sb, 80, '/', 5000, { ip: '10.244.0.1', userAgent: 'kube-probe/1.34' });
    const res = runtime.stepProcess(r.p, r.sb, 5000);
    expect(res.output).toEqual([
      {
        at: 5000,
        stream: 'stdout',
        text: '10.244.0.1 - - [01/Jan/2026:09:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.34" "-"',
      },
    ]);
  });

  it('a request without a client writes nothing', () => {
    const r = start('nginx');
    r.advance(1000);
    runtime.httpRequest(r.p, r.sb, 80, '/', 5000);
    expect(runtime.stepProcess(r.p, r.sb, 5000).output).toEqual([]);
  });
});

describe('nginx without daemon off', () => {
  it('command: [nginx] daemonizes, so PID 1 exits 0 right after start-up', () => {
    const r = start('nginx', { command: ['nginx'] });
    expect(r.advance(1000).exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('busybox httpd', () => {
  it('httpd -f -p 8080 -h /www serves files from the shell image', () => {
    const r = start('busybox', {
      command: ['sh', '-c', 'mkdir -p /www && echo hi > /www/index.html && httpd -f -p 8080 -h /www'],
    });
    r.advance(1000);
    expect(runtime.httpRequest(r.p, r.sb, 8080, '/', 1000)).toEqual({ status: 200, body: 'hi\n' });
  });

  it('without -f it goes to the background and the container completes', () => {
    expect(start('busybox', { command: ['httpd', '-p', '8080'] }).advance(1000).exited).toMatchObject({ exitCode: 0 });
  });
});
