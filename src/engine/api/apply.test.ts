// kubectl apply semantics (kubectl pkg/cmd/apply, apimachinery strategicpatch):
// created / configured / unchanged, the last-applied-configuration annotation, the
// three-way merge that keeps server-side fields, generation bumps on spec changes only,
// namespaces, multi-document streams that apply the good documents and report the bad.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { applyManifests, createManifests, LAST_APPLIED } from './apply';
import { threeWayMerge } from './merge';

const pod = (extra = '', image = 'nginx:1.27', labels = 'app: web') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    ${labels}\nspec:\n  containers:\n  - name: app\n    image: ${image}\n${extra}`;

describe('apply: created, unchanged, configured', () => {
  it('applying the same manifest twice is created, then unchanged, with no write the second time', () => {
    const c = createCluster();
    expect(c.apply(pod()).results).toEqual([{ kind: 'Pod', name: 'web', namespace: 'default', action: 'created' }]);
    const rv = c.get('Pod', 'web')?.metadata.resourceVersion;
    expect(c.apply(pod()).results).toEqual([{ kind: 'Pod', name: 'web', namespace: 'default', action: 'unchanged' }]);
    expect(c.get('Pod', 'web')?.metadata.resourceVersion).toBe(rv);
  });

  it('still unchanged after the scheduler and kubelet wrote their fields', () => {
    const c = createCluster();
    c.apply(pod());
    c.advance(30_000);
    expect(c.apply(pod()).results[0].action).toBe('unchanged');
  });

  it('a label change is configured without a generation bump; an image change bumps it', () => {
    const c = createCluster();
    c.apply(pod());
    expect(c.get('Pod', 'web')?.metadata.generation).toBe(1);
    expect(c.apply(pod('', 'nginx:1.27', 'app: api')).results[0].action).toBe('configured');
    expect(c.get('Pod', 'web')?.metadata.labels).toEqual({ app: 'api' });
    expect(c.get('Pod', 'web')?.metadata.generation).toBe(1);
    expect(c.apply(pod('', 'nginx:1.16.1', 'app: api')).results[0].action).toBe('configured');
    expect(c.get('Pod', 'web')?.metadata.generation).toBe(2);
  });

  it('writes last-applied-configuration as kubectl does: sorted JSON, resolved namespace, empty annotations, newline', () => {
    const c = createCluster();
    c.apply(pod());
    expect(c.get('Pod', 'web')?.metadata.annotations?.[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx:1.27","name":"app"}]}}\n',
    );
  });

  it('a label someone else added survives apply; one removed from the manifest goes (three-way merge)', () => {
    const c = createCluster();
    c.apply(pod('', 'nginx:1.27', 'app: web\n    tier: front'));
    const live = c.get('Pod', 'web');
    c.core.api.update({
      ...live,
      metadata: { ...live?.metadata, labels: { ...live?.metadata.labels, team: 'blue' } },
    } as never);
    c.apply(pod());
    expect(c.get('Pod', 'web')?.metadata.labels).toEqual({ app: 'web', team: 'blue' });
  });

  it('dry run reports the outcome and writes nothing', () => {
    const c = createCluster();
    const before = JSON.stringify(c.snapshot());
    expect(applyManifests(c.core.api, pod(), { dryRun: true }).results[0].action).toBe('created');
    expect(JSON.stringify(c.snapshot())).toBe(before);
  });
});

describe('apply: namespaces', () => {
  it('uses the object namespace, else opts.namespace (-n), else default', () => {
    const c = createCluster();
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n');
    expect(c.apply(pod(), { namespace: 'dev' }).results[0]).toMatchObject({ namespace: 'dev', action: 'created' });
    expect(c.get('Pod', 'web', 'dev')).toBeDefined();
    expect(c.get('Pod', 'web', 'default')).toBeUndefined();
  });

  it('a namespace in the object that differs from -n is refused like kubectl', () => {
    const c = createCluster();
    const r = c.apply(pod().replace('  name: web\n', '  name: web\n  namespace: kube-system\n'), {
      namespace: 'default',
    });
    expect(r.errors[0].message).toBe(
      `the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.`,
    );
  });

  it('a Namespace comes back defaulted: finalizer kubernetes, phase Active, the metadata.name label', () => {
    const c = createCluster();
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n  labels: {team: blue}\n');
    const ns = c.get('Namespace', 'dev');
    expect(ns?.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns?.status).toEqual({ phase: 'Active' });
    expect(ns?.metadata.labels).toEqual({ team: 'blue', 'kubernetes.io/metadata.name': 'dev' });
  });

  it('a Namespace name is a DNS-1123 label (ValidateNamespaceName)', () => {
    const r = createCluster().apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b\n');
    expect(r.errors[0].message).toBe(
      'The Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots',
    );
  });
});

describe('apply: multi-document streams', () => {
  it('applies the valid documents and reports the invalid one with its absolute line', () => {
    const c = createCluster();
    const text = `${pod()}---\n${pod().replace('name: web', 'name: bad').replace('image: nginx:1.27', 'image: ""')}---\n${pod().replace('name: web', 'name: third')}`;
    const r = c.apply(text);
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => `${x.name}:${x.action}`)).toEqual(['web:created', 'third:created']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      message: 'The Pod "bad" is invalid: spec.containers[0].image: Required value',
      reason: 'Invalid',
      kind: 'Pod',
      name: 'bad',
      line: 21,
    });
    expect(c.get('Pod', 'bad')).toBeUndefined();
  });

  it('a syntax error ends the stream: earlier documents are applied, later ones are never read', () => {
    const c = createCluster();
    const r = c.apply(`${pod()}---\nkind: [\n---\n${pod().replace('name: web', 'name: third')}`);
    expect(r.results.map((x) => x.name)).toEqual(['web']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBe(13); // where the yaml package notices the unclosed [
    expect(c.get('Pod', 'third')).toBeUndefined();
  });

  it('JSON works, and a v1 List applies its items', () => {
    const c = createCluster();
    const item = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name: 'a', image: 'nginx' }] },
    });
    expect(c.apply(JSON.stringify(item('one'))).results[0].action).toBe('created');
    const r = c.apply(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [item('two'), item('three')] }, null, 2));
    expect(r.results.map((x) => x.name)).toEqual(['two', 'three']);
  });

  it('warnings come back with the line of the field they name', () => {
    const c = createCluster();
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n  - name: b\n    image: nginx\n    ports:\n    - containerPort: 80\n`;
    const r = c.apply(text);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        message: 'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
        path: 'spec.containers[1].ports[0]',
        line: 14,
        column: 7,
      },
    ]);
  });
});

