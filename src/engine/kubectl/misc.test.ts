// version, api-resources, cluster-info, run, label/annotate, help, and the promise that
// nothing throws out of cluster.kubectl (cmdutil.CheckErr turns every failure into text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kubectl, makePod, quietCluster } from './testutil';

describe('kubectl version / api-resources / cluster-info', () => {
  it('version', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'version').stdout).toBe(
      'Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n',
    );
    expect(kubectl(c, 'version --client').stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\n');
    expect(JSON.parse(kubectl(c, 'version -o json').stdout).serverVersion.gitVersion).toBe('v1.34.1');
  });

  it('api-resources: core group first, then by group', () => {
    const out = kubectl(quietCluster(1), 'api-resources').stdout.split('\n');
    expect(out[0]).toMatch(/^NAME {21}SHORTNAMES {3}APIVERSION {15}NAMESPACED {3}KIND$/);
    expect(out).toContain('pods                     po           v1                       true         Pod');
    expect(out).toContain('deployments              deploy       apps/v1                  true         Deployment');
    expect(kubectl(quietCluster(1), 'api-resources --namespaced=false -o name').stdout).toBe('namespaces\nnodes\n');
  });

  it('api-versions and config', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'api-versions').stdout).toBe(
      'apps/v1\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nv1\n',
    );
    expect(kubectl(c, 'config current-context').stdout).toBe('kind-playground\n');
    expect(kubectl(c, 'config get-contexts').stdout).toBe(
      'CURRENT   NAME              CLUSTER           AUTHINFO          NAMESPACE\n*         kind-playground   kind-playground   kind-playground   \n',
    );
    expect(kubectl(c, 'config use-context other').exitCode).toBe(1);
  });

  it('cluster-info', () => {
    expect(kubectl(quietCluster(1), 'cluster-info').stdout).toContain(
      'is running at \u001b[0;33mhttps://127.0.0.1:6443\u001b[0m\n',
    );
  });
});

describe('kubectl run', () => {
  it('creates a pod labelled run=NAME', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'run web --image=nginx:1.27 --port=80 --env=MODE=prod')).toEqual({
      stdout: 'pod/web created\n',
      stderr: '',
      exitCode: 0,
    });
    const pod = c.get('Pod', 'web');
    expect(pod?.metadata.labels).toEqual({ run: 'web' });
    expect(pod?.spec.containers[0]).toMatchObject({
      name: 'web',
      image: 'nginx:1.27',
      ports: [{ containerPort: 80 }],
      env: [{ name: 'MODE', value: 'prod' }],
    });
  });

  it('--restart, --labels, --command and args after --', () => {
    const c = quietCluster(1);
    kubectl(c, 'run job --image=busybox --restart=Never --labels=app=batch,tier=x --command -- sh -c "echo hi"');
    const pod = c.get('Pod', 'job');
    expect(pod?.spec.restartPolicy).toBe('Never');
    expect(pod?.metadata.labels).toEqual({ app: 'batch', tier: 'x' });
    expect(pod?.spec.containers[0].command).toEqual(['sh', '-c', 'echo hi']);
    kubectl(c, 'run argsy --image=busybox -- sleep 10');
    expect(c.get('Pod', 'argsy')?.spec.containers[0].args).toEqual(['sleep', '10']);
  });

  it('--dry-run=client -o yaml prints the pod it would create', () => {
    expect(kubectl(quietCluster(1), 'run nginx --image=nginx --dry-run=client -o yaml').stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  labels:',
        '    run: nginx',
        '  name: nginx',
        'spec:',
        '  containers:',
        '  - image: nginx',
        '    name: nginx',
        '    resources: {}',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Always',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it('errors', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'run web').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(kubectl(c, 'run web --image=nginx --restart=Sometimes').stderr).toBe(
      'error: invalid restart policy: Sometimes\n',
    );
    kubectl(c, 'run web --image=nginx');
    expect(kubectl(c, 'run web --image=nginx').stderr).toBe(
      'Error from server (AlreadyExists): pods "web" already exists\n',
    );
  });
});

describe('kubectl label / annotate', () => {
  it('adds, refuses to overwrite without --overwrite, removes', () => {
    const c = quietCluster(1);
    makePod(c, 'web');
    expect(kubectl(c, 'label pod web app=web').stdout).toBe('pod/web labeled\n');
    expect(kubectl(c, 'label pod web app=api').stderr).toBe(
      "error: 'app' already has a value (web), and --overwrite is false\n",
    );
    expect(kubectl(c, 'label pod web app=api --overwrite').stdout).toBe('pod/web labeled\n');
    expect(c.get('Pod', 'web')?.metadata.labels).toEqual({ app: 'api' });
    expect(kubectl(c, 'label pod web app-').stdout).toBe('pod/web unlabeled\n');
    expect(c.get('Pod', 'web')?.metadata.labels).toBeUndefined();
    expect(kubectl(c, 'label nodes node-1 disk=ssd').stdout).toBe('node/node-1 labeled\n');
    expect(kubectl(c, 'label pod web "bad value=x"').exitCode).toBe(1);
  });

  it('annotate', () => {
    const c = quietCluster(1);
    makePod(c, 'web');
    expect(kubectl(c, 'annotate pod web note=hello').stdout).toBe('pod/web annotated\n');
    expect(c.get('Pod', 'web')?.metadata.annotations).toEqual({ note: 'hello' });
  });
});

