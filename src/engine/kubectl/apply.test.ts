// kubectl apply -f / create -f: result lines, warnings and errors as kubectl pkg/cmd/apply
// and pkg/cmd/create print them (cmdutil.CheckErr wording).
import { describe, expect, it } from 'vitest';
import { kubectl, quietCluster } from './testutil';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

describe('kubectl apply -f -', () => {
  it('created, then unchanged, then configured', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'apply -f -', POD)).toEqual({ stdout: 'pod/nginx created\n', stderr: '', exitCode: 0 });
    expect(kubectl(c, 'apply -f -', POD).stdout).toBe('pod/nginx unchanged\n');
    expect(
      kubectl(c, 'apply -f -', POD.replace('name: nginx\nspec', 'name: nginx\n  labels:\n    app: web\nspec')).stdout,
    ).toBe('pod/nginx configured\n');
  });

  it('several documents, one line each; -n sets the namespace', () => {
    const c = quietCluster(1);
    const two = `${POD}---\n${POD.replace(/nginx$/m, 'nginx').replace('name: nginx\nspec', 'name: other\nspec')}`;
    expect(kubectl(c, 'apply -n kube-public -f -', two).stdout).toBe('pod/nginx created\npod/other created\n');
    expect(c.get('Pod', 'other', 'kube-public')).toBeDefined();
  });

  it('a file path: the content arrives on stdin; without it the path does not exist', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'apply -f web.yaml', POD).stdout).toBe('pod/nginx created\n');
    expect(kubectl(c, 'apply -f web.yaml')).toEqual({
      stdout: '',
      stderr: 'error: the path "web.yaml" does not exist\n',
      exitCode: 1,
    });
  });

  it('a URL without its content: a clear message', () => {
    expect(kubectl(quietCluster(1), 'apply -f https://k8s.io/examples/pods/simple-pod.yaml').stderr).toMatch(
      /^error: unable to read URL "https:\/\/k8s\.io\/examples\/pods\/simple-pod\.yaml": the playground works offline/,
    );
  });

  it('YAML syntax errors name the line, like sigs.k8s.io/yaml', () => {
    const r = kubectl(
      quietCluster(1),
      'apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indent\n',
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: .+\n$/);
  });

  it("speaks go-yaml: the parser's messages in kubectl's words, the file name as given", () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'apply -f pod.yaml', 'a: [1, 2\nb: 3\n').stderr).toMatch(
      /^error: error parsing pod\.yaml: error converting YAML to JSON: yaml: line \d+: did not find expected ',' or '\]'\n$/,
    );
    expect(kubectl(c, 'apply -f -', 'a:\n\t- x\n').stderr).toMatch(
      /yaml: line \d+: found character that cannot start any token\n$/,
    );
  });

  it('an invalid object: The Pod "x" is invalid', () => {
    const r = kubectl(
      quietCluster(1),
      'apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n',
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The Pod "x" is invalid: /);
  });

  it('an unknown kind', () => {
    const r = kubectl(quietCluster(1), 'apply -f -', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    );
  });

  it('a missing namespace', () => {
    const r = kubectl(
      quietCluster(1),
      'apply -f -',
      POD.replace('name: nginx\nspec', 'name: nginx\n  namespace: nope\nspec'),
    );
    expect(r.stderr).toBe('Error from server (NotFound): error when creating "STDIN": namespaces "nope" not found\n');
  });

  it('the API server warnings print as Warning: on stderr', () => {
    const dup = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
  - name: b
    image: nginx
    ports:
    - containerPort: 80
`;
    const r = kubectl(quietCluster(1), 'apply -f -', dup);
    expect(r.stdout).toBe('pod/two created\n');
    expect(r.stderr).toBe(
      'Warning: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]\n',
    );
  });

  it('no -f, or nothing in it', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'apply').stderr).toBe('error: must specify one of -f and -k\n');
    expect(kubectl(c, 'apply -f -', '').stderr).toBe('error: no objects passed to apply\n');
  });

  it('refuses a huge manifest before parsing it', () => {
    const r = kubectl(quietCluster(1), 'apply -f -', `# ${'x'.repeat(4 * 1024 * 1024)}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^error: error parsing STDIN: the manifest is \d+ bytes, more than the API server accepts in one request \(Request entity too large: limit is 3145728\)\n$/,
    );
  });
});

describe('--dry-run', () => {
  it('apply and create say what they would do and change nothing', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'apply --dry-run=client -f -', POD).stdout).toBe('pod/nginx created (dry run)\n');
    expect(kubectl(c, 'apply --dry-run=server -f -', POD).stdout).toBe('pod/nginx created (server dry run)\n');
    expect(kubectl(c, 'create --dry-run=client -f -', POD).stdout).toBe('pod/nginx created (dry run)\n');
    expect(c.get('Pod', 'nginx')).toBeUndefined();
    expect(kubectl(c, 'apply --dry-run=maybe -f -', POD).stderr).toBe(
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    );
  });
});

describe('kubectl create -f -', () => {
  it('creates, and refuses what exists', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'create -f -', POD).stdout).toBe('pod/nginx created\n');
    expect(
      c.get('Pod', 'nginx')?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'],
    ).toBeUndefined();
    expect(kubectl(c, 'create -f -', POD)).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": pods "nginx" already exists\n',
      exitCode: 1,
    });
  });
});

describe('kubectl create namespace', () => {
  it('creates it, with its dry-run YAML, and says which generators are missing', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'create namespace dev')).toEqual({ stdout: 'namespace/dev created\n', stderr: '', exitCode: 0 });
    expect(c.get('Namespace', 'dev')?.status?.phase).toBe('Active');
    expect(kubectl(c, 'create ns dev').stderr).toBe(
      'Error from server (AlreadyExists): namespaces "dev" already exists\n',
    );
    expect(kubectl(c, 'create ns qa --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: qa\nspec: {}\nstatus: {}\n',
    );
    expect(kubectl(c, 'create quota web').stderr).toBe(
      'error: "kubectl create quota" is not available in the playground yet\n',
    );
  });
});