describe('threeWayMerge (strategic merge on the live object)', () => {
  it('merges containers by name and keeps fields the server defaulted', () => {
    const original = { spec: { containers: [{ name: 'a', image: 'x:1' }] } };
    const modified = { spec: { containers: [{ name: 'a', image: 'x:2' }] } };
    const current = {
      spec: { containers: [{ name: 'a', image: 'x:1', imagePullPolicy: 'IfNotPresent' }], nodeName: 'n1' },
    };
    expect(threeWayMerge(original, modified, current)).toEqual({
      spec: { containers: [{ name: 'a', image: 'x:2', imagePullPolicy: 'IfNotPresent' }], nodeName: 'n1' },
    });
  });

  it('drops list items and fields removed since the last apply, keeps others', () => {
    const original = { spec: { containers: [{ name: 'a' }, { name: 'b' }], hostname: 'h' } };
    const modified = { spec: { containers: [{ name: 'a' }] } };
    const current = { spec: { containers: [{ name: 'a' }, { name: 'b' }, { name: 'injected' }], hostname: 'h' } };
    expect(threeWayMerge(original, modified, current)).toEqual({
      spec: { containers: [{ name: 'a' }, { name: 'injected' }] },
    });
  });

  it('replaces lists without a merge key (args) whole', () => {
    expect(threeWayMerge({ args: ['a', 'b'] }, { args: ['c'] }, { args: ['a', 'b'] })).toEqual({ args: ['c'] });
  });
});

