/**
 * ObjectMeta validation (apimachinery pkg/api/validation/objectmeta.go,
 * ValidateObjectMetaAccessor and ValidateObjectMetaUpdate), in upstream's order:
 * generateName, name, namespace, generation, labels, annotations, ownerReferences, finalizers.
 */
import { type ErrorList, forbidden, invalid, isRecord, type Path, required } from './field';
import {
  isDNS1123Label,
  isQualifiedName,
  NAME_RULES,
  type NameRule,
  validateAnnotations,
  validateLabels,
} from './names';

/** Name validators take a prefix flag: a generateName may end in '-' (maskTrailingDash). */
function checkName(rule: NameRule, name: string, prefix: boolean): string[] {
  const value = prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name;
  return NAME_RULES[rule](value);
}

export function validateObjectMeta(
  meta: Record<string, any> | undefined,
  requiresNamespace: boolean,
  rule: NameRule,
  path: Path,
): ErrorList {
  const m = meta ?? {};
  const errs: ErrorList = [];
  if (m.generateName) {
    for (const msg of checkName(rule, m.generateName, true)) {
      errs.push(invalid(path.child('generateName'), m.generateName, msg));
    }
  }
  if (!m.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const msg of checkName(rule, m.name, false)) errs.push(invalid(path.child('name'), m.name, msg));
  if (requiresNamespace) {
    if (!m.namespace) errs.push(required(path.child('namespace'), ''));
    else for (const msg of isDNS1123Label(m.namespace)) errs.push(invalid(path.child('namespace'), m.namespace, msg));
  } else if (m.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  if (typeof m.generation === 'number' && m.generation < 0) {
    errs.push(invalid(path.child('generation'), m.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(m.finalizers, path.child('finalizers')));
  return errs;
}

function validateOwnerReferences(refs: unknown, path: Path): ErrorList {
  if (!Array.isArray(refs)) return [];
  const errs: ErrorList = [];
  let controllers = 0;
  refs.forEach((r, i) => {
    if (!isRecord(r)) return;
    const p = path.index(i);
    if (!r.apiVersion) errs.push(invalid(p.child('apiVersion'), r.apiVersion ?? '', 'version must not be empty'));
    if (!r.kind) errs.push(invalid(p.child('kind'), r.kind ?? '', 'kind must not be empty'));
    if (!r.name) errs.push(invalid(p.child('name'), r.name ?? '', 'name must not be empty'));
    if (!r.uid) errs.push(invalid(p.child('uid'), r.uid ?? '', 'uid must not be empty'));
    if (r.controller === true) controllers++;
  });
  if (controllers > 1) {
    errs.push(invalid(path, refs, 'Only one reference can have Controller set to true.'));
  }
  return errs;
}

/** Finalizer names are qualified names; the short built-in ones are allowed as they are. */
function validateFinalizers(finalizers: unknown, path: Path): ErrorList {
  if (!Array.isArray(finalizers)) return [];
  const errs: ErrorList = [];
  const seen = new Set<string>();
  for (const f of finalizers) {
    const name = String(f);
    for (const msg of isQualifiedName(name)) errs.push(invalid(path, name, msg));
    seen.add(name);
  }
  if (seen.has('orphan') && seen.has('foregroundDeletion')) {
    errs.push(invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** ValidateObjectMetaUpdate: the fields the server owns may not change. */
export function validateObjectMetaUpdate(meta: Record<string, any>, old: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const same = (f: string) => meta[f] === undefined || meta[f] === old[f];
  if (!same('name')) errs.push(invalid(path.child('name'), meta.name, 'field is immutable'));
  if (!same('namespace')) errs.push(invalid(path.child('namespace'), meta.namespace, 'field is immutable'));
  if (!same('uid')) errs.push(invalid(path.child('uid'), meta.uid, 'field is immutable'));
  if (!same('creationTimestamp')) {
    errs.push(invalid(path.child('creationTimestamp'), meta.creationTimestamp, 'field is immutable'));
  }
  return errs;
}
