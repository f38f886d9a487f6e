// The kubernetes.io example manifests (../shared/k8s-examples, see INDEX.md) applied to a
// fresh cluster, each asserting the outcome its page describes. Manifests of kinds the
// engine serves run; the rest are listed as skipped with the kind they wait for, and a
// guard keeps this list in step with INDEX.md.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from './index';

const EXAMPLES = resolve(process.cwd(), '../shared/k8s-examples');
const example = (file: string) => readFileSync(resolve(EXAMPLES, file), 'utf8');

function applyOk(c: Cluster, text: string, namespace?: string) {
  const r = c.apply(text, { namespace });
  expect(r.errors).toEqual([]);
  expect(r.ok).toBe(true);
  return r;
}

function pod(c: Cluster, name: string, ns = 'default') {
  const p = c.get('Pod', name, ns);
  expect(p, `pod ${ns}/${name}`).toBeDefined();
  return p as NonNullable<typeof p>;
}

function status(c: Cluster, name: string, ns = 'default'): string {
  const out = c.kubectl(`get pod ${name} -n ${ns} --no-headers`).stdout.trim().split(/\s+/);
  return out[2];
}

function label(c: Cluster, node: string, key: string, value: string) {
  const r = c.kubectl(`label node ${node} ${key}=${value}`);
  expect(r.exitCode, r.stderr).toBe(0);
}

/** Pod/Namespace examples that need a kind the engine does not serve yet. */
const WAITING_FOR: Record<string, string> = {
  'admin__resource__quota-mem-cpu-pod.yaml': 'ResourceQuota (mem-cpu-demo decides the outcome)',
  'admin__resource__quota-mem-cpu-pod-2.yaml': 'ResourceQuota (the Forbidden: exceeded quota refusal)',
  'admin__resource__memory-defaults-pod.yaml': 'LimitRange (mem-limit-range fills the requests and limits)',
  'pods__storage__pv-pod.yaml': 'PersistentVolume and PersistentVolumeClaim (task-pv-claim)',
};

/** Namespaces the pages create before applying (INDEX.md "Things a test has to set up"). */
const NEEDS_NAMESPACE: Record<string, string> = {
  'pods__qos__qos-pod.yaml': 'qos-example',
  'pods__qos__qos-pod-3.yaml': 'qos-example',
  'pods__resource__cpu-request-limit.yaml': 'cpu-example',
};

