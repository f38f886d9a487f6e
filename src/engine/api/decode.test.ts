// The API server's decoding step (sigs.k8s.io/json, encoding/json wording since Go 1.20:
// innermost struct, full path from the root without indices) and strict field validation
// (`strict decoding error: unknown field "..."`, all of them, in document order).
import { describe, expect, it } from 'vitest';
import { cannotBeHandled, decodeObject } from './decode';
import { schemaFor } from './schema';

const POD = schemaFor('Pod') as NonNullable<ReturnType<typeof schemaFor>>;
const pod = (spec: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec });

describe('decodeObject (Pod)', () => {
  it.each([
    [
      { containers: 'x' },
      'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    ],
    [
      { containers: [{ name: 5 }] },
      'json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string',
    ],
    [
      { containers: [{ ports: 'x' }] },
      'json: cannot unmarshal string into Go struct field Container.spec.containers.ports of type []v1.ContainerPort',
    ],
    [
      { containers: [{ env: [{ name: 'A', value: 1 }] }] },
      'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
    ],
    [
      { containers: [{ args: [true] }] },
      'json: cannot unmarshal bool into Go struct field Container.spec.containers.args of type string',
    ],
    [
      { nodeSelector: ['a'] },
      'json: cannot unmarshal array into Go struct field PodSpec.spec.nodeSelector of type map[string]string',
    ],
    [
      { containers: [{ resources: { limits: 'big' } }] },
      'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList',
    ],
    [
      { securityContext: 'root' },
      'json: cannot unmarshal string into Go struct field PodSpec.spec.securityContext of type v1.PodSecurityContext',
    ],
    [
      { priority: 3_000_000_000 },
      'json: cannot unmarshal number 3000000000 into Go struct field PodSpec.spec.priority of type int32',
    ],
    [
      { containers: [{ livenessProbe: { httpGet: { port: true } } }] },
      'json: cannot unmarshal bool into Go value of type int32',
    ],
  ])('%j → %s', (spec, message) => {
    expect(decodeObject(pod(spec), POD).typeError?.message).toBe(message);
  });

  it('reports only the first type error, as Go stops there', () => {
    const r = decodeObject(pod({ containers: 'x', restartPolicy: 1 }), POD);
    expect(r.typeError?.at).toEqual([{ field: 'spec' }, { field: 'containers' }]);
  });

  it('lists every unknown field with indices, in document order', () => {
    const r = decodeObject(pod({ containers: [{ name: 'a', imagePullPolice: 'x' }], restartpolicy: 'Always' }), POD);
    expect(r.unknown.map((u) => u.message)).toEqual([
      'unknown field "spec.containers[0].imagePullPolice"',
      'unknown field "spec.restartpolicy"',
    ]);
  });

  it('field names are case-sensitive (sigs.k8s.io/json), top-level typos included', () => {
    expect(decodeObject({ apiVersion: 'v1', kind: 'Pod', Metadata: {} }, POD).unknown[0].message).toBe(
      'unknown field "Metadata"',
    );
  });

  it('nulls leave fields unset, as Go zero values', () => {
    const r = decodeObject(pod({ containers: [{ name: 'a', image: 'nginx', command: null }], nodeName: null }), POD);
    expect(r.typeError).toBeUndefined();
    expect(r.value).toEqual(pod({ containers: [{ name: 'a', image: 'nginx' }] }));
  });

  it('numbers and strings both decode into quantities and int-or-strings', () => {
    const r = decodeObject(
      pod({
        containers: [
          { resources: { limits: { cpu: 1.5, memory: '1Gi' } }, readinessProbe: { tcpSocket: { port: 'http' } } },
        ],
      }),
      POD,
    );
    expect(r.typeError).toBeUndefined();
  });

  it('wraps the detail as the server does', () => {
    expect(cannotBeHandled('Deployment', 'apps/v1', 'x')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: x',
    );
  });
});
