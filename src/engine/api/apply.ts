/**
 * `kubectl apply` for a multi-document YAML or JSON text. Like kubectl, documents are
 * read in order and each is applied on its own: a bad document reports its error and
 * the others still go through; a syntax error ends the stream (documents before it
 * are applied, later ones never read). Per document: decode (client side), resource
 * mapping, the server's strict decoding, then create or a three-way merge update
 * through the API's default → admit → validate → persist. Nothing throws out of here.
 */
import type { Api } from './api';
import { cannotBeHandled, decodeObject } from './decode';
import { ApiError, alreadyExists, formatFieldError } from './errors';
import { type KindInfo, lookupKindVersion, qualifiedResource } from './kinds';
import { sortedJSON, threeWayMerge } from './merge';
import { type ParsedDocument, parseStream } from './parse';
import { goValue, patchDelta, stripNulls, stripServerFields } from './patch';
import { type PathStep, parsePath } from './positions';
import { schemaFor } from './schema';
import { jsonEqual } from './store';
import type { KubeObject } from './types';
import { type LocatedFieldError, renderPath } from './validation/field';

export interface ApplyItemResult {
  kind: string;
  name: string;
  namespace?: string;
  action: 'created' | 'configured' | 'unchanged' | 'deleted';
}

export interface ApplyErrorCause {
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

export interface ApplyError {
  /** the text kubectl shows after `error: ` or `Error from server (<reason>): ` */
  message: string;
  path?: string;
  line?: number;
  column?: number;
  /** the API status reason (Invalid, NotFound, BadRequest, ...); absent for kubectl's own (client-side) errors */
  reason?: string;
  /** what kubectl was doing: `error when creating "STDIN": ...` vs `error when applying patch` */
  operation?: 'create' | 'patch';
  /** the object the error is about, when known */
  kind?: string;
  name?: string;
  namespace?: string;
  /** each field error of an Invalid error with its own position, for editor markers */
  causes?: ApplyErrorCause[];
}

export interface ApplyWarning {
  message: string;
  path?: string;
  line?: number;
  column?: number;
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
  /** `create` is kubectl create -f: no last-applied annotation, AlreadyExists for existing objects */
  mode?: 'apply' | 'create';
}

/** kubectl create -f over the same pipeline (parse, decode, positions, per-document errors). */
export function createManifests(api: Api, text: string, opts: Omit<ApplyOptions, 'mode'> = {}): ApplyResult {
  return applyManifests(api, text, { ...opts, mode: 'create' });
}

/** Fields the server sets on create; a manifest exported with `-o yaml` carries them. */
const SERVER_SET = [
  'uid',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

export function applyManifests(api: Api, text: string, opts: ApplyOptions = {}): ApplyResult {
  const result: ApplyResult = { ok: true, results: [], errors: [], warnings: [] };
  try {
    const stream = parseStream(typeof text === 'string' ? text : String(text));
    for (const doc of stream.documents) applyDocument(api, doc, opts, result);
    if (stream.error) result.errors.push(stream.error);
    if (stream.documents.length === 0 && !stream.error) result.errors.push({ message: 'no objects passed to apply' });
  } catch (e) {
    // A bug of ours must not take the page down; say so plainly.
    result.errors.push({ message: `internal error while applying: ${e instanceof Error ? e.message : String(e)}` });
  }
  result.ok = result.errors.length === 0;
  return result;
}

function applyDocument(api: Api, doc: ParsedDocument, opts: ApplyOptions, out: ApplyResult): void {
  const at = (path: readonly PathStep[] = []) => doc.locate(path) ?? { line: doc.line, column: doc.column };
  const fail = (e: ApplyError) => out.errors.push({ ...at(), ...e });
  if (doc.refused) {
    fail({ ...doc.refused, operation: 'create' });
    return;
  }
  const raw = doc.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    // the unstructured decoder first reads the document into a small detector struct
    const what = Array.isArray(raw) ? 'array' : typeof raw === 'boolean' ? 'bool' : typeof raw;
    fail({
      message: `unable to decode "STDIN": json: cannot unmarshal ${what} into Go value of type unstructured.detector`,
    });
    return;
  }
  const obj = raw as Record<string, any>;
  for (const f of ['kind', 'apiVersion'] as const) {
    if (obj[f] !== undefined && typeof obj[f] !== 'string') {
      const type = Array.isArray(obj[f]) ? 'array' : typeof obj[f] === 'object' && obj[f] ? 'object' : typeof obj[f];
      fail({
        message: `unable to decode "STDIN": json: cannot unmarshal ${type} into Go struct field TypeMeta.${f} of type string`,
        ...at([f]),
      });
      return;
    }
  }
  if (!obj.kind) {
    fail({ message: `unable to decode "STDIN": Object 'Kind' is missing in '${JSON.stringify(obj)}'` });
    return;
  }
  // A v1 List (what `kubectl get -o yaml` prints) applies each of its items.
  if (obj.kind === 'List' && obj.apiVersion === 'v1' && Array.isArray(obj.items)) {
    obj.items.forEach((item: unknown, i: number) => {
      const locate: ParsedDocument['locate'] = (path) => doc.locate(['items', i, ...path]);
      applyDocument(api, { ...doc, value: item, ...(doc.locate(['items', i]) ?? {}), locate }, opts, out);
    });
    return;
  }
  const meta = typeof obj.metadata === 'object' && obj.metadata !== null ? obj.metadata : {};
  const info = lookupKindVersion(obj.kind, obj.apiVersion ?? '');
  if (!info) {
    fail({
      message: `resource mapping not found for name: "${str(meta.name)}" namespace: "${str(meta.namespace)}" from "STDIN": no matches for kind "${obj.kind}" in version "${obj.apiVersion ?? ''}"\nensure CRDs are installed first`,
      ...at(['kind']),
    });
    return;
  }
  const schema = schemaFor(info.kind);
  if (schema) {
    const decoded = decodeObject(obj, schema);
    const problem = decoded.typeError ?? decoded.unknown[0];
    // kubectl itself reads metadata into an ObjectMeta, so a wrong type there (a number
    // as a label value) fails client side, before any request.
    if (decoded.typeError && (decoded.typeError.at[0] as { field?: string })?.field === 'metadata') {
      fail({
        message: `unable to decode "STDIN": ${decoded.typeError.message}`,
        ...at(decoded.typeError.at),
        path: renderPath(decoded.typeError.at),
      });
      return;
    }
    if (problem) {
      const detail = decoded.typeError
        ? decoded.typeError.message
        : `strict decoding error: ${decoded.unknown.map((u) => u.message).join(', ')}`;
      const exists =
        typeof meta.name === 'string' && api.store.get(info.kind, namespaceOf(info, meta, opts), meta.name);
      // On an existing object kubectl sends a patch, and the server reports unknown
      // fields against the patch: `The request is invalid: patch: Invalid value: "map[...]": ...`.
      const asPatch = exists && !decoded.typeError && opts.mode !== 'create';
      fail({
        message: asPatch
          ? `The request is invalid: patch: Invalid value: "${goValue(patchDelta(obj, exists))}": ${detail}`
          : cannotBeHandled(info.kind, info.apiVersion, detail),
        reason: asPatch ? 'Invalid' : 'BadRequest',
        operation: exists ? 'patch' : 'create',
        kind: info.kind,
        name: str(meta.name),
        ...at(problem.at),
        path: renderPath(problem.at),
      });
      return;
    }
  }
  const ns = namespaceOf(info, meta, opts);
  if (info.namespaced && meta.namespace && opts.namespace && meta.namespace !== opts.namespace) {
    fail({
      message: `the namespace from the provided object "${meta.namespace}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${meta.namespace}' to perform this operation.`,
      ...at(['metadata', 'namespace']),
    });
    return;
  }
  if ((typeof meta.name !== 'string' || meta.name === '') && opts.mode !== 'create') {
    const group = info.group ? `${info.group}/` : '/';
    fail({
      message: `error when retrieving current configuration of:\nResource: "${group}${versionOf(info)}, Resource=${info.plural}", GroupVersionKind: "${group}${versionOf(info)}, Kind=${info.kind}"\nName: "", Namespace: "${ns ?? ''}"\nfrom server for: "STDIN": resource name may not be empty`,
      ...at(['metadata']),
    });
    return;
  }
  applyObject(api, obj, info, ns, doc, opts, out);
}

function applyObject(
  api: Api,
  raw: Record<string, any>,
  info: KindInfo,
  ns: string | undefined,
  doc: ParsedDocument,
  opts: ApplyOptions,
  out: ApplyResult,
): void {
  const modified = structuredClone(raw) as KubeObject;
  modified.metadata = { ...(modified.metadata ?? {}) } as KubeObject['metadata'];
  if (ns) modified.metadata.namespace = ns;
  else delete modified.metadata.namespace;
  if (opts.mode !== 'create') {
    const annotations: Record<string, string> = { ...(modified.metadata.annotations ?? {}) };
    delete annotations[LAST_APPLIED];
    // kubectl stores the configuration it was given, with the namespace it resolved and
    // an (empty) annotations map, as sorted JSON ending in a newline.
    const lastApplied = `${sortedJSON({ ...modified, metadata: { ...modified.metadata, annotations } })}\n`;
    modified.metadata.annotations = { ...annotations, [LAST_APPLIED]: lastApplied };
  }
  const existing = modified.metadata.name ? api.store.get(info.kind, ns, modified.metadata.name) : undefined;
  try {
    if (existing && opts.mode === 'create') throw alreadyExists(qualifiedResource(info), modified.metadata.name);
    if (!existing) {
      // The server sets these itself, and refuses a resourceVersion on create.
      if (modified.metadata.resourceVersion) {
        throw new ApiError('resourceVersion should not be set on objects to be created', 'BadRequest');
      }
      for (const f of SERVER_SET) delete (modified.metadata as Record<string, unknown>)[f];
      if (info.kind === 'Pod' || info.kind === 'Namespace') delete modified.status;
      const { object, warnings } = api.createWithWarnings(stripNulls(modified) as KubeObject, { dryRun: opts.dryRun });
      out.results.push(itemResult(object, 'created'));
      pushWarnings(out, doc, warnings);
      return;
    }
    const rv = modified.metadata.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) {
      throw new ApiError(
        `Operation cannot be fulfilled on ${info.plural}${info.group ? `.${info.group}` : ''} "${existing.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
        'Conflict',
      );
    }
    const original = parseLastApplied(existing.metadata.annotations?.[LAST_APPLIED]);
    const desired = stripNulls(threeWayMerge(original, modified, existing)) as KubeObject;
    const { object, warnings } = api.updateWithWarnings(desired, { dryRun: true });
    if (jsonEqual(stripServerFields(object), stripServerFields(existing))) {
      out.results.push(itemResult(existing, 'unchanged'));
      return;
    }
    if (!opts.dryRun) api.updateWithWarnings(desired);
    out.results.push(itemResult(object, 'configured'));
    pushWarnings(out, doc, warnings);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    out.errors.push(apiErrorToApply(e, doc, existing ? 'patch' : 'create', info, modified));
  }
}

function apiErrorToApply(
  e: ApiError,
  doc: ParsedDocument,
  operation: 'create' | 'patch',
  info: KindInfo,
  obj: KubeObject,
): ApplyError {
  const first = e.fieldErrors[0] as LocatedFieldError | undefined;
  const where = (fe?: LocatedFieldError) =>
    (fe?.at ? doc.locate(fe.at) : undefined) ??
    (e.reason === 'NotFound' ? doc.locate(['metadata', 'namespace']) : undefined) ?? {
      line: doc.line,
      column: doc.column,
    };
  const causes = (e.fieldErrors as LocatedFieldError[]).map((fe) => ({
    message: e.reason === 'Invalid' ? formatFieldError(fe) : e.message,
    path: fe.field,
    ...where(fe),
  }));
  return {
    message: e.message,
    reason: e.reason,
    operation,
    kind: info.kind,
    name: obj.metadata.name,
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    ...(first ? { path: first.field } : {}),
    ...where(first),
    ...(causes.length > 0 ? { causes } : {}),
  };
}

function pushWarnings(out: ApplyResult, doc: ParsedDocument, warnings: string[]): void {
  for (const message of warnings) {
    const path = /^([\w.[\]/-]+): /.exec(message)?.[1];
    const pos = path ? doc.locate(parsePath(path)) : undefined;
    out.warnings.push({ message, ...(path ? { path } : {}), ...(pos ?? { line: doc.line, column: doc.column }) });
  }
}

function parseLastApplied(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function namespaceOf(info: KindInfo, meta: Record<string, any>, opts: ApplyOptions): string | undefined {
  if (!info.namespaced) return undefined;
  return (typeof meta.namespace === 'string' && meta.namespace) || opts.namespace || 'default';
}

function versionOf(info: KindInfo): string {
  return info.apiVersion.includes('/') ? info.apiVersion.slice(info.apiVersion.indexOf('/') + 1) : info.apiVersion;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function itemResult(o: KubeObject, action: ApplyItemResult['action']): ApplyItemResult {
  return {
    kind: o.kind,
    name: o.metadata.name,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    action,
  };
}
