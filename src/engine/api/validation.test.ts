// Pod validation through the whole write path, with the API server's messages and its
// aggregation (`[a, b]` when there are several). Cases mirror the errorCases tables of
// TestValidatePodSpec / TestValidateContainers / TestValidatePorts / TestValidateProbe /
// TestValidateResourceRequirements / TestValidateTolerations in
// kubernetes pkg/apis/core/validation/validation_test.go.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

function podYaml(spec: string, name = 'web'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
}

function applyError(text: string): string {
  const r = createCluster().apply(text);
  expect(r.ok, 'the write must be refused').toBe(false);
  return r.errors[0].message;
}

const NGINX = '  containers:\n  - name: app\n    image: nginx:1.27\n';

describe('pod validation messages (core validation.go)', () => {
  it.each([
    [
      'missing image and a duplicate container name aggregate in order (validateContainers)',
      '  containers:\n  - name: app\n  - name: app\n    image: nginx\n',
      'The Pod "web" is invalid: [spec.containers[0].image: Required value, spec.containers[1].name: Duplicate value: "app"]',
    ],
    [
      'no containers at all (validateContainers: Required)',
      '  containers: []\n',
      'The Pod "web" is invalid: spec.containers: Required value',
    ],
    [
      'container name must be a DNS-1123 label',
      '  containers:\n  - name: My_App\n    image: nginx\n',
      `The Pod "web" is invalid: spec.containers[0].name: Invalid value: "My_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ],
    [
      'containerPort out of range (IsValidPortNum)',
      `${NGINX}    ports:\n    - containerPort: 70000\n`,
      'The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
    [
      'containerPort 0 is missing (Required)',
      `${NGINX}    ports:\n    - containerPort: 0\n`,
      'The Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Required value',
    ],
    [
      'protocol not supported, sorted list of supported ones',
      `${NGINX}    ports:\n    - containerPort: 80\n      protocol: HTTP\n`,
      'The Pod "web" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ],
    [
      'duplicate port names within a container',
      `${NGINX}    ports:\n    - {name: http, containerPort: 80}\n    - {name: http, containerPort: 81}\n`,
      'The Pod "web" is invalid: spec.containers[0].ports[1].name: Duplicate value: "http"',
    ],
    [
      'restartPolicy values (validateRestartPolicy)',
      `  restartPolicy: Sometimes\n${NGINX}`,
      'The Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [
      'dnsPolicy values',
      `  dnsPolicy: Cluster\n${NGINX}`,
      'The Pod "web" is invalid: spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ],
    [
      'imagePullPolicy values (validatePullPolicy)',
      `${NGINX}    imagePullPolicy: Sometimes\n`,
      'The Pod "web" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ],
    [
      'requests above limits quote canonical quantities (ValidateResourceRequirements)',
      `${NGINX}    resources:\n      requests: {cpu: "0.6"}\n      limits: {cpu: 500m}\n`,
      'The Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m',
    ],
    [
      'memory request above limit',
      `${NGINX}    resources:\n      requests: {memory: 1Gi}\n      limits: {memory: 512Mi}\n`,
      'The Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    ],
    [
      'negative quantity (ValidateNonnegativeQuantity)',
      `${NGINX}    resources:\n      requests: {cpu: "-1"}\n`,
      'The Pod "web" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ],
    [
      'unknown resource name (validateContainerResourceName)',
      `${NGINX}    resources:\n      limits: {gpu: 1}\n`,
      // limits are copied into missing requests first (SetDefaults_Pod), so both are reported
      'The Pod "web" is invalid: [spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers, spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers]',
    ],
    [
      'a probe needs a handler (validateHandler)',
      `${NGINX}    livenessProbe:\n      periodSeconds: 5\n`,
      'The Pod "web" is invalid: spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ],
    [
      'one handler only',
      `${NGINX}    readinessProbe:\n      exec: {command: [cat, /tmp/x]}\n      tcpSocket: {port: 80}\n`,
      'The Pod "web" is invalid: spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ],
    [
      'liveness successThreshold must be 1',
      `${NGINX}    livenessProbe:\n      tcpSocket: {port: 80}\n      successThreshold: 2\n`,
      'The Pod "web" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ],
    [
      'probe port name rules (ValidatePortNumOrName)',
      `${NGINX}    readinessProbe:\n      httpGet: {path: /, port: HTTP}\n`,
      'The Pod "web" is invalid: [spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)]',
    ],
    [
      'negative probe timings (ValidateNonnegativeField)',
      `${NGINX}    readinessProbe:\n      tcpSocket: {port: 80}\n      initialDelaySeconds: -1\n`,
      'The Pod "web" is invalid: spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'a volumeMount must name a volume (ValidateVolumeMounts: NotFound)',
      `${NGINX}    volumeMounts:\n    - {name: data, mountPath: /data}\n`,
      'The Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ],
    [
      'volume names are unique DNS labels (ValidateVolumes)',
      `  volumes:\n  - {name: data, emptyDir: {}}\n  - {name: data, emptyDir: {}}\n${NGINX}`,
      'The Pod "web" is invalid: spec.volumes[1].name: Duplicate value: "data"',
    ],
    [
      'a volume has one source only',
      `  volumes:\n  - name: data\n    emptyDir: {}\n    hostPath: {path: /tmp}\n${NGINX}`,
      'The Pod "web" is invalid: spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type',
    ],
    [
      'env var needs a name (ValidateEnv)',
      `${NGINX}    env:\n    - value: x\n`,
      'The Pod "web" is invalid: spec.containers[0].env[0].name: Required value',
    ],
    [
      'nodeSelector label values (ValidateLabels)',
      `  nodeSelector:\n    disk: "s s d"\n${NGINX}`,
      `The Pod "web" is invalid: spec.nodeSelector: Invalid value: "s s d": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      'toleration operator rules (ValidateTolerations)',
      `  tolerations:\n  - operator: Equal\n    value: x\n${NGINX}`,
      'The Pod "web" is invalid: spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ],
    [
      'tolerationSeconds only with NoExecute',
      `  tolerations:\n  - key: a\n    operator: Exists\n    effect: NoSchedule\n    tolerationSeconds: 10\n${NGINX}`,
      'The Pod "web" is invalid: spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ],
    [
      'regular containers may not set restartPolicy',
      `${NGINX}    restartPolicy: Always\n`,
      'The Pod "web" is invalid: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
    ],
    [
      'init and regular containers share names',
      `  initContainers:\n  - name: app\n    image: busybox\n${NGINX}`,
      'The Pod "web" is invalid: spec.initContainers[0].name: Duplicate value: "app"',
    ],
    [
      'host ports are unique per pod (AccumulateUniqueHostPorts)',
      `${NGINX}    ports:\n    - {containerPort: 80, hostPort: 8080}\n  - name: b\n    image: nginx\n    ports:\n    - {containerPort: 81, hostPort: 8080}\n`,
      'The Pod "web" is invalid: spec.containers[1].ports[0].hostPort: Duplicate value: "/TCP/8080"',
    ],
  ])('%s', (_name, spec, message) => {
    expect(applyError(podYaml(spec))).toBe(message);
  });

  it('metadata: the name is a DNS-1123 subdomain (ValidatePodName = NameIsDNSSubdomain)', () => {
    expect(applyError(podYaml(NGINX, 'My_Pod'))).toBe(
      `The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  });

  it('metadata: label keys are qualified names, with the key path in brackets for positions', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    "-bad": x\nspec:\n${NGINX}`;
    const r = createCluster().apply(text);
    expect(r.errors[0].message).toBe(
      `The Pod "web" is invalid: metadata.labels: Invalid value: "-bad": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
    expect(r.errors[0]).toMatchObject({ line: 6, column: 5 });
  });

  it('every field error keeps its own line for the editor (causes)', () => {
    const r = createCluster().apply(podYaml('  containers:\n  - name: app\n  - name: app\n    image: nginx\n'));
    expect(r.errors[0].causes).toEqual([
      { message: 'spec.containers[0].image: Required value', path: 'spec.containers[0].image', line: 7, column: 5 },
      {
        message: 'spec.containers[1].name: Duplicate value: "app"',
        path: 'spec.containers[1].name',
        line: 8,
        column: 5,
      },
    ]);
  });
});

describe('pod updates (ValidatePodUpdate)', () => {
  it('changing anything but images is Forbidden, with the upstream list of mutable fields', () => {
    const c = createCluster();
    expect(c.apply(podYaml(NGINX)).ok).toBe(true);
    const r = c.apply(podYaml(`  restartPolicy: Never\n${NGINX}`));
    expect(r.errors[0].message).toMatch(
      /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    );
    expect(r.errors[0].message).toContain('- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",');
    expect(c.get('Pod', 'web')?.spec.restartPolicy).toBe('Always');
  });

  it('adding a container is refused', () => {
    const c = createCluster();
    c.apply(podYaml(NGINX));
    const r = c.apply(podYaml(`${NGINX}  - name: two\n    image: busybox\n`));
    expect(r.errors[0].message).toBe(
      'The Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
    );
  });

  it('an image change is allowed and configures the pod, keeping what the scheduler set', () => {
    const c = createCluster();
    c.apply(podYaml(NGINX));
    c.advance(5_000);
    const node = c.get('Pod', 'web')?.spec.nodeName;
    expect(node).toBeTruthy();
    const r = c.apply(podYaml(NGINX.replace('nginx:1.27', 'nginx:1.16.1')));
    expect(r.errors).toEqual([]);
    expect(r.results).toEqual([{ kind: 'Pod', name: 'web', namespace: 'default', action: 'configured' }]);
    const pod = c.get('Pod', 'web');
    expect(pod?.spec.containers[0].image).toBe('nginx:1.16.1');
    expect(pod?.spec.nodeName).toBe(node);
  });

  it('activeDeadlineSeconds may be lowered but not raised', () => {
    const c = createCluster();
    c.apply(podYaml(`  activeDeadlineSeconds: 600\n${NGINX}`));
    expect(c.apply(podYaml(`  activeDeadlineSeconds: 300\n${NGINX}`)).results[0]?.action).toBe('configured');
    expect(c.apply(podYaml(`  activeDeadlineSeconds: 900\n${NGINX}`)).errors[0].message).toBe(
      'The Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 900: must be less than or equal to previous value',
    );
  });
});

describe('pod templates of workloads (ValidatePodTemplateSpecForReplicaSet)', () => {
  it('reports the selector mismatch, then the template spec, then restartPolicy, with template paths', async () => {
    const { validatePodTemplateForReplicaSet } = await import('./validation/workload');
    const { Path } = await import('./validation/field');
    const { invalidError } = await import('./errors');
    const errs = validatePodTemplateForReplicaSet(
      {
        metadata: { labels: { app: 'api' } },
        spec: {
          restartPolicy: 'Never',
          dnsPolicy: 'ClusterFirst',
          containers: [{ name: 'web', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }],
        },
      },
      { matchLabels: { app: 'web' } },
      Path.root('spec').child('template'),
    );
    expect(invalidError('Deployment', 'web', errs).message).toBe(
      'The Deployment "web" is invalid: [spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`, spec.template.spec.containers[0].image: Required value, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]',
    );
  });
});
