/**
 * kubectl apply -f / create -f (kubectl pkg/cmd/apply, pkg/cmd/create): one line per
 * object (`pod/nginx created`), the API server's warnings as `Warning: ...`, and the
 * errors in kubectl's wording. apply goes through the cluster's apply pipeline;
 * create refuses objects that already exist.
 */
import { parseAllDocuments } from 'yaml';
import { type ApplyResult, applyManifests } from '../api/apply';
import { ApiError } from '../api/errors';
import { lookupKind, lookupKindVersion, resourceRef } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { flagString } from './args';
import type { Invocation } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { apiErrorText, KubectlError, reasonOf } from './errors';
import { readSource, type Source } from './source';

export function apply(inv: Invocation): number {
  const src = requireSource(inv, 'apply');
  const ns = flagString(inv.p, 'namespace');
  const dry = dryRunOf(inv.p);
  // A dry run goes through the same pipeline (validation included) without persisting.
  const result =
    dry === 'none'
      ? inv.cluster.apply(src.text, ns ? { namespace: ns } : undefined)
      : applyManifests(inv.cluster.core.api, src.text, { namespace: ns, dryRun: true });
  return report(inv, src, result, 'apply', dryRunSuffix(dry));
}

export function create(inv: Invocation): number {
  const src = requireSource(inv, 'create');
  const docs = splitDocuments(src.text);
  // Parse errors and oddities are reported by the apply pipeline, with positions.
  if (!docs) return report(inv, src, inv.cluster.apply(src.text), 'create');
  const result: ApplyResult = { ok: true, results: [], errors: [], warnings: [] };
  const ns = flagString(inv.p, 'namespace');
  const dry = dryRunOf(inv.p);
  for (const { obj, line } of docs) {
    const o = obj as KubeObject;
    if (!o || typeof o !== 'object' || !o.kind || !o.apiVersion || !lookupKindVersion(o.kind, o.apiVersion)) {
      const r = inv.cluster.apply(JSON.stringify(obj), { namespace: ns });
      result.errors.push(...r.errors.map((e) => ({ ...e, line })));
      continue;
    }
    const info = lookupKind(o.kind);
    o.metadata = { ...(o.metadata ?? {}) } as KubeObject['metadata'];
    if (info?.namespaced && !o.metadata.namespace && ns) o.metadata.namespace = ns;
    try {
      const { object, warnings } = inv.cluster.core.api.createWithWarnings(o, { dryRun: dry !== 'none' });
      for (const w of warnings) result.warnings.push({ message: w, line });
      result.results.push({
        kind: object.kind,
        name: object.metadata.name,
        namespace: object.metadata.namespace,
        action: 'created',
      });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      result.errors.push({ message: e.message, line });
    }
  }
  result.ok = result.errors.length === 0;
  return report(inv, src, result, 'create', dryRunSuffix(dry));
}

function requireSource(inv: Invocation, verb: 'apply' | 'create'): Source {
  const src = readSource(inv, verb);
  if (!src) {
    // FilenameOptions validation in apply.go / create.go.
    throw new KubectlError('error: must specify one of -f and -k');
  }
  return src;
}

function splitDocuments(text: string): { obj: unknown; line: number }[] | undefined {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: { obj: unknown; line: number }[] = [];
  for (const d of list) {
    if (d.errors.length > 0) return undefined;
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: 100 });
    } catch {
      return undefined;
    }
    if (value === null || value === undefined) continue;
    out.push({ obj: value, line: 1 });
  }
  return out;
}

function report(inv: Invocation, src: Source, result: ApplyResult, verb: 'apply' | 'create', suffix = ''): number {
  for (const w of result.warnings) inv.io.err(`Warning: ${w.message}`);
  for (const r of result.results) {
    const info = lookupKind(r.kind);
    const ref = info ? resourceRef(info, r.name) : `${r.kind.toLowerCase()}/${r.name}`;
    inv.io.out(`${ref} ${r.action}${suffix}\n`);
  }
  // The YAML decoder stops at the first syntax error, so kubectl reports only that one.
  const errors = result.errors[0]?.message.startsWith('error parsing YAML: ')
    ? result.errors.slice(0, 1)
    : result.errors;
  for (const e of errors) inv.io.err(errorText(e.message, e.line, src, verb));
  if (result.ok && result.results.length === 0 && result.errors.length === 0) {
    throw new KubectlError(`error: no objects passed to ${verb}`);
  }
  return result.errors.length > 0 ? 1 : 0;
}

/** One apply error as kubectl prints it. */
export function errorText(message: string, line: number | undefined, src: Source, verb: 'apply' | 'create'): string {
  if (message.startsWith('error parsing YAML: ')) {
    // sigs.k8s.io/yaml: `error converting YAML to JSON: yaml: line 3: <what>`.
    const what = message
      .slice('error parsing YAML: '.length)
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '');
    return `error: error parsing ${src.name}: error converting YAML to JSON: yaml: line ${line ?? 1}: ${lowerFirst(what)}`;
  }
  if (message.startsWith('error validating data: ')) {
    return `error: error validating "${src.name}": ${message}; if you choose to ignore these errors, turn validation off with --validate=false`;
  }
  if (message.startsWith('resource mapping not found')) return `error: ${message.replace('"STDIN"', `"${src.name}"`)}`;
  const reason = reasonOf(message);
  if (reason === 'Invalid') return apiErrorText('Invalid', message);
  if (reason) {
    // apply creates what does not exist yet, so most refusals happen "when creating".
    const verbing = verb === 'create' || reason !== 'Conflict' ? 'creating' : 'applying patch';
    return `Error from server (${reason}): error when ${verbing} "${src.name}": ${message}`;
  }
  return message.startsWith('error: ') ? message : `error: ${message}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
