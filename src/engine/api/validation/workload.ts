/**
 * Pieces of workload validation (pkg/apis/apps/validation, core ValidatePodTemplateSpecForRC)
 * shared by the kinds that carry a pod template: the selector must select the template,
 * the template restarts Always, and the rolling-update parameters. Pure helpers; each
 * workload kind calls them from its own validator.
 */
import { selectorMatchesTemplate } from '../labels';
import { type ErrorList, forbidden, invalid, isRecord, notSupported, type Path, required } from './field';
import { regexError, validateAnnotations, validateLabels } from './names';
import { validatePodSpec } from './pod';

/**
 * ValidatePodTemplateSpecForReplicaSet (apps validation): the selector selects the
 * template, the template is a valid pod (labels, annotations, spec), it restarts Always
 * and has no activeDeadlineSeconds. Deployments, ReplicaSets, StatefulSets and
 * DaemonSets call this with their `spec.template` path.
 */
export function validatePodTemplateForReplicaSet(template: unknown, selector: unknown, path: Path): ErrorList {
  if (!isRecord(template)) return [required(path, '')];
  const errs: ErrorList = [];
  const hasSelector =
    isRecord(selector) &&
    (Object.keys(selector.matchLabels ?? {}).length > 0 || (selector.matchExpressions ?? []).length > 0);
  if (hasSelector) errs.push(...validateSelectorMatchesTemplate(selector, template, path));
  const meta = isRecord(template.metadata) ? template.metadata : {};
  errs.push(...validateLabels(meta.labels, path.child('metadata', 'labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('metadata', 'annotations')));
  const spec = isRecord(template.spec) ? template.spec : {};
  errs.push(...validatePodSpec(spec, path.child('spec')));
  errs.push(...validateLongRunningPodSpec(spec, path.child('spec'), 'ReplicaSet'));
  return errs;
}

/**
 * What the controllers that keep pods running (ReplicaSet, DaemonSet, StatefulSet) all
 * demand of their template's pod spec: restartPolicy Always and no activeDeadlineSeconds.
 */
export function validateLongRunningPodSpec(podSpec: Record<string, any>, path: Path, kind: string): ErrorList {
  const errs = validateTemplateRestartPolicy(podSpec.restartPolicy, path.child('restartPolicy'));
  if (podSpec.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(path.child('activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

/** `selector` does not match template `labels`, reported on the template's labels. */
export function validateSelectorMatchesTemplate(selector: unknown, template: unknown, path: Path): ErrorList {
  const labels = isRecord(template) && isRecord(template.metadata) ? template.metadata.labels : undefined;
  if (!isRecord(selector)) return [];
  if (selectorMatchesTemplate(selector, labels)) return [];
  return [invalid(path.child('metadata', 'labels'), labels ?? {}, '`selector` does not match template `labels`')];
}

/** Controllers that keep pods running only accept restartPolicy Always in their template. */
export function validateTemplateRestartPolicy(restartPolicy: unknown, path: Path): ErrorList {
  return restartPolicy === 'Always' ? [] : [notSupported(path, restartPolicy ?? '', ['Always'])];
}

const PERCENT = /^[0-9]+%$/;

/** validation.IsValidPercent */
export function isValidPercent(v: string): string[] {
  return PERCENT.test(v)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%')];
}

/** ValidatePositiveIntOrPercent */
export function validatePositiveIntOrPercent(v: unknown, path: Path): ErrorList {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  if (typeof v === 'number') return v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
  return [invalid(path, v ?? null, "must be an integer or percentage (e.g '5%')")];
}

function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^([0-9]+)%$/.exec(v) : null;
  return m ? Number(m[1]) : 0;
}

/** ValidateRollingUpdateDeployment */
export function validateRollingUpdate(ru: Record<string, unknown>, path: Path): ErrorList {
  const errs: ErrorList = [];
  errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, path.child('maxUnavailable')));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, path.child('maxSurge')));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(path.child('maxUnavailable'), ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  const mu = ru.maxUnavailable;
  if (typeof mu === 'string' && PERCENT.test(mu) && intOrPercentValue(mu) > 100) {
    errs.push(invalid(path.child('maxUnavailable'), mu, 'must not be greater than 100%'));
  }
  return errs;
}

/** ValidateDeploymentStrategy (after defaulting: RollingUpdate with 25%/25%). */
export function validateDeploymentStrategy(strategy: unknown, path: Path): ErrorList {
  const s = isRecord(strategy) ? strategy : {};
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate !== undefined
        ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate':
      if (!isRecord(s.rollingUpdate))
        return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
      return validateRollingUpdate(s.rollingUpdate, path.child('rollingUpdate'));
    default:
      return [notSupported(path, s, ['Recreate', 'RollingUpdate'])];
  }
}
