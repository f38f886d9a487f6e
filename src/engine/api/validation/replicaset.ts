/**
 * ReplicaSet and ReplicationController validation: ValidateReplicaSet /
 * ValidateReplicaSetUpdate (pkg/apis/apps/validation/validation.go), the apps/v1
 * strategy's immutable selector (pkg/registry/apps/replicaset/strategy.go), and core
 * ValidateReplicationController (pkg/apis/core/validation/validation.go).
 */
// Loaded with the validators: registers the two kinds' Go types for strict decoding.
import '../schema/replicaset';
import { jsonEqual } from '../store';
import { type ErrorList, forbidden, invalid, isRecord, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { isValidLabelValue, validateLabelName, validateLabels } from './names';
import { validatePodTemplateForReplicaSet } from './workload';

/** ValidateNonnegativeField */
function nonNegative(v: unknown, path: Path): ErrorList {
  return typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** metav1validation.ValidateLabelSelectorRequirement */
function validateSelectorRequirement(sr: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const values: unknown[] = Array.isArray(sr.values) ? sr.values : [];
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
      break;
    default:
      errs.push(invalid(path.child('operator'), sr.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(typeof sr.key === 'string' ? sr.key : '', path.child('key')));
  values.forEach((v, i) => {
    for (const msg of isValidLabelValue(String(v))) errs.push(invalid(path.child('values').index(i), v, msg));
  });
  return errs;
}

/** metav1validation.ValidateLabelSelector: matchLabels are labels; each expression is well formed. */
export function validateLabelSelector(selector: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  if (isRecord(selector.matchLabels)) errs.push(...validateLabels(selector.matchLabels, path.child('matchLabels')));
  const exprs: unknown[] = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  exprs.forEach((e, i) => {
    errs.push(...validateSelectorRequirement(isRecord(e) ? e : {}, path.child('matchExpressions').index(i)));
  });
  return errs;
}

/** ValidateReplicaSetSpec */
function validateReplicaSetSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  errs.push(...nonNegative(spec.replicas, path.child('replicas')));
  errs.push(...nonNegative(spec.minReadySeconds, path.child('minReadySeconds')));
  errs.push(...validateSelectorAndTemplate(spec, path));
  return errs;
}

/**
 * The selector and template rules ReplicaSetSpec and DeploymentSpec share: a required,
 * non-empty label selector (upstream words it "for deployment" for both kinds) and a
 * template whose labels it matches.
 */
export function validateSelectorAndTemplate(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const selector = spec.selector;
  if (!isRecord(selector)) {
    errs.push(required(path.child('selector'), ''));
  } else {
    errs.push(...validateLabelSelector(selector, path.child('selector')));
    const n = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length;
    if (n === 0) errs.push(invalid(path.child('selector'), selector, 'empty selector is invalid for deployment'));
  }
  errs.push(...validatePodTemplateForReplicaSet(spec.template, selector, path.child('template')));
  return errs;
}

/** apps/v1 strategies refuse any change of spec.selector on update. */
export function immutableSelector(spec: Record<string, any>, old?: Record<string, any>): ErrorList {
  if (!old || jsonEqual(spec.selector, old.spec?.selector)) return [];
  return [invalid(Path.root('spec').child('selector'), spec.selector ?? null, 'field is immutable')];
}

/**
 * ValidateReplicaSet, and on update the strategy's ValidateReplicaSet +
 * ValidateReplicaSetUpdate (the same spec checks; upstream's message dedupes them) plus
 * the apps/v1 immutable selector. ObjectMeta update rules come from validateObject.
 */
export function validateReplicaSet(rs: Record<string, any>, old?: Record<string, any>): ErrorList {
  const meta = isRecord(rs.metadata) ? rs.metadata : {};
  const spec = isRecord(rs.spec) ? rs.spec : {};
  const errs: ErrorList = validateObjectMeta(meta, true, 'subdomain', Path.root('metadata'));
  errs.push(...validateReplicaSetSpec(spec, Path.root('spec')));
  errs.push(...immutableSelector(spec, old));
  return errs;
}

/** ValidateReplicationControllerSpec: an equality selector that must not be empty. */
function validateReplicationControllerSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  errs.push(...nonNegative(spec.minReadySeconds, path.child('minReadySeconds')));
  const selector = isRecord(spec.selector) ? spec.selector : {};
  if (Object.keys(selector).length === 0) errs.push(required(path.child('selector'), ''));
  errs.push(...nonNegative(spec.replicas, path.child('replicas')));
  // ValidatePodTemplateSpecForRC: the ReplicaSet checks, with the RC's name in one message.
  const tmpl = validatePodTemplateForReplicaSet(spec.template, { matchLabels: selector }, path.child('template'));
  for (const e of tmpl) {
    if (e.detail === 'activeDeadlineSeconds in ReplicaSet is not Supported') {
      e.detail = 'activeDeadlineSeconds in ReplicationController is not Supported';
    }
  }
  errs.push(...tmpl);
  return errs;
}

/** ValidateReplicationController / ValidateReplicationControllerUpdate (the selector may change). */
export function validateReplicationController(rc: Record<string, any>, _old?: Record<string, any>): ErrorList {
  const meta = isRecord(rc.metadata) ? rc.metadata : {};
  const spec = isRecord(rc.spec) ? rc.spec : {};
  const errs: ErrorList = validateObjectMeta(meta, true, 'subdomain', Path.root('metadata'));
  errs.push(...validateReplicationControllerSpec(spec, Path.root('spec')));
  return errs;
}
