// mirrors kubectl pkg/cmd/expose/expose_test.go: selector and ports from the object,
// --port/--target-port/--type/--name, the errors for kinds and pods that cannot be exposed.
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/network-types';
import { pod, testCluster } from '../testing';

const deploy = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{containerPort: 80}, {containerPort: 443}]
`;

describe('kubectl expose', () => {
  it('takes the selector, labels and container ports from a Deployment; several ports are port-1, port-2', () => {
    const t = testCluster().apply(deploy);
    expect(t.run('kubectl expose deploy web')).toMatchObject({ exitCode: 0, stdout: 'service/web exposed\n' });
    const s = t.get<Service>('service', 'web') as Service;
    expect(s.metadata.labels).toEqual({ app: 'web' });
    expect(s.spec.selector).toEqual({ app: 'web' });
    expect(s.spec.ports).toEqual([
      { name: 'port-1', port: 80, protocol: 'TCP', targetPort: 80 },
      { name: 'port-2', port: 443, protocol: 'TCP', targetPort: 443 },
    ]);
  });

  it('--port, --target-port, --type and --name', () => {
    const t = testCluster().apply(deploy);
    t.kubectl('kubectl expose deployment/web --port=8080 --target-port=http --type=NodePort --name=front');
    const s = t.get<Service>('service', 'front') as Service;
    expect(s.spec.type).toBe('NodePort');
    expect(s.spec.ports).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 'http', nodePort: expect.any(Number) }]);
  });

  it('a pod is exposed by its labels; a pod without labels or a port cannot be', () => {
    const t = testCluster().apply(pod('p', { labels: { app: 'p' } }), pod('bare'));
    expect(t.run('kubectl expose pod p')).toMatchObject({
      exitCode: 1,
      stderr: "error: couldn't find port via --port flag or introspection\n",
    });
    expect(t.run('kubectl expose pod p --port=80').stdout).toBe('service/p exposed\n');
    expect((t.get<Service>('service', 'p') as Service).spec.selector).toEqual({ app: 'p' });
    expect(t.run('kubectl expose pod bare --port=80').stderr).toBe(
      'error: the pod has no labels and cannot be exposed\n',
    );
  });

  it('--dry-run creates nothing; a second expose is refused by the server', () => {
    const t = testCluster().apply(deploy);
    expect(t.run('kubectl expose deploy web --dry-run=client').stdout).toBe('service/web exposed (dry run)\n');
    expect(t.run('kubectl expose deploy web --dry-run=server').stdout).toBe('service/web exposed (server dry run)\n');
    expect(t.get('service', 'web')).toBeUndefined();
    t.kubectl('kubectl expose deploy web');
    expect(t.run('kubectl expose deploy web').stderr).toBe(
      'Error from server (AlreadyExists): services "web" already exists\n',
    );
  });

  it('refuses kinds without a pod selector', () => {
    const t = testCluster().apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'x' },
    });
    expect(t.run('kubectl expose namespace x --port=80').stderr).toBe('error: cannot expose a Namespace\n');
  });
});
