/**
 * kubectl create deployment | job | cronjob, mirroring staging/src/k8s.io/kubectl/pkg/
 * cmd/create/create_deployment.go (createDeployment, buildPodSpec, sanitizeAndUniquify),
 * create_job.go (createJob, createJobFromCronJob) and create_cronjob.go, with the
 * --dry-run=client -o yaml output of their golden tests.
 */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';
import { containerNameFor } from './create-workload';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('kubectl create deployment', () => {
  it('builds app=NAME labels, a selector and one container named after the image', () => {
    const t = testCluster({ nodes: 1 });
    expect(t.run('create deployment web --image=nginx:1.25 --dry-run=client -o yaml').stdout).toBe(
      lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.25',
        '        name: nginx',
        '        resources: {}',
        'status: {}',
      ),
    );
    expect(t.list('Deployment', 'default')).toHaveLength(0);
  });

  it('creates it with --replicas and --port, and runs its pods', () => {
    const t = testCluster({ nodes: 2 });
    expect(t.run('create deployment web --image=nginx:1.25 --replicas=3 --port=80')).toEqual({
      stdout: 'deployment.apps/web created\n',
      stderr: '',
      exitCode: 0,
    });
    const d = t.get('Deployment', 'web');
    expect(d?.spec?.replicas).toBe(3);
    expect(
      t.run('create deployment short --image=nginx:1.25 -r 2 --dry-run=client -o jsonpath={.spec.replicas}').stdout,
    ).toBe('2');
    expect(d?.spec?.template.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    t.kubectl('rollout status deployment/web');
    expect(t.get('Deployment', 'web')?.status?.availableReplicas).toBe(3);
    expect(t.run('create deployment web --image=nginx:1.25').stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });

  it('several images make several containers; a command needs a single image', () => {
    const t = testCluster({ nodes: 1 });
    const d = t.run('create deployment two --image=nginx:1.25,busybox --dry-run=client -o json').stdout;
    expect(JSON.parse(d).spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual([
      'nginx',
      'busybox',
    ]);
    const repeated = t.run('create deployment two --image=nginx:1.25 --image busybox --dry-run=client -o json').stdout;
    expect(JSON.parse(repeated).spec.template.spec.containers).toHaveLength(2);
    expect(t.run('create deployment two --image=nginx,busybox -- sleep 1').stderr).toBe(
      'error: cannot specify multiple --image options and command\n',
    );
    expect(t.run('create deployment web').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(t.run('create deployment --image=nginx').stderr).toBe(
      "error: NAME is required\nSee 'kubectl create deployment -h' for help and examples\n",
    );
    expect(t.run('create deploy web --image=nginx --port=http').stderr).toBe(
      'error: invalid argument "http" for "--port" flag: strconv.ParseInt: parsing "http": invalid syntax\n',
    );
  });

  it('derives the container name from the image: last path element, no tag or digest', () => {
    const suffix = () => 'abcde';
    expect(containerNameFor('registry.k8s.io/pause:3.9', suffix)).toBe('pause');
    expect(containerNameFor('busybox@sha256:0123', suffix)).toBe('busybox');
    expect(containerNameFor('my_repo/my_app.v2:1.0', suffix)).toBe('my-app-v2-abcde');
  });
});

describe('kubectl create job', () => {
  it('builds a Job whose container is named after it, restartPolicy Never, command after --', () => {
    const t = testCluster({ nodes: 1 });
    expect(t.run('create job pi --image=busybox --dry-run=client -o yaml -- echo hi').stdout).toBe(
      lines(
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: pi',
        'spec:',
        '  template:',
        '    metadata: {}',
        '    spec:',
        '      containers:',
        '      - command:',
        '        - echo',
        '        - hi',
        '        image: busybox',
        '        name: pi',
        '        resources: {}',
        '      restartPolicy: Never',
        'status: {}',
      ),
    );
    expect(t.run('create job pi --image=busybox -- echo hi').stdout).toBe('job.batch/pi created\n');
    t.advance('1m');
    expect(t.get('Job', 'pi')?.status?.succeeded).toBe(1);
  });

  it('--from=cronjob/NAME copies the job template, marked manual and owned by the CronJob', () => {
    const t = testCluster({ nodes: 1 });
    t.kubectl('create cronjob tick --image=busybox --schedule="0 0 1 1 *" -- date');
    expect(t.run('create job tick-now --from=cronjob/tick').stdout).toBe('job.batch/tick-now created\n');
    const job = t.get('Job', 'tick-now');
    const cj = t.get('CronJob', 'tick');
    expect(job?.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job?.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: cj?.metadata.uid, controller: true },
    ]);
    expect(job?.spec?.template.spec.containers[0].command).toEqual(['date']);
  });

  it('needs exactly one of --image and --from, and --from must name a CronJob', () => {
    const t = testCluster({ nodes: 1 });
    t.kubectl('create deployment web --image=nginx');
    expect(t.run('create job x').stderr).toBe('error: either --image or --from must be specified\n');
    expect(t.run('create job x --image=busybox --from=cronjob/a').stderr).toBe(
      'error: either --image or --from must be specified\n',
    );
    expect(t.run('create job x --from=cronjob/a -- date').stderr).toBe('error: cannot specify --from and command\n');
    expect(t.run('create job x --from=cronjob/none').stderr).toBe(
      'Error from server (NotFound): cronjobs.batch "none" not found\n',
    );
    expect(t.run('create job x --from=deployment/web').stderr).toBe('error: unknown object type *v1.Deployment\n');
  });
});

describe('kubectl create cronjob', () => {
  it('builds a CronJob with restartPolicy OnFailure unless --restart says otherwise', () => {
    const t = testCluster({ nodes: 1 });
    expect(
      t.run('create cronjob hello --image=busybox --schedule="*/1 * * * *" --dry-run=client -o yaml -- date').stdout,
    ).toBe(
      lines(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: hello',
        'spec:',
        '  jobTemplate:',
        '    metadata:',
        '      name: hello',
        '    spec:',
        '      template:',
        '        metadata: {}',
        '        spec:',
        '          containers:',
        '          - command:',
        '            - date',
        '            image: busybox',
        '            name: hello',
        '            resources: {}',
        '          restartPolicy: OnFailure',
        "  schedule: '*/1 * * * *'",
        'status: {}',
      ),
    );
    t.kubectl('create cronjob hello --image=busybox --schedule="*/1 * * * *" --restart=Never');
    expect(t.get('CronJob', 'hello')?.spec?.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
    t.advance('70s');
    expect(t.list('Job', 'default').length).toBeGreaterThan(0);
  });

  it('requires --image and --schedule; the API server checks the schedule', () => {
    const t = testCluster({ nodes: 1 });
    expect(t.run('create cronjob c').stderr).toBe('error: required flag(s) "image", "schedule" not set\n');
    expect(t.run('create cronjob c --image=busybox --schedule=nope').stderr).toBe(
      'error: failed to create cronjob: CronJob.batch "c" is invalid: spec.schedule: Invalid value: "nope": expected exactly 5 fields, found 1: [nope]\n',
    );
  });
});
