// The container commands of the kubernetes.io example manifests, run as the runtime
// runs them (the pages' expected output in each case).
import { describe, expect, it } from 'vitest';
import { runtime } from './runtime';
import { sandbox, start } from './testkit';

describe('kubernetes.io example commands', () => {
  it('admin/logging/two-files-counter-pod: writes both logs into the emptyDir, nothing on stdout', () => {
    const script =
      '   i=0; while true; do\n    echo "$i: $(date)" >> /var/log/1.log;\n    echo "$(date) INFO $i" >> /var/log/2.log;\n    i=$((i+1));\n    sleep 1;\n   done\n  ';
    const r = start('busybox:1.28', {
      args: ['/bin/sh', '-c', script],
      mounts: [{ mountPath: '/var/log', volume: 'varlog' }],
    });
    r.advance(2500);
    expect(r.log).toEqual([]);
    expect(r.sb.volumes.varlog['1.log']).toBe(
      '0: Thu Jan  1 09:00:00 UTC 2026\n1: Thu Jan  1 09:00:01 UTC 2026\n2: Thu Jan  1 09:00:02 UTC 2026\n',
    );
    expect(r.sb.volumes.varlog['2.log'].split('\n')[0]).toBe('Thu Jan  1 09:00:00 UTC 2026 INFO 0');
  });

  it('pods/pod-configmap-envFrom: /bin/sh -c env prints the ConfigMap keys and completes', () => {
    const r = start('registry.k8s.io/busybox', {
      command: ['/bin/sh', '-c', 'env'],
      env: { SPECIAL_LEVEL: 'very', SPECIAL_TYPE: 'charm' },
    });
    expect(r.text()).toContain('SPECIAL_LEVEL=very\nSPECIAL_TYPE=charm');
    expect(r.last.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('pods/init-containers: wget into /work-dir, then nginx serves it', () => {
    const sb = sandbox('init-demo');
    const init = start('busybox:1.28', {
      command: ['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'],
      mounts: [{ mountPath: '/work-dir', volume: 'workdir' }],
      sb,
      name: 'install',
    });
    expect(init.last.exited?.exitCode).toBe(0);
    const web = start('nginx', {
      mounts: [{ mountPath: '/usr/share/nginx/html', volume: 'workdir' }],
      sb,
      name: 'nginx',
    });
    web.advance(1000);
    const page = runtime.httpRequest(web.p, sb, 80, '/', 1000);
    expect(typeof page === 'object' && page.body).toContain('<title>http://info.cern.ch</title>');
  });

  it('controllers/job-pod-failure-policy-example: exits 42 after 5 s', () => {
    const r = start('docker.io/library/bash:5', {
      command: ['bash'],
      args: ['-c', 'echo "Hello world!" && sleep 5 && exit 42'],
    });
    expect(r.advance(60_000).exited).toMatchObject({ exitCode: 42, reason: 'Error', at: 5000 });
  });

  it('pods/resource/cpu-request-limit: vish/stress -cpus 2 runs and asks for 2 CPUs', () => {
    const r = start('vish/stress', { args: ['-cpus', '2'] });
    expect(r.p.argv).toEqual(['/stress', '-logtostderr', '-cpus', '2']);
    expect(r.advance(60_000).exited).toBeUndefined();
    expect(runtime.usage?.(r.p, r.sb, 60_000).cpuMilli).toBe(2000);
  });

  it('admin/dns/dnsutils: agnhost with no args pauses forever', () => {
    expect(start('registry.k8s.io/e2e-test-images/agnhost:2.39').advance(600_000).exited).toBeUndefined();
  });

  it('k8s.gcr.io/pause:2.0 and fluentd-elasticsearch keep running', () => {
    expect(start('k8s.gcr.io/pause:2.0').advance(600_000).exited).toBeUndefined();
    expect(start('k8s.gcr.io/fluentd-elasticsearch:1.20').advance(600_000).exited).toBeUndefined();
  });

  it('the StatefulSet tutorial image registry.k8s.io/nginx-slim:0.7 serves on 80', () => {
    const r = start('registry.k8s.io/nginx-slim:0.7');
    r.advance(1000);
    expect(runtime.tcpConnect(r.p, r.sb, 80, 1000)).toBe(true);
  });
});