describe('apply: manifests exported with kubectl get -o yaml', () => {
  it('a resourceVersion on create is refused (BadRequest), as the server does', () => {
    const r = createCluster().apply(pod().replace('  name: web\n', '  name: web\n  resourceVersion: "42"\n'));
    expect(r.errors[0]).toMatchObject({
      message: 'resourceVersion should not be set on objects to be created',
      reason: 'BadRequest',
    });
  });

  it('a stale resourceVersion on update is a Conflict', () => {
    const c = createCluster();
    c.apply(pod());
    const r = c.apply(pod('', 'nginx:1.16.1').replace('  name: web\n', '  name: web\n  resourceVersion: "1"\n'));
    expect(r.errors[0]).toMatchObject({
      message:
        'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
      reason: 'Conflict',
    });
  });

  it('server-set fields and a pod status in the manifest are dropped on create', () => {
    const c = createCluster();
    const text =
      pod().replace('  name: web\n', '  name: web\n  uid: abc\n  creationTimestamp: "2020-01-01T00:00:00Z"\n') +
      'status:\n  phase: Running\n';
    expect(c.apply(text).errors).toEqual([]);
    const p = c.get('Pod', 'web');
    expect(p?.metadata.uid).not.toBe('abc');
    expect(p?.metadata.creationTimestamp).toBe('2026-01-01T09:00:00Z');
    expect(p?.status.phase).toBe('Pending');
  });
});

describe('createManifests (kubectl create -f over the same pipeline)', () => {
  it('creates without the last-applied annotation, accepts generateName, refuses existing objects', () => {
    const c = createCluster();
    const api = c.core.api;
    const r = createManifests(api, pod());
    expect(r.results[0].action).toBe('created');
    expect(c.get('Pod', 'web')?.metadata.annotations).toBeUndefined();
    expect(createManifests(api, pod()).errors[0]).toMatchObject({
      message: 'pods "web" already exists',
      reason: 'AlreadyExists',
    });
    const gen = createManifests(api, pod().replace('  name: web\n', '  generateName: web-\n'));
    expect(gen.results[0].name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});

describe('apply: unknown fields on an existing object are reported against the patch', () => {
  it('The request is invalid: patch: Invalid value: "map[...]": strict decoding error: ...', () => {
    const c = createCluster();
    c.apply(pod());
    const r = c.apply(pod('    imagePullPolice: Always\n'));
    expect(r.errors[0]).toMatchObject({
      message:
        'The request is invalid: patch: Invalid value: "map[spec:map[containers:[map[image:nginx:1.27 imagePullPolice:Always name:app]]]]": strict decoding error: unknown field "spec.containers[0].imagePullPolice"',
      reason: 'Invalid',
      operation: 'patch',
      line: 11,
    });
  });
});

describe('apply: output of kubectl run/create --dry-run=client -o yaml', () => {
  it('creationTimestamp: null, resources: {}, status: {} apply cleanly and keep null only in last-applied', () => {
    const c = createCluster();
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n';
    const r = c.apply(text);
    expect(r.errors).toEqual([]);
    const p = c.get('Pod', 'nginx');
    expect(p?.metadata.creationTimestamp).toBe('2026-01-01T09:00:00Z');
    expect(p?.metadata.annotations?.[LAST_APPLIED]).toContain('"creationTimestamp":null');
    expect(c.apply(text).results[0].action).toBe('unchanged');
  });
});

describe('apply: the last-applied annotation counts toward the 256 KiB annotation limit', () => {
  it('a huge manifest fails with the message kubectl users know from big CRDs', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: a\n    image: nginx\n    args: ["${'x'.repeat(300_000)}"]\n`;
    const r = createCluster().apply(text);
    expect(r.errors[0].message).toBe(
      'The Pod "big" is invalid: metadata.annotations: Too long: must have at most 262144 bytes',
    );
  });
});
