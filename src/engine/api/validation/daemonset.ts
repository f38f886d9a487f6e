/**
 * DaemonSet validation: ValidateDaemonSet / ValidateDaemonSetUpdate
 * (pkg/apis/apps/validation/validation.go) and the apps/v1 strategy's immutable
 * selector (pkg/registry/apps/daemonset/strategy.go). ObjectMeta update rules come
 * from validateObject.
 */
import { fromLabelSelector, matches } from '../labels';
import { jsonEqual } from '../store';
import { type ErrorList, invalid, isRecord, notSupported, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { validateAnnotations, validateLabels } from './names';
import { validatePodSpec } from './pod';
import { validateLabelSelector } from './replicaset';
import { validateLongRunningPodSpec, validatePositiveIntOrPercent } from './workload';

/** ValidateNonnegativeField */
export function nonNegative(v: unknown, path: Path): ErrorList {
  return typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** getPercentValue / getIntOrPercentValue */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^([0-9]+)%$/.exec(v) : null;
  return m ? Number(m[1]) : 0;
}

/** IsNotMoreThan100Percent */
export function notMoreThan100Percent(v: unknown, path: Path): ErrorList {
  const m = typeof v === 'string' ? /^([0-9]+)%$/.exec(v) : null;
  return m && Number(m[1]) > 100 ? [invalid(path, v, 'must not be greater than 100%')] : [];
}

/** ValidateRollingUpdateDaemonSet: exactly one of maxUnavailable and maxSurge is non-zero. */
function validateRollingUpdateDaemonSet(ru: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, path.child('maxUnavailable')));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, path.child('maxSurge')));
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, path.child('maxUnavailable')));
  errs.push(...notMoreThan100Percent(ru.maxSurge, path.child('maxSurge')));
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(invalid(path.child('maxSurge'), ru.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(path.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

/** ValidateDaemonSetUpdateStrategy */
function validateUpdateStrategy(strategy: unknown, path: Path): ErrorList {
  const s = isRecord(strategy) ? strategy : {};
  switch (s.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!isRecord(s.rollingUpdate)) return [required(path.child('rollingUpdate'), '')];
      return validateRollingUpdateDaemonSet(s.rollingUpdate, path.child('rollingUpdate'));
    default:
      return [notSupported(path, s, ['RollingUpdate', 'OnDelete'])];
  }
}

/** ValidatePodTemplateSpec: the template's labels, annotations and pod spec. */
export function validatePodTemplateSpec(template: Record<string, any>, path: Path): ErrorList {
  const meta = isRecord(template.metadata) ? template.metadata : {};
  return [
    ...validateLabels(meta.labels, path.child('metadata', 'labels')),
    ...validateAnnotations(meta.annotations, path.child('metadata', 'annotations')),
    ...validatePodSpec(isRecord(template.spec) ? template.spec : {}, path.child('spec')),
  ];
}

/** ValidateDaemonSetSpec */
function validateDaemonSetSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const selector = spec.selector;
  const template = isRecord(spec.template) ? spec.template : {};
  if (isRecord(selector)) {
    errs.push(...validateLabelSelector(selector, path.child('selector')));
    const labels = isRecord(template.metadata) ? template.metadata.labels : undefined;
    if (!matches(fromLabelSelector(selector), labels)) {
      errs.push(
        invalid(
          path.child('template', 'metadata', 'labels'),
          labels ?? {},
          '`selector` does not match template `labels`',
        ),
      );
    }
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid(path.child('selector'), selector, 'empty selector is invalid for daemonset'));
    }
  }
  errs.push(...validatePodTemplateSpec(template, path.child('template')));
  const podSpec = isRecord(template.spec) ? template.spec : {};
  errs.push(...validateLongRunningPodSpec(podSpec, path.child('template', 'spec'), 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, path.child('minReadySeconds')));
  errs.push(...validateUpdateStrategy(spec.updateStrategy, path.child('updateStrategy')));
  errs.push(...nonNegative(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  return errs;
}

/** ValidateDaemonSet, and on update the apps/v1 strategy's immutable selector. */
export function validateDaemonSet(ds: Record<string, any>, old?: Record<string, any>): ErrorList {
  const errs: ErrorList = old ? [] : validateObjectMeta(ds.metadata, true, 'subdomain', Path.root('metadata'));
  const spec = isRecord(ds.spec) ? ds.spec : {};
  if (old && !jsonEqual(spec.selector, old.spec?.selector)) {
    errs.push(invalid(Path.root('spec').child('selector'), spec.selector ?? null, 'field is immutable'));
  }
  errs.push(...validateDaemonSetSpec(spec, Path.root('spec')));
  return errs;
}
