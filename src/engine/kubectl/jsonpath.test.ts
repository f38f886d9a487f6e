// kubectl's JSONPath subset; cases follow k8s.io/client-go/util/jsonpath/jsonpath_test.go
// and the examples of https://kubernetes.io/docs/reference/kubectl/jsonpath/.
import { describe, expect, it } from 'vitest';
import { goJson, JsonPathError, jsonpath, relaxed, values } from './jsonpath';

const data = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'app.kubernetes.io/name': 'web' } },
      status: {
        capacity: { cpu: '4' },
        addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }],
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'DiskPressure', status: 'False' },
        ],
      },
      spec: { replicas: 3 },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2' },
      status: {
        capacity: { cpu: '8' },
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
        conditions: [{ type: 'Ready', status: 'False' }],
      },
      spec: { replicas: 1 },
    },
  ],
};

const cases: [string, string, string][] = [
  ['a field', '{.kind}', 'List'],
  ['literal text around actions', 'kind={.kind}!', 'kind=List!'],
  ['an index', '{.items[0].metadata.name}', '127.0.0.1'],
  ['a negative index', '{.items[-1].metadata.name}', '127.0.0.2'],
  ['a wildcard joins with spaces', '{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
  ['a slice', '{.items[0:1].metadata.name}', '127.0.0.1'],
  ['recursive descent', '{..address}', '127.0.0.1 127.0.0.2 127.0.0.3'],
  ['a filter', '{.items[?(@.metadata.name=="127.0.0.2")].status.capacity.cpu}', '8'],
  ['a filter on a nested list', '{.items[0].status.conditions[?(@.type=="Ready")].status}', 'True'],
  ['a numeric filter', '{.items[?(@.spec.replicas>2)].metadata.name}', '127.0.0.1'],
  ['an existence filter', '{.items[?(@.metadata.labels)].metadata.name}', '127.0.0.1'],
  ['escaped dots in a key', '{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', 'web'],
  ['a quoted key', "{.items[0].metadata.labels['app.kubernetes.io/name']}", 'web'],
  [
    'range with string literals',
    '{range .items[*]}{.metadata.name}{"\\t"}{.status.capacity.cpu}{"\\n"}{end}',
    '127.0.0.1\t4\n127.0.0.2\t8\n',
  ],
  [
    'nested range',
    '{range .items[*]}[{range .status.addresses[*]}{.type} {end}]{end}',
    '[LegacyHostIP ][LegacyHostIP another ]',
  ],
  ['a map prints as JSON', '{.items[0].status.capacity}', '{"cpu":"4"}'],
  ['a number', '{.items[0].spec.replicas}', '3'],
  ['a missing field prints nothing', '{.items[0].nope}', ''],
  ['an index out of range prints nothing', '{.items[5].metadata.name}', ''],
  ['$ as the root', '{$.kind}', 'List'],
  ['no braces: plain text', '.kind', '.kind'],
];

describe('jsonpath', () => {
  for (const [name, template, want] of cases) {
    it(name, () => expect(jsonpath(template, data)).toBe(want));
  }

  it('reports an unclosed action', () => {
    expect(() => jsonpath('{.kind', data)).toThrow(new JsonPathError('unclosed action'));
  });

  it('reports an unclosed array', () => {
    expect(() => jsonpath('{.items[0}', data)).toThrow(new JsonPathError('unclosed array expect ]'));
  });

  it('reports a range without end', () => {
    expect(() => jsonpath('{range .items[*]}{.kind}', data)).toThrow(JsonPathError);
  });

  it('relaxes custom-columns paths like RelaxedJSONPathExpression', () => {
    expect(relaxed('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxed('metadata.name')).toBe('{.metadata.name}');
    expect(relaxed('{.metadata.name}')).toBe('{.metadata.name}');
    expect(values(relaxed('.items[*].spec.replicas'), data)).toEqual([3, 1]);
  });

  it('writes JSON the way Go does (sorted keys, HTML escaped)', () => {
    expect(goJson({ b: '<a&b>', a: 1 })).toBe('{"a":1,"b":"\\u003ca\\u0026b\\u003e"}');
  });
});
