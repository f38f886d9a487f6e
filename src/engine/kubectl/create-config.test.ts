// mirrors kubectl pkg/cmd/create/create_configmap_test.go and create_secret_test.go:
// the generated objects, literal parsing and key errors, and what reaches the server.
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

const run = (line: string, t = testCluster({ nodes: 1 })) => ({ t, ...t.run(line) });

describe('kubectl create configmap', () => {
  it('--from-literal, split at the first "=" (values may hold "=")', () => {
    const { t, stdout, exitCode } = run(
      'create configmap special-config --from-literal=special.how=very --from-literal=eq=a=b',
    );
    expect(exitCode).toBe(0);
    expect(stdout).toBe('configmap/special-config created\n');
    expect(t.cluster.get('ConfigMap', 'special-config')?.data).toEqual({ 'special.how': 'very', eq: 'a=b' });
  });

  it('--dry-run=client -o yaml prints the object and creates nothing', () => {
    const { t, stdout } = run('create cm app --from-literal=mode=debug --dry-run=client -o yaml');
    expect(stdout).toBe('apiVersion: v1\ndata:\n  mode: debug\nkind: ConfigMap\nmetadata:\n  name: app\n');
    expect(t.cluster.get('ConfigMap', 'app')).toBeUndefined();
    expect(run('create cm app --dry-run=client').stdout).toBe('configmap/app created (dry run)\n');
  });

  it('-n puts it in that namespace', () => {
    const t = testCluster({ nodes: 1 });
    t.kubectl('create namespace team');
    t.kubectl('create configmap c -n team --from-literal=a=b');
    expect(t.cluster.get('ConfigMap', 'c', 'team')?.data).toEqual({ a: 'b' });
  });

  it.each([
    ['create configmap c --from-literal==x', 'error: invalid literal source =x, expected key=value\n'],
    ['create configmap c --from-literal=novalue', 'error: invalid literal source novalue, expected key=value\n'],
    [
      'create configmap c --from-literal=a/b=x',
      `error: "a/b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    ],
    [
      'create configmap c --from-literal=k=1 --from-literal=k=2',
      'error: cannot add key "k", another key by that name already exists in Data for ConfigMap "c"\n',
    ],
    [
      'create configmap c extra',
      "error: exactly one NAME is required, got 2\nSee 'kubectl create configmap -h' for help and examples\n",
    ],
  ])('%s', (line, stderr) => {
    const r = run(line);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(stderr);
    expect(r.t.cluster.list('ConfigMap').filter((c) => c.metadata.name === 'c')).toEqual([]);
  });

  it('files are not there to read: --from-file and --from-env-file are refused, saying why', () => {
    for (const flag of ['--from-file=game.properties', '--from-env-file=.env']) {
      const r = run(`create configmap game ${flag}`);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(
        /^error: --from-(env-)?file is not available in the playground: there are no local files/,
      );
      expect(r.stderr).toContain('--from-literal=KEY=VALUE');
    }
  });

  it('an existing name: the server refuses, wrapped as kubectl wraps it', () => {
    const t = testCluster({ nodes: 1 });
    t.kubectl('create configmap c');
    expect(t.run('create configmap c').stderr).toBe(
      'error: failed to create configmap: configmaps "c" already exists\n',
    );
  });
});

describe('kubectl create secret', () => {
  it('generic --from-literal stores base64 of the value; type defaults to Opaque on the server', () => {
    const { t, stdout } = run(
      'create secret generic db-user-pass --from-literal=username=admin --from-literal=password=S!B\\*d$zDsb=',
    );
    expect(stdout).toBe('secret/db-user-pass created\n');
    const s = t.cluster.get('Secret', 'db-user-pass') as { type?: string; data?: Record<string, string> } | undefined;
    expect(s?.type).toBe('Opaque');
    expect(s?.data?.username).toBe('YWRtaW4=');
  });

  it('--dry-run=client -o yaml: no type unless --type is given', () => {
    expect(run('create secret generic s --from-literal=k=v --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\ndata:\n  k: dg==\nkind: Secret\nmetadata:\n  name: s\n',
    );
    expect(
      run('create secret generic s --type=kubernetes.io/basic-auth --from-literal=username=u --dry-run=client -o yaml')
        .stdout,
    ).toBe(
      'apiVersion: v1\ndata:\n  username: dQ==\nkind: Secret\nmetadata:\n  name: s\ntype: kubernetes.io/basic-auth\n',
    );
  });

  it('--type is checked by the server: a tls Secret needs both keys', () => {
    const r = run('create secret generic t --type=kubernetes.io/tls --from-literal=tls.crt=x');
    expect(r.stderr).toBe('error: failed to create secret Secret "t" is invalid: data[tls.key]: Required value\n');
    expect(r.t.cluster.get('Secret', 't')).toBeUndefined();
  });

  it('key errors worded as create_secret.go words them', () => {
    expect(run('create secret generic s --from-literal=key#1=v').stderr).toBe(
      `error: "key#1" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    );
    expect(run('create secret generic s --from-literal=k=1 --from-literal=k=2').stderr).toBe(
      'error: cannot add key k, another key by that name already exists\n',
    );
    expect(run('create secret generic s --from-file=ssh-privatekey=~/.ssh/id_rsa').stderr).toMatch(
      /^error: --from-file is not available in the playground/,
    );
  });

  it('tls needs --cert and --key, which are files: refused with a way out', () => {
    expect(run('create secret tls t').stderr).toBe('error: required flag(s) "cert", "key" not set\n');
    const r = run('create secret tls t --cert=tls.crt --key=tls.key');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /files, which are not available in the playground\. Apply a Secret of type kubernetes\.io\/tls/,
    );
  });

  it('docker-registry builds .dockerconfigjson with auth = base64(user:password); the server checks it is JSON', () => {
    const { t, stdout } = run(
      'create secret docker-registry regcred --docker-server=registry.example.com --docker-username=me --docker-password=pw --docker-email=me@example.com',
    );
    expect(stdout).toBe('secret/regcred created\n');
    const s = t.cluster.get('Secret', 'regcred') as { type?: string; data?: Record<string, string> } | undefined;
    expect(s?.type).toBe('kubernetes.io/dockerconfigjson');
    const cfg = JSON.parse(Buffer.from(String(s?.data?.['.dockerconfigjson']), 'base64').toString('utf8'));
    expect(cfg).toEqual({
      auths: { 'registry.example.com': { username: 'me', password: 'pw', email: 'me@example.com', auth: 'bWU6cHc=' } },
    });
    expect(run('create secret docker-registry r --docker-username=me --dry-run=client').stderr).toBe(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    );
    // the server defaults to Docker Hub's
    const hub = run(
      'create secret docker-registry r --docker-username=me --docker-password=pw -o json --dry-run=client',
    );
    const data = JSON.parse(hub.stdout).data['.dockerconfigjson'];
    expect(Object.keys(JSON.parse(Buffer.from(data, 'base64').toString('utf8')).auths)).toEqual([
      'https://index.docker.io/v1/',
    ]);
  });

  it('an unknown or missing secret type', () => {
    expect(run('create secret').stderr).toMatch(/^error: a secret type is required/);
    expect(run('create secret opaque s').stderr).toMatch(/^error: unknown secret type "opaque"/);
  });
});
