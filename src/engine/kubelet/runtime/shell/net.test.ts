// Reaching other pods and Services from inside a container (the Service and DNS pages).
import { describe, expect, it } from 'vitest';
import { runtime } from '../runtime';
import { sandbox, start } from '../testkit';
import type { PodNetwork } from '../types';

const NET: PodNetwork = {
  lookup: (name) =>
    name === 'kubernetes.default' || name === 'kubernetes.default.svc.cluster.local'
      ? { fqdn: 'kubernetes.default.svc.cluster.local', addresses: ['10.96.0.1'] }
      : name === 'web'
        ? { fqdn: 'web.default.svc.cluster.local', addresses: ['10.96.12.7'] }
        : undefined,
  http: (host, port, path) => {
    if (host === 'web' && port === 80)
      return path === '/' ? { status: 200, body: 'hello from web\n' } : { status: 404, body: 'nope\n' };
    if (host === 'down' || host === '10.96.12.8') return 'connection refused';
    return 'unknown host';
  },
};

function pod(image = 'busybox') {
  const sb = sandbox();
  sb.dns = {
    nameservers: ['10.96.0.10'],
    searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
    options: ['ndots:5'],
  };
  return start(image, { command: ['sleep', '3600'], sb });
}

const exec = (r: ReturnType<typeof start>, argv: string[]) => runtime.execInContainer(r.p, r.sb, argv, 0, NET);

describe('pod network tools', () => {
  it("wget -qO- prints a Service's answer", () => {
    expect(exec(pod(), ['wget', '-qO-', 'http://web'])).toEqual({
      stdout: 'hello from web\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('wget reports HTTP errors, refused connections and unknown names as busybox does', () => {
    const r = pod();
    expect(exec(r, ['wget', '-qO-', 'http://web/x']).stderr).toBe(
      'wget: server returned error: HTTP/1.1 404 Not Found\n',
    );
    expect(exec(r, ['wget', '-qO-', 'http://10.96.12.8']).stderr).toBe(
      "wget: can't connect to remote host (10.96.12.8): Connection refused\n",
    );
    expect(exec(r, ['wget', '-qO-', 'http://nosuch'])).toMatchObject({
      stderr: "wget: bad address 'nosuch'\n",
      exitCode: 1,
    });
  });

  it('curl: body on stdout, (6) for an unknown host, (7) for a refused connection', () => {
    const r = pod('registry.k8s.io/e2e-test-images/agnhost:2.39');
    expect(exec(r, ['curl', '-s', 'http://web'])).toMatchObject({ stdout: 'hello from web\n', exitCode: 0 });
    expect(exec(r, ['curl', 'http://nosuch'])).toMatchObject({
      stderr: 'curl: (6) Could not resolve host: nosuch\n',
      exitCode: 6,
    });
    expect(exec(r, ['curl', 'http://down'])).toMatchObject({ exitCode: 7 });
  });

  it('nslookup kubernetes.default in the dnsutils pod (agnhost, bind tools)', () => {
    const r = pod('registry.k8s.io/e2e-test-images/agnhost:2.39');
    expect(exec(r, ['nslookup', 'kubernetes.default']).stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n',
    );
    expect(exec(r, ['nslookup', 'nosuch'])).toMatchObject({
      exitCode: 1,
      stdout: expect.stringContaining("** server can't find nosuch: NXDOMAIN"),
    });
  });

  it('cat /etc/resolv.conf shows the pod DNS config the kubelet wrote', () => {
    expect(exec(pod(), ['cat', '/etc/resolv.conf']).stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('without a pod network only the built-in internet hosts resolve', () => {
    const r = pod();
    expect(runtime.execInContainer(r.p, r.sb, ['wget', '-qO-', 'http://web'], 0).stderr).toBe(
      "wget: bad address 'web'\n",
    );
    expect(runtime.execInContainer(r.p, r.sb, ['wget', '-qO-', 'http://info.cern.ch'], 0).exitCode).toBe(0);
  });

  it('a load generator loop in the main process reaches the network through stepProcess', () => {
    const sb = sandbox();
    const r = start('busybox', { command: ['/bin/sh', '-c', 'while sleep 0.5; do wget -q -O- http://web; done'], sb });
    const res = runtime.stepProcess(r.p, sb, 1000, NET);
    expect(res.output.map((l) => l.text)).toEqual(['hello from web', 'hello from web']);
  });

  it('ps lists PID 1 (busybox)', () => {
    expect(exec(pod(), ['ps']).stdout).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n',
    );
  });
});

describe('nslookup in busybox:1.28 (the DNS debugging page)', () => {
  it('prints the old format with reverse names', () => {
    const sb = sandbox();
    sb.dns = { nameservers: ['10.96.0.10'], searches: ['default.svc.cluster.local'], options: ['ndots:5'] };
    const r = start('busybox:1.28', { command: ['sleep', '3600'], sb });
    const net: PodNetwork = {
      ...NET,
      reverse: (ip) => (ip === '10.96.0.10' ? 'kube-dns.kube-system.svc.cluster.local' : undefined),
    };
    expect(runtime.execInContainer(r.p, sb, ['nslookup', 'kubernetes.default'], 0, net).stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
    expect(runtime.execInContainer(r.p, sb, ['nslookup', 'nosuch'], 0, net)).toMatchObject({
      exitCode: 1,
      stderr: "nslookup: can't resolve 'nosuch'\n",
    });
  });
});
