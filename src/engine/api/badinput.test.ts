// Hostile and broken input: each case returns a clear error with a line/column and
// leaves the cluster exactly as it was (snapshot before == snapshot after). Messages
// follow kubectl and the API server: YAML→JSON conversion errors, the server's JSON
// decoder (`json: cannot unmarshal ...`), strict decoding, the 3 MiB request limit.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_REQUEST_BYTES } from './parse';

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n';

function bomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [prev, name] of [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'd'],
    ['d', 'e'],
    ['e', 'f'],
    ['f', 'g'],
    ['g', 'h'],
    ['h', 'i'],
  ]) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

interface BadCase {
  name: string;
  text: () => string;
  message: string | RegExp;
  line: number;
  column?: number;
}

const CASES: BadCase[] = [
  {
    name: 'invalid YAML: the yaml package places the error (kubectl: error converting YAML to JSON)',
    text: () => `${POD_HEAD}  containers:\n  - name: app\n    image: nginx\n   bad: [\n`,
    message: /^error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /,
    line: 9,
  },
  {
    name: 'wrong type: a string where the list of containers goes',
    text: () => `${POD_HEAD}  containers: "x"\n`,
    message:
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    line: 6,
    column: 3,
  },
  {
    name: 'wrong type: a word where an integer goes (replicas: three, here terminationGracePeriodSeconds)',
    text: () => `${POD_HEAD}  terminationGracePeriodSeconds: thirty\n  containers:\n  - {name: app, image: nginx}\n`,
    message:
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    line: 6,
    column: 3,
  },
  {
    name: 'a huge number does not fit an int32 (containerPort: 10^12)',
    text: () =>
      `${POD_HEAD}  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 1000000000000\n`,
    message:
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 1000000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    line: 10,
    column: 7,
  },
  {
    name: 'a fraction where an integer goes',
    text: () => `${POD_HEAD}  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80.5\n`,
    message:
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    line: 10,
  },
  {
    name: 'a bad quantity (resource.ParseQuantity)',
    text: () =>
      `${POD_HEAD}  containers:\n  - name: app\n    image: nginx\n    resources:\n      limits: {cpu: lots}\n`,
    message:
      'Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    line: 10,
  },
  {
    name: 'an unknown field under --validate=strict',
    text: () => `${POD_HEAD}  containers:\n  - name: app\n    image: nginx\n    imagePullPolice: Always\n`,
    message:
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"',
    line: 9,
    column: 5,
  },
  {
    name: 'NaN cannot become JSON',
    text: () => `${POD_HEAD}  terminationGracePeriodSeconds: .nan\n  containers:\n  - {name: app, image: nginx}\n`,
    message: 'error parsing STDIN: json: unsupported value: NaN',
    line: 6,
    column: 3,
  },
  {
    name: 'Infinity (1e400) cannot become JSON either',
    text: () => `${POD_HEAD}  priority: 1e400\n  containers:\n  - {name: app, image: nginx}\n`,
    message: 'error parsing STDIN: json: unsupported value: +Inf',
    line: 6,
  },
  {
    name: 'a YAML alias bomb (billion laughs) is stopped by the alias budget',
    text: bomb,
    message: 'error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing',
    line: 2,
  },
  {
    name: 'deeply nested flow collections are refused before parsing',
    text: () => `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    message: `error parsing STDIN: the document nests deeper than ${MAX_DEPTH} levels (line 1, column ${MAX_DEPTH + 3}); it was refused before parsing`,
    line: 1,
    column: MAX_DEPTH + 3,
  },
  {
    name: 'deeply nested block sequences ("- - - - x") are refused before parsing',
    text: () => `${'- '.repeat(3000)}x\n`,
    message: /^error parsing STDIN: the document nests deeper than 100 levels/,
    line: 1,
  },
  {
    name: 'a 50 MB document is refused before parsing (the API server accepts 3 MiB per request)',
    text: () =>
      `${POD_HEAD}  containers:\n  - name: app\n    image: nginx\n    args: ["${'x'.repeat(50 * 1024 * 1024)}"]\n`,
    message:
      /^error parsing STDIN: the manifest is \d+ bytes, more than the API server accepts in one request \(Request entity too large: limit is 3145728\)$/,
    line: 1,
    column: 1,
  },
  {
    name: 'aliases that expand past 3 MiB of JSON are refused like an oversized request body',
    text: () => {
      const big = `[${Array.from({ length: 40_000 }, (_, i) => `"x${i}"`).join(',')}]`;
      return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    a: &a ${big}\nspec:\n  containers: [${Array(99).fill('*a').join(',')}]\n`;
    },
    message: 'Request entity too large: limit is 3145728',
    line: 1,
    column: 1,
  },
  {
    name: 'a document that is a list is not an object',
    text: () => '- a\n- b\n',
    message: 'unable to decode "STDIN": json: cannot unmarshal array into Go value of type unstructured.detector',
    line: 1,
    column: 1,
  },
  {
    name: 'a document that is a bare word is not an object',
    text: () => 'hello\n',
    message: 'unable to decode "STDIN": json: cannot unmarshal string into Go value of type unstructured.detector',
    line: 1,
  },
  {
    name: 'a number as a label value fails in kubectl itself (client-side ObjectMeta decoding)',
    text: () =>
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    version: 1.0\nspec:\n  containers:\n  - {name: app, image: nginx}\n',
    message:
      'unable to decode "STDIN": json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    line: 6,
    column: 5,
  },
  {
    name: 'no kind',
    text: () => 'apiVersion: v1\nmetadata: {name: x}\n',
    message: `unable to decode "STDIN": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`,
    line: 1,
  },
  {
    name: 'an unknown kind (kubectl: resource mapping not found)',
    text: () => 'apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n',
    message:
      'resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first',
    line: 2,
    column: 1,
  },
  {
    name: 'a known kind with the wrong apiVersion maps to nothing too',
    text: () => 'apiVersion: apps/v1\nkind: Pod\nmetadata: {name: w}\n',
    message:
      'resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Pod" in version "apps/v1"\nensure CRDs are installed first',
    line: 2,
  },
  {
    name: 'a missing namespace is NotFound',
    text: () =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: nope\nspec:\n  containers:\n  - {name: app, image: nginx}\n`,
    message: 'namespaces "nope" not found',
    line: 5,
    column: 3,
  },
  {
    name: 'kubectl apply needs a name',
    text: () =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\nspec:\n  containers:\n  - {name: app, image: nginx}\n`,
    message:
      'error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "", Namespace: "default"\nfrom server for: "STDIN": resource name may not be empty',
    line: 3,
  },
  {
    name: 'only empty documents: kubectl has nothing to apply',
    text: () => '---\n# nothing\n---\n',
    message: 'no objects passed to apply',
    line: 0,
  },
];

