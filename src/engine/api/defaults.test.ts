// Defaults as the API server fills them (pkg/apis/core/v1/defaults.go SetDefaults_Pod,
// SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe, SetDefaults_Volume;
// the pod strategy's PrepareForCreate for status.qosClass; the namespace strategy).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { pullPolicyFor } from './defaults';

function applied(spec: string) {
  const c = createCluster();
  const r = c.apply(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`);
  expect(r.errors).toEqual([]);
  return c.get('Pod', 'web') as NonNullable<ReturnType<typeof c.get>>;
}

describe('pod defaults', () => {
  it('fills the PodSpec fields every real pod comes back with', () => {
    const p = applied('  containers:\n  - name: app\n    image: nginx\n');
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      serviceAccountName: 'default',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
    });
    expect(p.spec.containers[0]).toEqual({
      name: 'app',
      image: 'nginx',
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
    });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ])('imagePullPolicy for %j is %s (the tag decides; no tag means latest)', (image, policy) => {
    expect(pullPolicyFor(image)).toBe(policy);
  });

  it('ports default to TCP; probes get period 10, timeout 1, failure 3, success 1; httpGet path / and scheme HTTP', () => {
    const p = applied(
      '  containers:\n  - name: app\n    image: nginx:1.27\n    ports: [{containerPort: 80}]\n    readinessProbe:\n      httpGet: {port: 80}\n',
    );
    const c = p.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      failureThreshold: 3,
      successThreshold: 1,
    });
  });

  it('limits without requests: requests are copied from limits, and the pod is Guaranteed', () => {
    const p = applied(
      '  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      limits: {cpu: 500m, memory: 128Mi}\n',
    );
    expect(p.spec.containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '128Mi' },
      requests: { cpu: '500m', memory: '128Mi' },
    });
    expect(p.status.qosClass).toBe('Guaranteed');
  });

  it('a volume with no source is an emptyDir; configMap and secret files get mode 420', () => {
    const p = applied(
      '  volumes:\n  - name: scratch\n  - name: cfg\n    configMap: {name: c}\n  containers:\n  - name: app\n    image: nginx:1.27\n',
    );
    expect(p.spec.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
    ]);
  });

  it('DefaultTolerationSeconds admission adds the two NoExecute tolerations (300s)', () => {
    const p = applied('  containers:\n  - name: app\n    image: nginx:1.27\n');
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });
});

describe('namespace defaults', () => {
  it('the starting namespaces exist, Active, with the kubernetes finalizer and the name label', () => {
    const c = createCluster();
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      const ns = c.get('Namespace', name);
      expect(ns?.status.phase).toBe('Active');
      expect(ns?.spec.finalizers).toEqual(['kubernetes']);
      expect(ns?.metadata.labels?.['kubernetes.io/metadata.name']).toBe(name);
    }
  });
});