describe('the command line', () => {
  it('help and an unknown command with a suggestion', () => {
    const c = quietCluster(1);
    expect(kubectl(c, '').stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\./);
    expect(kubectl(c, 'gte pods')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n',
      exitCode: 1,
    });
    expect(kubectl(c, 'frobnicate').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  it('flags are checked per verb, as cobra does', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'get pods --image=nginx').stderr).toBe(
      "error: unknown flag: --image\nSee 'kubectl get --help' for usage.\n",
    );
    expect(kubectl(c, 'logs web -t').stderr).toBe(
      "error: unknown shorthand flag: 't' in -t\nSee 'kubectl logs --help' for usage.\n",
    );
    expect(kubectl(c, 'get pods -n kube-system --request-timeout=5s -o name').exitCode).toBe(0);
  });

  it('a leading "kubectl" is accepted', () => {
    expect(kubectl(quietCluster(1), 'kubectl get ns default -o name').stdout).toBe('namespace/default\n');
  });

  it('unbalanced quotes and a 1 MB line give clear errors', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'get pods -l "app=web')).toEqual({
      stdout: '',
      stderr: 'error: unterminated quoted string\n',
      exitCode: 1,
    });
    const r = kubectl(c, `get pods ${'x'.repeat(1024 * 1024)}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: the command line is too long (1048585 characters; the limit is 65536)\n');
  });

  it('never throws, whatever the line (property)', () => {
    const c = quietCluster(1);
    const words = fc.constantFrom(
      'get',
      'describe',
      'delete',
      'apply',
      'logs',
      'exec',
      'drain',
      'cordon',
      'run',
      'label',
      'pods',
      'nodes',
      'pod/x',
      '-o',
      'yaml',
      'jsonpath={.a[',
      '-l',
      'a in (',
      '--',
      '-f',
      '-',
      '"',
      "'",
      '-n',
      '--grace-period=x',
      'node-1',
      '=',
      '{',
      '}',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string()), { maxLength: 8 }), fc.option(fc.string()), (parts, stdin) => {
        const r = c.kubectl(parts.join(' '), stdin ?? undefined);
        return typeof r.stdout === 'string' && typeof r.stderr === 'string' && Number.isInteger(r.exitCode);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('kubectl taint', () => {
  it('adds, refuses a duplicate, overwrites, removes (kubectl pkg/cmd/taint)', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'taint nodes node-1 gpu=true:NoSchedule').stdout).toBe('node/node-1 tainted\n');
    expect(c.get('Node', 'node-1')?.spec.taints).toEqual([{ key: 'gpu', value: 'true', effect: 'NoSchedule' }]);
    expect(kubectl(c, 'taint nodes node-1 gpu=false:NoSchedule').stderr).toBe(
      'error: node node-1 already has gpu taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(kubectl(c, 'taint nodes node-1 gpu=false:NoSchedule --overwrite').stdout).toBe('node/node-1 modified\n');
    expect(kubectl(c, 'taint node node-1 gpu:NoSchedule-').stdout).toBe('node/node-1 untainted\n');
    expect(c.get('Node', 'node-1')?.spec.taints).toBeUndefined();
    expect(kubectl(c, 'taint node node-1 gpu-').stderr).toBe('error: taint "gpu" not found\n');
    expect(kubectl(c, 'taint node node-1 gpu=x:Sometimes').stderr).toBe(
      'error: invalid taint effect: Sometimes, unsupported taint effect\n',
    );
  });
});

describe('commands the playground does not run', () => {
  it('top fails as on a cluster without metrics-server; others say they are not available', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'top nodes')).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 });
    expect(kubectl(c, 'edit pod x').stderr).toBe('error: "kubectl edit" is not available in the playground yet\n');
  });
});

describe('kubectl events', () => {
  it('prints Kind/name objects oldest first, filters with --for and --types', () => {
    const c = quietCluster(1);
    const pod = makePod(c, 'web');
    c.core.events.normal(
      { component: 'default-scheduler' },
      pod,
      'Scheduled',
      'Successfully assigned default/web to node-1',
    );
    c.core.events.warning({ component: 'kubelet' }, pod, 'BackOff', 'Back-off restarting failed container app');
    expect(kubectl(c, 'events --for pod/web').stdout).toBe(
      [
        'LAST SEEN   TYPE      REASON      OBJECT    MESSAGE',
        '0s          Normal    Scheduled   Pod/web   Successfully assigned default/web to node-1',
        '0s          Warning   BackOff     Pod/web   Back-off restarting failed container app',
        '',
      ].join('\n'),
    );
    expect(kubectl(c, 'events --types=Warning -o name').stdout).toMatch(/^event\/web\.[0-9a-f]+\n$/);
    expect(kubectl(c, 'events --for pod/web --types Warning').stdout.split('\n').length).toBe(3);
    expect(kubectl(c, 'events -n kube-public').stderr).toBe('No events found in kube-public namespace.\n');
  });
});
