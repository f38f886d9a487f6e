/**
 * `kubectl apply` for a multi-document YAML or JSON text: parse → (per document)
 * default → admit → validate → persist. Every document is checked before any is
 * written? No: like kubectl, documents are applied in order and each reports its own
 * outcome; a parse error anywhere stops everything before a write.
 */
import { parseAllDocuments } from 'yaml';
import type { Api } from './api';
import { ApiError } from './errors';
import { lookupKind, lookupKindVersion } from './kinds';
import { jsonEqual } from './store';
import type { KubeObject } from './types';

export interface ApplyItemResult {
  kind: string;
  name: string;
  namespace?: string;
  action: 'created' | 'configured' | 'unchanged' | 'deleted';
}

export interface ApplyError {
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

export interface ApplyWarning {
  message: string;
  path?: string;
  line?: number;
}

export interface ApplyResult {
  ok: boolean;
  results: ApplyItemResult[];
  errors: ApplyError[];
  warnings: ApplyWarning[];
}

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ApplyOptions {
  /** namespace for documents that name none (kubectl -n) */
  namespace?: string;
  dryRun?: boolean;
}

export function applyManifests(api: Api, text: string, opts: ApplyOptions = {}): ApplyResult {
  const result: ApplyResult = { ok: true, results: [], errors: [], warnings: [] };
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const objects: { obj: unknown; line?: number }[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      result.errors.push({ message: `error parsing YAML: ${e.message}`, line: pos?.line, column: pos?.col });
    }
    if (doc.errors.length > 0) continue;
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    objects.push({ obj: value, line: doc.contents ? lineOf(text, doc.contents.range?.[0] ?? 0) : undefined });
  }
  if (result.errors.length > 0) return { ...result, ok: false };
  for (const { obj, line } of objects) {
    const r = applyOne(api, obj, opts, line);
    if ('error' in r) result.errors.push(r.error);
    else {
      result.results.push(r.result);
      for (const w of r.warnings) result.warnings.push({ message: w, line });
    }
  }
  result.ok = result.errors.length === 0;
  return result;
}

function applyOne(
  api: Api,
  raw: unknown,
  opts: ApplyOptions,
  line?: number,
): { result: ApplyItemResult; warnings: string[] } | { error: ApplyError } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { error: { message: 'error validating data: the document is not an object', line } };
  }
  const obj = raw as KubeObject;
  if (!obj.kind) return { error: { message: 'error validating data: kind not set', path: 'kind', line } };
  if (!obj.apiVersion) {
    return { error: { message: 'error validating data: apiVersion not set', path: 'apiVersion', line } };
  }
  if (!lookupKindVersion(obj.kind, obj.apiVersion)) {
    return {
      error: {
        message: `resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "STDIN": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`,
        line,
      },
    };
  }
  const info = lookupKind(obj.kind);
  obj.metadata = { ...(obj.metadata ?? {}) } as KubeObject['metadata'];
  if (info?.namespaced && !obj.metadata.namespace && opts.namespace) obj.metadata.namespace = opts.namespace;
  const ns = info?.namespaced ? obj.metadata.namespace || 'default' : undefined;
  try {
    const existing = obj.metadata.name ? api.store.get(obj.kind, ns, obj.metadata.name) : undefined;
    const lastApplied = JSON.stringify(withoutLastApplied(raw as KubeObject));
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied };
    if (!existing) {
      const { object, warnings } = api.createWithWarnings(obj, { dryRun: opts.dryRun });
      return { result: itemResult(object, 'created'), warnings };
    }
    const desired: KubeObject = {
      ...existing,
      ...obj,
      metadata: { ...existing.metadata, ...obj.metadata },
    };
    const { object, warnings } = api.updateWithWarnings(desired, { dryRun: true });
    if (jsonEqual(stripServerFields(object), stripServerFields(existing))) {
      return { result: itemResult(existing, 'unchanged'), warnings };
    }
    if (!opts.dryRun) api.update(desired);
    return { result: itemResult(object, 'configured'), warnings };
  } catch (e) {
    if (e instanceof ApiError) return { error: { message: e.message, path: e.fieldErrors[0]?.field, line } };
    throw e;
  }
}

function withoutLastApplied(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const metadata = { ...(obj.metadata ?? {}), annotations };
  if (Object.keys(annotations).length === 0) delete (metadata as Record<string, unknown>).annotations;
  return { ...obj, metadata } as KubeObject;
}

function stripServerFields(o: KubeObject): unknown {
  const { resourceVersion: _rv, generation: _g, ...meta } = o.metadata;
  return { ...o, metadata: meta, status: undefined };
}

function itemResult(o: KubeObject, action: ApplyItemResult['action']): ApplyItemResult {
  return {
    kind: o.kind,
    name: o.metadata.name,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    action,
  };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