describe('bad input leaves the cluster exactly as it was', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const cluster = createCluster();
    cluster.advance(1_000);
    const before = JSON.stringify(cluster.snapshot());
    const r = cluster.apply(c.text());
    expect(r.ok).toBe(false);
    expect(r.results).toEqual([]);
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0];
    if (typeof c.message === 'string') expect(e.message).toBe(c.message);
    else expect(e.message).toMatch(c.message);
    if (c.line > 0) expect(e.line).toBe(c.line);
    if (c.column !== undefined) expect(e.column).toBe(c.column);
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
  });

  it('an invalid pod (generateName drawing from the rng) leaves even the rng state alone', () => {
    const cluster = createCluster();
    const before = JSON.stringify(cluster.snapshot());
    expect(() =>
      cluster.core.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { generateName: 'web-' },
        spec: { containers: [] },
      } as never),
    ).toThrow('spec.containers: Required value');
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
  });

  it('the limits are the documented ones', () => {
    expect(MAX_REQUEST_BYTES).toBe(3145728);
    expect(MAX_ALIAS_COUNT).toBe(100);
  });

  it('replicas: 10^9 style large but valid integers are accepted where the type allows them', () => {
    const cluster = createCluster();
    const r = cluster.apply(
      `${POD_HEAD}  activeDeadlineSeconds: 1000000000\n  containers:\n  - {name: app, image: nginx}\n`,
    );
    expect(r.errors).toEqual([]);
    expect(cluster.get('Pod', 'web')?.spec.activeDeadlineSeconds).toBe(1_000_000_000);
  });

  it('null and empty documents are skipped like kubectl does', () => {
    const cluster = createCluster();
    const r = cluster.apply(`---\nnull\n---\n\n---\n${POD_HEAD}  containers:\n  - {name: app, image: nginx}\n---\n`);
    expect(r.errors).toEqual([]);
    expect(r.results).toEqual([{ kind: 'Pod', name: 'web', namespace: 'default', action: 'created' }]);
  });

  it('a non-string text never throws', () => {
    const cluster = createCluster();
    expect(() => cluster.apply(undefined as unknown as string)).not.toThrow();
  });
});
