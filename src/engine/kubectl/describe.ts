/**
 * kubectl describe (kubectl pkg/cmd/describe/describe.go): names match exactly or, failing
 * that, by prefix; several objects are separated by two blank lines. Pods and nodes
 * have their own describers; other kinds get the generic one (fields as a tree).
 */
import type { KubeObject, Node, Pod } from '../api/types';
import { parseResourceArgs } from './args';
import type { Invocation } from './cmd';
import { describeNode } from './describe-node';
import { describePod } from './describe-pod';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';
import { KubectlError } from './errors';
import { fetchObjects, noResourcesMessage } from './resources';

const NO_TYPE = `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
See 'kubectl describe -h' for help and examples`;

type Describer = (inv: Invocation, obj: KubeObject) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: (inv, o) => describePod(inv.cluster, o as Pod),
  Node: (inv, o) => describeNode(inv.cluster, o as Node),
};

/** Lets a feature that adds a kind register its describer. */
export function registerDescriber(kind: string, d: Describer): void {
  DESCRIBERS[kind] = d;
}

export function describe(inv: Invocation): number {
  if (inv.p.args.length === 0) throw new KubectlError(NO_TYPE);
  const requests = parseResourceArgs(inv.p.args);
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  for (const r of requests) {
    if (r.names.length === 0) {
      objects.push(...fetchObjects(inv, r.info, []).objects);
      continue;
    }
    for (const name of r.names) {
      const exact = fetchObjects(inv, r.info, [name]);
      if (exact.objects.length > 0) {
        objects.push(...exact.objects);
        continue;
      }
      // describe falls back to a name prefix: `kubectl describe pod web` finds web-7d9f-abcde.
      const prefixed = fetchObjects(inv, r.info, []).objects.filter((o) => o.metadata.name.startsWith(name));
      if (prefixed.length > 0) objects.push(...prefixed);
      else errors.push(...exact.errors);
    }
  }
  if (objects.length === 0 && errors.length === 0) {
    inv.io.err(noResourcesMessage(inv));
    return 0;
  }
  inv.io.out(objects.map((o) => (DESCRIBERS[o.kind] ?? describeGeneric)(inv, o)).join('\n\n'));
  for (const e of errors) inv.io.err(e);
  return errors.length > 0 ? 1 : 0;
}

/** GenericDescriber: identity, then every other field as an indented tree, then events. */
function describeGeneric(inv: Invocation, obj: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  if (obj.metadata.namespace) w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `API Version:\t${obj.apiVersion}\n`);
  w.write(0, `Kind:\t${obj.kind}\n`);
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!['apiVersion', 'kind', 'metadata'].includes(k)) rest[k] = v;
  const { name: _n, namespace: _ns, labels: _l, annotations: _a, ...meta } = obj.metadata;
  writeTree(w, { Metadata: meta, ...capitalized(rest) }, 0);
  writeEvents(w, eventsFor(inv.cluster, obj), inv.cluster.now());
  return w.toString();
}

function capitalized(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k.charAt(0).toUpperCase() + k.slice(1)] = v;
  return out;
}

function writeTree(w: DescribeWriter, value: unknown, level: number): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object') writeTree(w, item, level);
      else w.write(level, `${String(item)}\n`);
    }
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = level === 0 ? k : k.charAt(0).toUpperCase() + k.slice(1);
    if (v !== null && typeof v === 'object') {
      w.write(level, `${key}:\n`);
      writeTree(w, v, level + 1);
    } else {
      w.write(level, `${key}:\t${v === null || v === undefined ? '<nil>' : String(v)}\n`);
    }
  }
}
