/**
 * StatefulSet validation: ValidateStatefulSet / ValidateStatefulSetUpdate
 * (pkg/apis/apps/validation/validation.go). Names are DNS labels (pods are named
 * `<set>-<ordinal>`). Upstream validates only the template's labels and annotations,
 * not its pod spec: the volume mounts may name volumeClaimTemplates, which are not
 * pod volumes yet. On update only replicas, ordinals, template, updateStrategy,
 * revisionHistoryLimit, persistentVolumeClaimRetentionPolicy and minReadySeconds
 * may change (the 1.35 wording of the Forbidden error).
 */
import { fromLabelSelector, matches } from '../labels';
import { jsonEqual } from '../store';
import { intOrPercentValue, nonNegative, notMoreThan100Percent } from './daemonset';
import { type ErrorList, forbidden, invalid, isRecord, notSupported, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { validateAnnotations, validateLabels } from './names';
import { validateLabelSelector } from './replicaset';
import { validateLongRunningPodSpec, validatePositiveIntOrPercent } from './workload';

export const FORBIDDEN_UPDATE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

const MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

function validateRetentionPolicy(policy: unknown, path: Path): ErrorList {
  if (!isRecord(policy)) return [];
  const errs: ErrorList = [];
  for (const f of ['whenDeleted', 'whenScaled']) {
    if (policy[f] !== 'Retain' && policy[f] !== 'Delete') {
      errs.push(notSupported(path.child(f), policy[f] ?? '', ['Retain', 'Delete']));
    }
  }
  return errs;
}

/** validateRollingUpdateStatefulSet */
function validateRollingUpdate(ru: Record<string, any>, path: Path): ErrorList {
  const errs = nonNegative(ru.partition, path.child('partition'));
  if (ru.maxUnavailable !== undefined) {
    const p = path.child('maxUnavailable');
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, p));
    if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(p, ru.maxUnavailable, 'cannot be 0'));
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, p));
  }
  return errs;
}

function validateUpdateStrategy(s: Record<string, any>, path: Path): ErrorList {
  switch (s.type) {
    case undefined:
    case '':
      return [required(path, '')];
    case 'OnDelete':
      return s.rollingUpdate !== undefined
        ? [invalid(path.child('rollingUpdate'), s.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'")]
        : [];
    case 'RollingUpdate':
      return isRecord(s.rollingUpdate) ? validateRollingUpdate(s.rollingUpdate, path.child('rollingUpdate')) : [];
    default:
      return [invalid(path, s, "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

/** ValidateStatefulSetSpec */
function validateStatefulSetSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const pmp = spec.podManagementPolicy;
  if (pmp === undefined || pmp === '') errs.push(required(path.child('podManagementPolicy'), ''));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    errs.push(invalid(path.child('podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(
    ...validateUpdateStrategy(isRecord(spec.updateStrategy) ? spec.updateStrategy : {}, path.child('updateStrategy')),
  );
  errs.push(
    ...validateRetentionPolicy(
      spec.persistentVolumeClaimRetentionPolicy,
      path.child('persistentVolumeClaimRetentionPolicy'),
    ),
  );
  errs.push(...nonNegative(spec.replicas, path.child('replicas')));
  errs.push(...nonNegative(spec.minReadySeconds, path.child('minReadySeconds')));
  if (isRecord(spec.ordinals)) errs.push(...nonNegative(spec.ordinals.start, path.child('ordinals.start')));
  const selector = spec.selector;
  if (!isRecord(selector)) errs.push(required(path.child('selector'), ''));
  else {
    errs.push(...validateLabelSelector(selector, path.child('selector')));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid(path.child('selector'), selector, 'empty selector is invalid for statefulset'));
    }
  }
  const template = isRecord(spec.template) ? spec.template : {};
  const meta = isRecord(template.metadata) ? template.metadata : {};
  if (isRecord(selector) && Object.keys(selector).length > 0 && !matches(fromLabelSelector(selector), meta.labels)) {
    errs.push(
      invalid(
        path.child('template', 'metadata', 'labels'),
        meta.labels ?? {},
        '`selector` does not match template `labels`',
      ),
    );
  }
  // Upstream's paths: template.labels / template.annotations (no "metadata").
  errs.push(...validateLabels(meta.labels, path.child('template', 'labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('template', 'annotations')));
  const podSpec = isRecord(template.spec) ? template.spec : {};
  errs.push(...validateLongRunningPodSpec(podSpec, path.child('template', 'spec'), 'StatefulSet'));
  return errs;
}

/** ValidateStatefulSet, or ValidateStatefulSetUpdate when `old` is given. */
export function validateStatefulSet(sts: Record<string, any>, old?: Record<string, any>): ErrorList {
  const spec = isRecord(sts.spec) ? sts.spec : {};
  const errs: ErrorList = old ? [] : validateObjectMeta(sts.metadata, true, 'label', Path.root('metadata'));
  errs.push(...validateStatefulSetSpec(spec, Path.root('spec')));
  if (old) {
    const oldSpec = isRecord(old.spec) ? old.spec : {};
    const strip = (s: Record<string, any>) =>
      Object.fromEntries(Object.entries(s).filter(([k]) => !MUTABLE.includes(k)));
    if (!jsonEqual(strip(spec), strip(oldSpec))) errs.push(forbidden(Path.root('spec'), FORBIDDEN_UPDATE));
  }
  return errs;
}
