// ConfigMaps and Secrets end to end, through kubectl as a learner would type it: the
// kubelet's makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go) fills env from them,
// a missing one holds the container in CreateContainerConfigError with the kubelet's
// message until it exists, volumes (pkg/volume/configmap, pkg/volume/secret) hold one
// file per key, and env is read once per container start (the ConfigMap concept page:
// "ConfigMaps consumed as environment variables are not updated automatically").
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {name: settings, key: mode}
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef: {name: db, key: password}
    volumeMounts:
    - {name: config, mountPath: /etc/config}
    - {name: creds, mountPath: /etc/creds, readOnly: true}
  volumes:
  - name: config
    configMap: {name: settings}
  - name: creds
    secret: {secretName: db}
`;

function waitingReason(t: ReturnType<typeof testCluster>): { reason?: string; message?: string } {
  return t.cluster.get('Pod', 'app')?.status.containerStatuses?.[0]?.state?.waiting ?? {};
}

function started() {
  const t = testCluster({ nodes: 1 });
  t.kubectl('create configmap settings --from-literal=mode=fast --from-literal=level=3');
  t.kubectl('create secret generic db --from-literal=password=s3cr3t');
  t.apply(POD).advance('60s');
  expect(t.run('get pod app --no-headers').stdout).toMatch(/^app\s+1\/1\s+Running\s+0\s+/);
  return t;
}

describe('ConfigMap and Secret consumers', () => {
  it('env from a ConfigMap key and a Secret key: `kubectl exec -- env` shows them decoded', () => {
    const env = started().run('exec app -- env').stdout;
    expect(env).toContain('MODE=fast\n');
    expect(env).toContain('DB_PASSWORD=s3cr3t\n');
  });

  it('mounted keys are files: `kubectl exec -- cat /etc/config/mode`', () => {
    const t = started();
    expect(t.run('exec app -- cat /etc/config/mode').stdout).toBe('fast');
    expect(t.run('exec app -- cat /etc/config/level').stdout).toBe('3');
    expect(t.run('exec app -- cat /etc/creds/password').stdout).toBe('s3cr3t');
  });

  it('binaryData keys are files too, but never env (envFrom reads data only)', () => {
    const t = testCluster({ nodes: 1 });
    t.apply(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\nbinaryData:\n  blob: aGVsbG8=\n',
    );
    t.kubectl('create secret generic db --from-literal=password=s3cr3t');
    t.apply(POD.replace('    env:\n', '    envFrom:\n    - configMapRef: {name: settings}\n    env:\n')).advance('60s');
    expect(t.run('exec app -- cat /etc/config/blob').stdout).toBe('hello');
    const env = t.run('exec app -- env').stdout;
    expect(env).toContain('mode=fast\n');
    expect(env).not.toContain('blob=');
  });

  it('a missing ConfigMap: CreateContainerConfigError with the kubelet message, until it is created', () => {
    const t = testCluster({ nodes: 1 });
    t.kubectl('create secret generic db --from-literal=password=s3cr3t');
    // env only, so the volume manager does not hold the pod first
    t.apply(POD.replace(/ {4}volumeMounts:[\s\S]*$/, '')).advance('60s');
    expect(waitingReason(t)).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'configmap "settings" not found',
    });
    expect(t.run('get pod app --no-headers').stdout).toMatch(/^app\s+0\/1\s+CreateContainerConfigError\s+0\s+/);
    expect(
      t.cluster.events().some((e) => e.reason === 'Failed' && e.message === 'Error: configmap "settings" not found'),
    ).toBe(true);
    t.kubectl('create configmap settings --from-literal=other=x').advance('60s');
    expect(waitingReason(t)).toEqual({
      reason: 'CreateContainerConfigError',
      message: "couldn't find key mode in ConfigMap default/settings",
    });
    t.run('delete configmap settings');
    t.kubectl('create configmap settings --from-literal=mode=fast').advance('60s');
    expect(t.run('get pod app --no-headers').stdout).toMatch(/^app\s+1\/1\s+Running\s+0\s+/);
    expect(t.run('exec app -- env').stdout).toContain('MODE=fast\n');
  });

  it('a missing Secret: the kubelet names it', () => {
    const t = testCluster({ nodes: 1 });
    t.kubectl('create configmap settings --from-literal=mode=fast');
    t.apply(POD.replace(/ {4}volumeMounts:[\s\S]*$/, '')).advance('60s');
    expect(waitingReason(t)).toEqual({ reason: 'CreateContainerConfigError', message: 'secret "db" not found' });
  });

  it('an edit: the file follows within a minute or so, env keeps its value until the container restarts', () => {
    const t = started();
    t.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: slow\n  level: "3"\n');
    t.advance('120s');
    expect(t.run('exec app -- cat /etc/config/mode').stdout).toBe('slow');
    expect(t.run('exec app -- env').stdout).toContain('MODE=fast\n');
    t.cluster.chaos.crashContainer('default', 'app');
    t.advance('60s');
    expect(t.cluster.get('Pod', 'app')?.status.containerStatuses[0].restartCount).toBeGreaterThan(0);
    expect(t.run('exec app -- env').stdout).toContain('MODE=slow\n');
  });

  it('an immutable ConfigMap refuses the edit, and the pod keeps what it has', () => {
    const t = testCluster({ nodes: 1 });
    t.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\nimmutable: true\n');
    const r = t.tryApply(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: slow\nimmutable: true\n',
    );
    expect(r.errors.map((e) => e.message)).toEqual([
      'The ConfigMap "settings" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(t.cluster.get('ConfigMap', 'settings')?.data).toEqual({ mode: 'fast' });
  });
});
