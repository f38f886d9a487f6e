/**
 * kubectl get (kubectl pkg/cmd/get/get.go): one table per kind, a NAMESPACE column
 * with -A, kind-prefixed names when several kinds print, and the -o printers.
 */

import { formatLabels } from '../api/labels';
import type { KubeObject } from '../api/types';
import { flagArray, flagBool, flagString, parseResourceArgs } from './args';
import { allNamespaces, type Invocation } from './cmd';
import { KubectlError } from './errors';
import { JsonPathError, relaxed, values } from './jsonpath';
import {
  asList,
  forOutput,
  nameOf,
  type OutputFormat,
  parseOutput,
  printCustomColumns,
  printJsonPath,
  toJson,
  toYaml,
} from './output';
import { printerFor } from './printers';
import { type Fetched, fetchObjects, noResourcesMessage } from './resources';
import { formatTable } from './tabwriter';

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

export function get(inv: Invocation): number {
  const { p, io } = inv;
  if (flagBool(p, 'watch') || flagBool(p, 'watch-only')) {
    throw new KubectlError(
      'error: --watch is not supported here: the playground has no streaming terminal. Run the command again (or watch the graph) to see changes.',
    );
  }
  const format = parseOutput(flagString(p, 'output'));
  const output = flagString(p, 'output') ?? '';
  if (flagBool(p, 'show-labels') && output !== '' && output !== 'wide') {
    throw new KubectlError(`error: --show-labels option cannot be used with ${output} printer`);
  }
  if (p.args.length === 0) throw new KubectlError(NO_TYPE);
  const requests = parseResourceArgs(p.args);
  const namesGiven = requests.some((r) => r.names.length > 0);
  if (namesGiven && (flagString(p, 'selector') ?? '') !== '') {
    throw new KubectlError('error: name cannot be provided when a selector is specified');
  }
  if (namesGiven && allNamespaces(inv)) {
    throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
  }
  const fetched = requests.map((r) => fetchObjects(inv, r.info, r.names));
  const sortBy = flagString(p, 'sort-by');
  if (sortBy) for (const f of fetched) f.objects = sortObjects(f.objects, sortBy);
  const objects = fetched.flatMap((f) => f.objects);
  const ignoreNotFound = flagBool(p, 'ignore-not-found');
  const errors = ignoreNotFound ? [] : fetched.flatMap((f) => f.errors);
  const oneName = requests.length === 1 && requests[0].names.length === 1;

  if (objects.length > 0 || format.kind !== 'table') io.out(render(inv, format, fetched, oneName));
  // Only the human-readable printers (tables, -o wide) say that nothing was found
  // (get.go Run; the others go through printGeneric and print an empty List instead).
  if (format.kind === 'table' && objects.length === 0 && errors.length === 0 && !ignoreNotFound) {
    io.err(noResourcesMessage(inv));
  }
  for (const e of errors) io.err(e);
  return errors.length > 0 ? 1 : 0;
}

function render(inv: Invocation, format: OutputFormat, fetched: Fetched[], oneName: boolean): string {
  const objects = fetched.flatMap((f) => f.objects).map(forOutput);
  // A single named object prints as itself; anything else as a List.
  const single = oneName && objects.length === 1;
  const data = single ? objects[0] : asList(objects);
  switch (format.kind) {
    case 'yaml':
      return objects.length === 0 && oneName ? '' : toYaml(data);
    case 'json':
      return objects.length === 0 && oneName ? '' : toJson(data);
    case 'name':
      return objects.map((o) => `${nameOf(o)}\n`).join('');
    case 'jsonpath':
      return printJsonPath(format.template, data);
    case 'custom-columns':
      return objects.length === 0 && oneName
        ? ''
        : printCustomColumns(format.spec, objects, flagBool(inv.p, 'no-headers'));
    case 'table':
      return tables(inv, fetched, format.wide);
  }
}

function tables(inv: Invocation, fetched: Fetched[], wide: boolean): string {
  const nonEmpty = fetched.filter((f) => f.objects.length > 0);
  const showKind =
    flagBool(inv.p, 'show-kind') ||
    multipleTypesRequested(inv.p.args) ||
    new Set(nonEmpty.map((f) => f.info.kind)).size > 1;
  const noHeaders = flagBool(inv.p, 'no-headers');
  const showLabels = flagBool(inv.p, 'show-labels');
  const labelColumns = flagArray(inv.p, 'label-columns')
    .flatMap((l) => l.split(','))
    .filter((l) => l !== '');
  const now = inv.cluster.now();
  const blocks: string[] = [];
  for (const f of nonEmpty) {
    const printer = printerFor(f.info.kind);
    const withNs = f.info.namespaced && allNamespaces(inv);
    const header = [
      ...(withNs ? ['NAMESPACE'] : []),
      ...printer.headers(wide),
      ...labelColumns.map((l) => l.slice(l.lastIndexOf('/') + 1).toUpperCase()),
      ...(showLabels ? ['LABELS'] : []),
    ];
    const rows: string[][] = noHeaders ? [] : [header];
    for (const obj of f.objects) {
      const cells = printer.row(obj, { now, wide, cluster: inv.cluster });
      if (showKind) cells[0] = nameOf(obj);
      rows.push([
        ...(withNs ? [obj.metadata.namespace ?? ''] : []),
        ...cells,
        ...labelColumns.map((l) => obj.metadata.labels?.[l] ?? ''),
        ...(showLabels ? [formatLabels(obj.metadata.labels)] : []),
      ]);
    }
    blocks.push(formatTable(rows));
  }
  // A blank line separates the kinds' tables, unless there are no headers.
  return blocks.join(noHeaders ? '' : '\n');
}

/** --sort-by=<jsonpath>: numbers numerically, everything else as text; stable. */
function sortObjects(objects: KubeObject[], expr: string): KubeObject[] {
  const path = relaxed(expr);
  const keyed = objects.map((o, i) => {
    let v: unknown;
    try {
      v = values(path, o)[0];
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${path}, ${e.message}`);
      throw e;
    }
    return { o, i, v };
  });
  keyed.sort((a, b) => {
    if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v || a.i - b.i;
    const sa = a.v === undefined ? '' : String(a.v);
    const sb = b.v === undefined ? '' : String(b.v);
    return sa < sb ? -1 : sa > sb ? 1 : a.i - b.i;
  });
  return keyed.map((k) => k.o);
}

/**
 * resource.MultipleTypesRequested: `all`, `pods,nodes` or `pod/a node/b` ask for kind
 * prefixes even when only one kind has objects to show.
 */
function multipleTypesRequested(args: string[]): boolean {
  if (args.length === 0) return false;
  const types = new Set<string>();
  if (args.some((a) => a.includes('/'))) for (const a of args) types.add(a.split('/')[0]);
  else for (const t of args[0].split(',')) if (t !== '') types.add(t);
  return types.has('all') || types.size > 1;
}