/** The INDEX.md rows: file → kinds. */
function indexRows(): { file: string; kinds: string[] }[] {
  const rows: { file: string; kinds: string[] }[] = [];
  for (const line of readFileSync(resolve(EXAMPLES, 'INDEX.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((x) => x.trim());
    if (cells.length > 5 && cells[1].endsWith('.yaml'))
      rows.push({ file: cells[1], kinds: cells[4].split(',').map((k) => k.trim()) });
  }
  return rows;
}

const SERVED = new Set([
  'Pod',
  'Namespace',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'DaemonSet',
  'StatefulSet',
  'Deployment',
  'Service',
  // INDEX.md writes the headless one out as such
  'Service (headless)',
  'ConfigMap',
  'Secret',
]);
const rows = indexRows();
const covered = rows.filter((r) => r.kinds.every((k) => SERVED.has(k)));

describe('kubernetes.io examples: the API accepts each one (apply outcome)', () => {
  it('INDEX.md lists every file in the folder', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    expect(rows.map((r) => r.file).sort()).toEqual(files.sort());
  });

  for (const { file, kinds } of covered) {
    const waiting = WAITING_FOR[file];
    if (waiting) {
      it.skip(`${file}: waits for ${waiting}`, () => {});
      continue;
    }
    it(`${file}: every document is created, defaulted and validated (${kinds.join(', ')})`, () => {
      const c = createCluster();
      const ns = NEEDS_NAMESPACE[file];
      if (ns) applyOk(c, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n`);
      const r = applyOk(c, example(file));
      expect(r.results.length).toBeGreaterThan(0);
      for (const item of r.results) {
        expect(item.action).toBe('created');
        const obj = c.get(item.kind, item.name, item.namespace);
        expect(obj?.metadata.uid).toBeTruthy();
        if (item.kind === 'Pod') expect(obj?.status.phase).toBe('Pending');
        if (item.kind === 'Namespace') expect(obj?.status.phase).toBe('Active');
      }
      // applying the same page again changes nothing
      expect(c.apply(example(file)).results.every((x) => x.action === 'unchanged')).toBe(true);
    });
  }

  for (const { file, kinds } of rows.filter((r) => !r.kinds.every((k) => SERVED.has(k)))) {
    it.skip(`${file}: waits for ${kinds.filter((k) => !SERVED.has(k)).join(', ')}`, () => {});
  }
});

describe('kubernetes.io examples: the outcome each page describes', () => {
  it('pods/pod-nginx.yaml: Pending until a node is labelled disktype=ssd, then runs there', () => {
    const c = createCluster();
    applyOk(c, example('pods__pod-nginx.yaml'));
    c.advance(5_000);
    const pending = pod(c, 'nginx');
    expect(pending.status.phase).toBe('Pending');
    const cond = pending.status.conditions.find((x: { type: string }) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    expect(cond.message).toMatch(/^0\/4 nodes are available: .*3 node\(s\) didn't match Pod's node affinity\/selector/);
    label(c, 'node-2', 'disktype', 'ssd');
    c.advance(60_000);
    expect(pod(c, 'nginx').spec.nodeName).toBe('node-2');
    expect(status(c, 'nginx')).toBe('Running');
  });

  it('pods/pod-nginx-specific-node.yaml: nodeName skips the scheduler and runs on foo-node', () => {
    const c = createCluster({ nodes: [{ name: 'foo-node' }, { name: 'bar-node' }] });
    applyOk(c, example('pods__pod-nginx-specific-node.yaml'));
    c.advance(60_000);
    expect(pod(c, 'nginx').spec.nodeName).toBe('foo-node');
    expect(status(c, 'nginx')).toBe('Running');
    expect(c.events().some((e) => e.reason === 'Scheduled' && e.involvedObject.name === 'nginx')).toBe(false);
  });

  it('pods/pod-with-affinity-anti-affinity.yaml: the weight-50 preference wins', () => {
    const c = createCluster();
    label(c, 'node-1', 'label-1', 'key-1');
    label(c, 'node-3', 'label-2', 'key-2');
    applyOk(c, example('pods__pod-with-affinity-anti-affinity.yaml'));
    c.advance(60_000);
    expect(pod(c, 'with-affinity-anti-affinity').spec.nodeName).toBe('node-3');
    expect(status(c, 'with-affinity-anti-affinity')).toBe('Running');
  });

  it('pods/init-containers.yaml: the init container downloads the page, then nginx serves it', () => {
    const c = createCluster();
    applyOk(c, example('pods__init-containers.yaml'));
    c.advance(2_000);
    expect(status(c, 'init-demo')).toMatch(/^(Init:0\/1|PodInitializing)$/);
    c.advance(60_000);
    const p = pod(c, 'init-demo');
    expect(p.status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status(c, 'init-demo')).toBe('Running');
    const page = c.exec('default', 'init-demo', ['cat', '/usr/share/nginx/html/index.html']);
    expect(page.exitCode).toBe(0);
    expect(page.stdout.toLowerCase()).toContain('<html');
  });

  it('pods/multi-container/shared-volume.yaml: nginx serves what the init container wrote', () => {
    const c = createCluster();
    applyOk(c, example('pods__multi-container__shared-volume.yaml'));
    c.advance(60_000);
    expect(status(c, 'shared-volume-example')).toBe('Running');
    const page = c.exec('default', 'shared-volume-example', ['cat', '/usr/share/nginx/html/index.html'], 'web');
    expect(page.stdout).toContain('Hello from the init container');
  });

  it('pods/lifecycle-events.yaml: postStart writes /usr/share/message', () => {
    const c = createCluster();
    applyOk(c, example('pods__lifecycle-events.yaml'));
    c.advance(60_000);
    expect(status(c, 'lifecycle-demo')).toBe('Running');
    const msg = c.exec('default', 'lifecycle-demo', ['cat', '/usr/share/message']);
    expect(msg.stdout).toContain('Hello from the postStart handler');
  });

  it('admin/logging/two-files-counter-pod.yaml: runs, and kubectl logs shows nothing', () => {
    const c = createCluster();
    applyOk(c, example('admin__logging__two-files-counter-pod.yaml'));
    c.advance(60_000);
    expect(status(c, 'counter')).toBe('Running');
    expect(c.logs('default', 'counter').text).toBe('');
    const log1 = c.exec('default', 'counter', ['cat', '/var/log/1.log']);
    expect(log1.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(10);
  });

  it('pods/probe/tcp-liveness-readiness.yaml: probes pass, Ready with 0 restarts', () => {
    const c = createCluster();
    applyOk(c, example('pods__probe__tcp-liveness-readiness.yaml'));
    c.advance(10_000);
    expect(pod(c, 'goproxy').status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('False');
    c.advance(60_000);
    const p = pod(c, 'goproxy');
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('True');
    expect(p.status.containerStatuses[0].restartCount).toBe(0);
  });

  it('pods/probe/pod-with-http-healthcheck.yaml: stock nginx answers 404, so it is restarted again and again', () => {
    const c = createCluster();
    applyOk(c, example('pods__probe__pod-with-http-healthcheck.yaml'));
    c.advance(10 * 60_000);
    const p = pod(c, 'pod-with-http-healthcheck');
    expect(p.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(3);
    expect(c.events().some((e) => e.reason === 'Unhealthy' && /statuscode: 404/.test(e.message))).toBe(true);
  });

  it('pods/qos: requests = limits is Guaranteed, none is BestEffort', () => {
    const c = createCluster();
    applyOk(c, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: qos-example\n');
    applyOk(c, example('pods__qos__qos-pod.yaml'));
    applyOk(c, example('pods__qos__qos-pod-3.yaml'));
    expect(pod(c, 'qos-demo', 'qos-example').status.qosClass).toBe('Guaranteed');
    expect(pod(c, 'qos-demo-3', 'qos-example').status.qosClass).toBe('BestEffort');
  });

  it('pods/resource/cpu-request-limit.yaml: runs in cpu-example', () => {
    const c = createCluster();
    applyOk(c, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: cpu-example\n');
    applyOk(c, example('pods__resource__cpu-request-limit.yaml'));
    c.advance(60_000);
    expect(status(c, 'cpu-demo', 'cpu-example')).toBe('Running');
  });

  it('pods/inject/envars.yaml: printenv shows the two variables', () => {
    const c = createCluster();
    applyOk(c, example('pods__inject__envars.yaml'));
    c.advance(60_000);
    expect(status(c, 'envar-demo')).toBe('Running');
    const env = c.exec('default', 'envar-demo', ['printenv']);
    expect(env.stdout).toContain('DEMO_GREETING=Hello from the environment');
    expect(env.stdout).toContain('DEMO_FAREWELL=Such a sweet sorrow');
  });

  it('admin/dns/dnsutils.yaml: Running in default', () => {
    const c = createCluster();
    applyOk(c, example('admin__dns__dnsutils.yaml'));
    c.advance(60_000);
    expect(status(c, 'dnsutils')).toBe('Running');
  });

  it('controllers/daemonset.yaml: one fluentd pod per untainted worker, none on the control plane', () => {
    const c = createCluster();
    applyOk(c, example('controllers__daemonset.yaml'));
    c.advance(60_000);
    const pods = c.list('Pod', 'kube-system').filter((p) => p.metadata.labels?.name === 'fluentd-elasticsearch');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(pods.every((p) => status(c, p.metadata.name, 'kube-system') === 'Running')).toBe(true);
  });

  it('admin/namespace-dev.yaml: Namespace development is Active with its label', () => {
    const c = createCluster();
    applyOk(c, example('admin__namespace-dev.yaml'));
    const ns = c.get('Namespace', 'development');
    expect(ns?.status.phase).toBe('Active');
    expect(ns?.metadata.labels).toMatchObject({ name: 'development' });
    expect(c.kubectl('get ns development --no-headers').stdout).toMatch(/^development\s+Active\s+/);
  });
});

/** Workload examples vendored beside their controller's tests, so they run on a fresh clone. */
const vendored = (file: string) =>
  readFileSync(resolve(process.cwd(), 'src/engine/controllers/testdata/k8s-examples', file), 'utf8');

describe('kubernetes.io examples: ReplicaSet and ReplicationController', () => {
  const owned = (c: Cluster, kind: string, name: string) => {
    const uid = c.get(kind, name)?.metadata.uid;
    return c
      .list('Pod')
      .filter(
        (p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid) && !p.metadata.deletionTimestamp,
      );
  };

  it('controllers/frontend.yaml: ReplicaSet frontend keeps 3 Pods (tier=frontend) Running; a deleted Pod is replaced', () => {
    const c = createCluster();
    applyOk(c, vendored('controllers__frontend.yaml'));
    c.advance(60_000);
    const pods = owned(c, 'ReplicaSet', 'frontend');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.labels).toEqual({ tier: 'frontend' });
      expect(status(c, p.metadata.name)).toBe('Running');
    }
    expect(c.kubectl('get rs frontend --no-headers').stdout).toMatch(/^frontend\s+3\s+3\s+3\s+/);
    const victim = pods[0].metadata.name;
    expect(c.kubectl(`delete pod ${victim}`).exitCode).toBe(0);
    c.advance(60_000);
    const after = owned(c, 'ReplicaSet', 'frontend');
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.metadata.name)).not.toContain(victim);
    expect(after.every((p) => status(c, p.metadata.name) === 'Running')).toBe(true);
  });

  it('controllers/replication.yaml: RC nginx keeps 3 Pods (app=nginx); describe shows "Pods Status: 3 Running"', () => {
    const c = createCluster();
    applyOk(c, vendored('controllers__replication.yaml'));
    c.advance(60_000);
    expect(owned(c, 'ReplicationController', 'nginx')).toHaveLength(3);
    const out = c.kubectl('describe rc nginx').stdout;
    expect(out).toMatch(/^Selector:\s+app=nginx$/m);
    expect(out).toMatch(/^Replicas:\s+3 current \/ 3 desired$/m);
    expect(out).toMatch(/^Pods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed$/m);
  });
});

describe('kubernetes.io examples: Job', () => {
  it('controllers/job-pod-failure-policy-example.yaml: exit 42 fires FailJob; Failed at once, no retries, no pod left running', () => {
    const c = createCluster();
    applyOk(c, vendored('controllers__job-pod-failure-policy-example.yaml'));
    c.advance(60_000);
    const job = c.get('Job', 'job-pod-failure-policy-example');
    const failed = job?.status.conditions.find((x: { type: string }) => x.type === 'Failed');
    expect(failed).toMatchObject({ status: 'True', reason: 'PodFailurePolicy' });
    expect(failed.message).toMatch(/failed with exit code 42 matching FailJob rule at index 0$/);
    const created = c
      .events()
      .filter((e) => e.reason === 'SuccessfulCreate' && e.involvedObject.name === job?.metadata.name);
    expect(created).toHaveLength(3);
    const running = c
      .list('Pod')
      .filter((p) => p.metadata.labels?.['job-name'] === job?.metadata.name && p.status.phase === 'Running');
    expect(running).toEqual([]);
  });
});

describe('kubernetes.io examples: Deployment', () => {
  const running = (c: Cluster, app: string) =>
    c
      .list('Pod')
      .filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp)
      .filter((p) => status(c, p.metadata.name) === 'Running');

  // run-stateless-application-deployment: apply, describe, then the page's deployment-update.yaml
  // (image nginx:1.16.1) and deployment-scale.yaml (replicas: 4), written here as edits of the same file.
  it('application/deployment.yaml: nginx-deployment runs 2 Pods (app=nginx); a new image replaces both; scaling to 4 runs 4', () => {
    const c = createCluster();
    const manifest = vendored('application__deployment.yaml');
    applyOk(c, manifest);
    c.advance(60_000);
    const first = running(c, 'nginx');
    expect(first).toHaveLength(2);
    expect(first.every((p) => p.spec.containers[0].image === 'nginx:1.15')).toBe(true);
    expect(c.kubectl('get deploy nginx-deployment --no-headers').stdout).toMatch(/^nginx-deployment\s+2\/2\s+2\s+2\s+/);
    const described = c.kubectl('describe deployment nginx-deployment').stdout;
    expect(described).toMatch(/^Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable$/m);
    expect(described).toMatch(/^Selector:\s+app=nginx$/m);

    applyOk(c, manifest.replace('image: nginx:1.15', 'image: nginx:1.16.1'));
    c.advance(60_000);
    const updated = running(c, 'nginx');
    expect(updated).toHaveLength(2);
    expect(updated.every((p) => p.spec.containers[0].image === 'nginx:1.16.1')).toBe(true);
    const before = new Set(first.map((p) => p.metadata.name));
    expect(updated.some((p) => before.has(p.metadata.name))).toBe(false);
    expect(c.list('Pod').filter((p) => p.metadata.labels?.app === 'nginx')).toHaveLength(2);

    applyOk(c, manifest.replace('image: nginx:1.15', 'image: nginx:1.16.1').replace('replicas: 2', 'replicas: 4'));
    c.advance(60_000);
    expect(running(c, 'nginx')).toHaveLength(4);
    expect(c.kubectl('get deploy nginx-deployment --no-headers').stdout).toMatch(/^nginx-deployment\s+4\/4\s+4\s+4\s+/);
  });

  // concepts/workloads/controllers/deployment: create, update the image (the page uses
  // `kubectl set image`; here the same change is applied), then the nginx:1.161 typo stalls and
  // going back to nginx:1.16.1 recovers.
  it('controllers/nginx-deployment.yaml: READY 3/3; nginx:1.16.1 replaces every pod with 3 available throughout; nginx:1.161 stalls', () => {
    const c = createCluster();
    const manifest = vendored('controllers__nginx-deployment.yaml');
    const pods = () =>
      c
        .list('Pod')
        .filter((p) => p.metadata.labels?.['app.kubernetes.io/name'] === 'nginx' && !p.metadata.deletionTimestamp);
    const ready = (p: ReturnType<typeof pods>[number]) =>
      p.status.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True');
    applyOk(c, manifest);
    c.advance(60_000);
    expect(c.kubectl('get deployments --no-headers').stdout).toMatch(/^nginx-deployment\s+3\/3\s+3\s+3\s+/);
    const [rs] = c.list('ReplicaSet');
    const hash = rs.metadata.labels?.['pod-template-hash'];
    expect(rs.metadata.name).toBe(`nginx-deployment-${hash}`);
    expect(c.kubectl('get rs --no-headers').stdout).toMatch(new RegExp(`^nginx-deployment-${hash}\\s+3\\s+3\\s+3\\s+`));
    const first = pods();
    expect(first.map((p) => p.metadata.labels)).toEqual(
      Array(3).fill({ 'app.kubernetes.io/name': 'nginx', 'pod-template-hash': hash }),
    );
    expect(first.every((p) => status(c, p.metadata.name) === 'Running')).toBe(true);

    // 25% of 3: at most 1 surge pod, none unavailable ("at least 75% ... at most 125%").
    const updated = manifest.replace('image: nginx:1.14.2', 'image: nginx:1.16.1');
    applyOk(c, updated);
    for (let s = 0; s < 60; s++) {
      c.advance(1_000);
      expect(pods().filter(ready).length).toBeGreaterThanOrEqual(3);
      expect(pods().length).toBeLessThanOrEqual(4);
    }
    const now = pods();
    expect(now).toHaveLength(3);
    expect(now.every((p) => p.spec.containers[0].image === 'nginx:1.16.1' && ready(p))).toBe(true);
    expect(now.some((p) => first.some((f) => f.metadata.name === p.metadata.name))).toBe(false);
    const described = c.kubectl('describe deployments').stdout;
    expect(described).toMatch(/^RollingUpdateStrategy:\s+25% max unavailable, 25% max surge$/m);
    expect(described).toMatch(
      new RegExp(`^OldReplicaSets:\\s+nginx-deployment-${hash} \\(0/0 replicas created\\)$`, 'm'),
    );
    expect(described).toMatch(/^NewReplicaSet:\s+nginx-deployment-\w+ \(3\/3 replicas created\)$/m);

    applyOk(c, manifest.replace('image: nginx:1.14.2', 'image: nginx:1.161'));
    c.advance(60_000);
    const stuck = c.list('ReplicaSet').find((r) => r.spec.template.spec.containers[0].image === 'nginx:1.161');
    expect(c.kubectl(`get rs ${stuck?.metadata.name} --no-headers`).stdout).toMatch(/\s+1\s+1\s+0\s+/);
    expect(pods().filter(ready)).toHaveLength(3);
    expect(pods().some((p) => /ErrImagePull|ImagePullBackOff/.test(status(c, p.metadata.name)))).toBe(true);

    applyOk(c, updated);
    c.advance(60_000);
    expect(c.kubectl('get deployments --no-headers').stdout).toMatch(/^nginx-deployment\s+3\/3\s+3\s+3\s+/);
    expect(pods().every((p) => p.spec.containers[0].image === 'nginx:1.16.1')).toBe(true);
  });
});

/** Service examples vendored beside the networking tests. */
const networking = (file: string) =>
  readFileSync(resolve(process.cwd(), 'src/engine/network/testdata/k8s-examples', file), 'utf8');

describe('kubernetes.io examples: Services', () => {
  it('application/nginx-app.yaml: one apply creates service/my-nginx-svc (LoadBalancer :80) and deployment.apps/my-nginx (3 replicas)', () => {
    const c = createCluster();
    const r = applyOk(c, networking('application__nginx-app.yaml'));
    expect(r.results.map((x) => `${x.kind}/${x.name} ${x.action}`)).toEqual([
      'Service/my-nginx-svc created',
      'Deployment/my-nginx created',
    ]);
    c.advance(60_000);
    // The simulated cloud's service controller gives the load balancer an address.
    expect(c.kubectl('get svc my-nginx-svc --no-headers').stdout).toMatch(
      /^my-nginx-svc\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+203\.0\.113\.1\s+80:3\d{4}\/TCP\s+/,
    );
    expect(c.kubectl('get deploy my-nginx --no-headers').stdout).toMatch(/^my-nginx\s+3\/3\s+3\s+3\s+/);
    const ep = c.kubectl('get ep my-nginx-svc --no-headers').stdout;
    expect(ep).toMatch(/^my-nginx-svc\s+(\d+\.\d+\.\d+\.\d+:80,){2}\d+\.\d+\.\d+\.\d+:80\s+/);
  });

  it('application/web/web.yaml: the headless Service nginx has no cluster IP; StatefulSet web runs web-0, then web-1', () => {
    const c = createCluster();
    applyOk(c, networking('application__web__web.yaml'));
    c.advance(60_000);
    expect(c.kubectl('get svc nginx --no-headers').stdout).toMatch(/^nginx\s+ClusterIP\s+None\s+<none>\s+80\/TCP\s+/);
    expect(c.get('Service', 'nginx')?.metadata.labels).toEqual({ app: 'nginx' });
    expect(status(c, 'web-0')).toBe('Running');
    expect(status(c, 'web-1')).toBe('Running');
    // web-1 comes once web-0 is Ready (OrderedReady)
    const created = (n: string) => String(c.get('Pod', n)?.metadata.creationTimestamp);
    expect(created('web-0') < created('web-1')).toBe(true);
  });
});

/** ConfigMap and Secret pages, vendored beside the kubelet that consumes them. */
const configExample = (file: string) =>
  readFileSync(resolve(process.cwd(), 'src/engine/kubelet/testdata/k8s-examples', file), 'utf8');

describe('kubernetes.io examples: ConfigMap and Secret', () => {
  it('configmap/configmap-multikeys.yaml: special-config in default with SPECIAL_LEVEL=very, SPECIAL_TYPE=charm', () => {
    const c = createCluster();
    applyOk(c, configExample('configmap__configmap-multikeys.yaml'));
    expect(c.get('ConfigMap', 'special-config', 'default')?.data).toEqual({
      SPECIAL_LEVEL: 'very',
      SPECIAL_TYPE: 'charm',
    });
    expect(c.kubectl('get cm special-config --no-headers').stdout).toMatch(/^special-config\s+2\s+/);
  });

  it('pods/pod-configmap-envFrom.yaml: env prints SPECIAL_LEVEL=very and SPECIAL_TYPE=charm; Completed', () => {
    const c = createCluster();
    applyOk(c, configExample('configmap__configmap-multikeys.yaml'));
    applyOk(c, configExample('pods__pod-configmap-envFrom.yaml'));
    c.advance(60_000);
    expect(status(c, 'dapi-test-pod')).toBe('Completed');
    const out = c.logs('default', 'dapi-test-pod').text;
    expect(out).toContain('SPECIAL_LEVEL=very\n');
    expect(out).toContain('SPECIAL_TYPE=charm\n');
  });

  it('pods/pod-single-configmap-env-variable.yaml: SPECIAL_LEVEL_KEY=very from special.how; without that key, CreateContainerConfigError', () => {
    const c = createCluster();
    expect(c.kubectl('create configmap special-config --from-literal=special.how=very').exitCode).toBe(0);
    applyOk(c, configExample('pods__pod-single-configmap-env-variable.yaml'));
    c.advance(60_000);
    expect(status(c, 'dapi-test-pod')).toBe('Completed');
    expect(c.logs('default', 'dapi-test-pod').text).toContain('SPECIAL_LEVEL_KEY=very\n');

    const only = createCluster();
    applyOk(only, configExample('configmap__configmap-multikeys.yaml'));
    applyOk(only, configExample('pods__pod-single-configmap-env-variable.yaml'));
    only.advance(60_000);
    expect(status(only, 'dapi-test-pod')).toBe('CreateContainerConfigError');
    expect(pod(only, 'dapi-test-pod').status.containerStatuses[0].state.waiting.message).toBe(
      "couldn't find key special.how in ConfigMap default/special-config",
    );
  });

  it('pods/inject/secret.yaml: test-secret with username=my-app, password=39528$vdg7Jb', () => {
    const c = createCluster();
    applyOk(c, configExample('pods__inject__secret.yaml'));
    const s = c.get('Secret', 'test-secret');
    expect(s?.type).toBe('Opaque');
    expect(s?.data).toEqual({ username: 'bXktYXBw', password: 'Mzk1MjgkdmRnN0pi' });
    expect(c.kubectl('describe secret test-secret').stdout).toMatch(/^password:\s+12 bytes\nusername:\s+6 bytes\n$/m);
  });

  it('pods/inject/secret-pod.yaml: Running; /etc/secret-volume holds username and password', () => {
    const c = createCluster();
    applyOk(c, configExample('pods__inject__secret.yaml'));
    applyOk(c, configExample('pods__inject__secret-pod.yaml'));
    c.advance(60_000);
    expect(status(c, 'secret-test-pod')).toBe('Running');
    expect(
      c.exec('default', 'secret-test-pod', ['ls', '/etc/secret-volume']).stdout.split(/\s+/).filter(Boolean),
    ).toEqual(['password', 'username']);
    expect(c.exec('default', 'secret-test-pod', ['cat', '/etc/secret-volume/password']).stdout).toBe('39528$vdg7Jb');
  });

  it('pods/inject/secret-envars-pod.yaml: Running; SECRET_USERNAME=my-app, SECRET_PASSWORD=39528$vdg7Jb', () => {
    const c = createCluster();
    applyOk(c, configExample('pods__inject__secret.yaml'));
    applyOk(c, configExample('pods__inject__secret-envars-pod.yaml'));
    c.advance(60_000);
    expect(status(c, 'secret-envars-test-pod')).toBe('Running');
    const env = c.exec('default', 'secret-envars-test-pod', ['printenv']).stdout;
    expect(env).toContain('SECRET_USERNAME=my-app\n');
    expect(env).toContain('SECRET_PASSWORD=39528$vdg7Jb\n');
  });
});
