/**
 * The -o printers besides tables: yaml, json, name, jsonpath and custom-columns
 * (kubernetes k8s.io/cli-runtime/pkg/printers and kubectl pkg/cmd/get/customcolumn.go).
 */
import { lookupKind, resourceRef } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { KubectlError } from './errors';
import { goJson, JsonPathError, jsonpath, relaxed, values, valueText } from './jsonpath';
import { formatTable } from './tabwriter';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; spec: string };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutput(value: string | undefined): OutputFormat {
  const v = value ?? '';
  if (v === '') return { kind: 'table', wide: false };
  if (v === 'wide') return { kind: 'table', wide: true };
  if (v === 'yaml') return { kind: 'yaml' };
  if (v === 'json') return { kind: 'json' };
  if (v === 'name') return { kind: 'name' };
  const eq = v.indexOf('=');
  const name = eq >= 0 ? v.slice(0, eq) : v;
  const arg = eq >= 0 ? v.slice(eq + 1) : '';
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    if (arg === '') throw new KubectlError('error: template format specified but no template given');
    return { kind: 'jsonpath', template: arg };
  }
  if (
    ['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath-file', 'custom-columns-file'].includes(
      name,
    )
  ) {
    throw new KubectlError(
      `error: -o ${name} is not supported in the playground; use -o jsonpath=... or -o custom-columns=...`,
    );
  }
  if (name === 'custom-columns') {
    if (arg === '') throw new KubectlError('error: custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', spec: arg };
  }
  throw new KubectlError(
    `error: unable to match a printer suitable for the output format "${v}", allowed formats are: ${ALLOWED}`,
  );
}

/** What -o yaml/json show: kubectl hides managedFields (--show-managed-fields=false). */
export function forOutput(obj: KubeObject): KubeObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _hidden, ...metadata } = obj.metadata;
  return { ...obj, metadata: metadata as KubeObject['metadata'] };
}

/** The List kubectl wraps several objects in for -o yaml/json/jsonpath. */
export function asList(objects: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export { toYaml } from './yaml';

export function toJson(value: unknown): string {
  return `${goJson(value, '    ')}\n`;
}

export function nameOf(obj: KubeObject): string {
  const info = lookupKind(obj.kind);
  return info ? resourceRef(info, obj.metadata.name) : `${obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

/** -o jsonpath=...: kubectl's wording for template errors. */
export function printJsonPath(template: string, data: unknown): string {
  try {
    return jsonpath(template, data);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
}

/** -o custom-columns=HEADER:path,...; a missing value prints <none>. */
export function printCustomColumns(spec: string, objects: KubeObject[], noHeaders: boolean): string {
  const columns = spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) {
      throw new KubectlError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    }
    return { header: part.slice(0, colon), path: relaxed(part.slice(colon + 1)) };
  });
  const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
  for (const obj of objects) {
    rows.push(
      columns.map((c) => {
        let found: unknown[];
        try {
          found = values(c.path, obj);
        } catch (e) {
          if (e instanceof JsonPathError)
            throw new KubectlError(`error: error parsing jsonpath ${c.path}, ${e.message}`);
          throw e;
        }
        const text = found.map(valueText).join(',');
        return found.length === 0 ? '<none>' : text;
      }),
    );
  }
  return formatTable(rows);
}
