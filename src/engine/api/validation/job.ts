/**
 * batch/v1 Job validation, after pkg/apis/batch/validation/validation.go: ValidateJob
 * (ObjectMeta, the generated selector, the spec) and ValidateJobUpdate (completions,
 * selector, template, completionMode and podFailurePolicy are immutable).
 */
import { fromLabelSelector, matches } from '../labels';
import { jsonEqual } from '../store';
import { duplicate, type ErrorList, invalid, isRecord, notSupported, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { isDNS1123Label, isQualifiedName, validateAnnotations, validateLabels } from './names';
import { validatePodSpec } from './pod';

/** maxParallelismForIndexedJob */
const MAX_PARALLELISM_INDEXED = 100000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_ON_EXIT_CODES_VALUES = 255;
const MAX_ON_POD_CONDITIONS_PATTERNS = 20;
const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed'];

const LEGACY_CONTROLLER_UID = 'controller-uid';
const LEGACY_JOB_NAME = 'job-name';
const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
const JOB_NAME = 'batch.kubernetes.io/job-name';

function tooMany(path: Path, actual: number, max: number) {
  return {
    ...invalid(path, actual, ''),
    type: 'Too many' as const,
    value: actual,
    detail: `must have at most ${max} items`,
  };
}

/** ValidateNonnegativeField */
function nonNegative(v: unknown, path: Path): ErrorList {
  return typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** ValidateHasLabel */
function hasLabel(meta: Record<string, any>, path: Path, key: string, want: string): ErrorList {
  const labels = isRecord(meta.labels) ? meta.labels : {};
  const p = path.child('labels').key(key);
  if (!(key in labels)) return [required(p, want)];
  return labels[key] === want ? [] : [invalid(p, labels, `must be '${want}'`)];
}

/** validateGeneratedSelector: unless manualSelector, the generated labels and selector must be intact. */
function validateGeneratedSelector(job: Record<string, any>, requirePrefixed: boolean): ErrorList {
  const spec = isRecord(job.spec) ? job.spec : {};
  if (spec.manualSelector === true || !isRecord(spec.selector)) return [];
  const meta = isRecord(job.metadata) ? job.metadata : {};
  const errs: ErrorList = [];
  if (!meta.uid) errs.push(required(Path.root('metadata').child('uid'), ''));
  const tmeta = isRecord(spec.template?.metadata) ? spec.template.metadata : {};
  const tpath = Path.root('spec').child('template', 'metadata');
  errs.push(...hasLabel(tmeta, tpath, LEGACY_CONTROLLER_UID, meta.uid ?? ''));
  errs.push(...hasLabel(tmeta, tpath, LEGACY_JOB_NAME, meta.name ?? ''));
  const expected: Record<string, string> = {};
  if (requirePrefixed) {
    errs.push(...hasLabel(tmeta, tpath, CONTROLLER_UID, meta.uid ?? ''));
    errs.push(...hasLabel(tmeta, tpath, JOB_NAME, meta.name ?? ''));
    expected[CONTROLLER_UID] = meta.uid ?? '';
    expected[JOB_NAME] = meta.name ?? '';
  }
  expected[LEGACY_CONTROLLER_UID] = meta.uid ?? '';
  expected[LEGACY_JOB_NAME] = meta.name ?? '';
  if (!matches(fromLabelSelector(spec.selector), expected)) {
    errs.push(invalid(Path.root('spec').child('selector'), spec.selector, '`selector` not auto-generated'));
  }
  return errs;
}

/** ValidateJob */
export function validateJob(job: Record<string, any>, old?: Record<string, any>): ErrorList {
  const meta = isRecord(job.metadata) ? job.metadata : {};
  const spec = isRecord(job.spec) ? job.spec : {};
  // An update keeps accepting Jobs created before the batch.kubernetes.io/ labels existed.
  const oldLabels = isRecord(old?.spec?.template?.metadata?.labels) ? old.spec.template.metadata.labels : {};
  const requirePrefixed = !old || (JOB_NAME in oldLabels && CONTROLLER_UID in oldLabels);
  const errs = validateObjectMeta(meta, true, 'subdomain', Path.root('metadata'));
  errs.push(...validateGeneratedSelector(job, requirePrefixed));
  errs.push(...validateJobSpec(spec, Path.root('spec')));
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    // Pods get the hostname <job>-<index>; the largest index must still make a DNS label.
    const host = `${meta.name}-${spec.completions - 1}`;
    if (isDNS1123Label(host).length > 0) {
      errs.push(
        invalid(
          Path.root('metadata').child('name'),
          meta.name,
          `will not able to create pod with invalid DNS label: ${host}`,
        ),
      );
    }
  }
  if (old) errs.push(...validateJobSpecUpdate(spec, isRecord(old.spec) ? old.spec : {}, Path.root('spec')));
  return errs;
}

/** ValidateJobSpec: the spec, a selector, and the selector selecting the template. */
function validateJobSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs = validateJobSpecFields(spec, path);
  if (!isRecord(spec.selector)) errs.push(required(path.child('selector'), ''));
  else if (isRecord(spec.selector.matchLabels))
    errs.push(...validateLabels(spec.selector.matchLabels, path.child('selector', 'matchLabels')));
  if (isRecord(spec.selector)) {
    const labels = isRecord(spec.template?.metadata?.labels) ? spec.template.metadata.labels : undefined;
    if (!matches(fromLabelSelector(spec.selector), labels)) {
      errs.push(
        invalid(
          path.child('template', 'metadata', 'labels'),
          labels ?? {},
          '`selector` does not match template `labels`',
        ),
      );
    }
  }
  return errs;
}

/** validateJobSpec without the selector: also what a CronJob's jobTemplate.spec must pass. */
export function validateJobSpecFields(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  for (const f of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
    'maxFailedIndexes',
  ]) {
    errs.push(...nonNegative(spec[f], path.child(f)));
  }
  if (spec.maxFailedIndexes != null && spec.backoffLimitPerIndex == null) {
    errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  const mode = spec.completionMode;
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed')
      errs.push(notSupported(path.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (spec.completions == null) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(
          invalid(
            path.child('parallelism'),
            spec.parallelism,
            `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`,
          ),
        );
      }
    }
  }
  if (mode === undefined || mode === 'NonIndexed') {
    for (const f of ['backoffLimitPerIndex', 'maxFailedIndexes']) {
      if (spec[f] != null) errs.push(invalid(path.child(f), spec[f], 'requires indexed completion mode'));
    }
  }
  if (spec.podFailurePolicy != null) errs.push(...validatePodFailurePolicy(spec, path.child('podFailurePolicy')));
  errs.push(...validatePodReplacementPolicy(spec, path.child('podReplacementPolicy')));
  errs.push(...validatePodTemplateSpec(spec.template, path.child('template')));
  const rp = spec.template?.spec?.restartPolicy;
  const rpPath = path.child('template', 'spec', 'restartPolicy');
  // The pod defaults turn a missing restartPolicy into Always, so both mean "not set".
  if (rp === 'Always' || rp === '' || rp === undefined)
    errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy != null && rp !== 'Never') {
    errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** ValidatePodTemplateSpec: labels, annotations and the pod spec. */
function validatePodTemplateSpec(template: unknown, path: Path): ErrorList {
  if (!isRecord(template)) return [required(path, '')];
  const meta = isRecord(template.metadata) ? template.metadata : {};
  return [
    ...validateLabels(meta.labels, path.child('metadata', 'labels')),
    ...validateAnnotations(meta.annotations, path.child('metadata', 'annotations')),
    ...validatePodSpec(isRecord(template.spec) ? template.spec : {}, path.child('spec')),
  ];
}

function validatePodReplacementPolicy(spec: Record<string, any>, path: Path): ErrorList {
  const v = spec.podReplacementPolicy;
  if (v == null) return [];
  if (spec.podFailurePolicy != null) return v === 'Failed' ? [] : [notSupported(path, v, ['Failed'])];
  return REPLACEMENT_POLICIES.includes(v) ? [] : [notSupported(path, v, REPLACEMENT_POLICIES)];
}

function validatePodFailurePolicy(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const rules = Array.isArray(spec.podFailurePolicy?.rules) ? spec.podFailurePolicy.rules : [];
  const rulesPath = path.child('rules');
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES)
    errs.push(tooMany(rulesPath, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const names = new Set<string>();
  for (const c of [...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])]) {
    if (isRecord(c)) names.add(c.name);
  }
  rules.forEach((rule: Record<string, any>, i: number) => {
    errs.push(...validateRule(spec, rule ?? {}, rulesPath.index(i), names));
  });
  return errs;
}

function validateRule(spec: Record<string, any>, rule: Record<string, any>, path: Path, names: Set<string>): ErrorList {
  const errs: ErrorList = [];
  const actionPath = path.child('action');
  if (!rule.action) errs.push(required(actionPath, `valid values: ${JSON.stringify(ACTIONS).replaceAll(',', ' ')}`));
  else if (rule.action === 'FailIndex') {
    if (spec.backoffLimitPerIndex == null)
      errs.push(invalid(actionPath, rule.action, 'requires the backoffLimitPerIndex to be set'));
  } else if (!ACTIONS.includes(rule.action)) errs.push(notSupported(actionPath, rule.action, ACTIONS));
  const conds = Array.isArray(rule.onPodConditions) ? rule.onPodConditions : [];
  if (isRecord(rule.onExitCodes)) errs.push(...validateOnExitCodes(rule.onExitCodes, path.child('onExitCodes'), names));
  if (conds.length > 0) errs.push(...validateOnPodConditions(conds, path.child('onPodConditions')));
  const omit = { ...invalid(path, null, ''), value: undefined };
  if (isRecord(rule.onExitCodes) && conds.length > 0) {
    errs.push({ ...omit, detail: 'specifying both OnExitCodes and OnPodConditions is not supported' });
  }
  if (!isRecord(rule.onExitCodes) && conds.length === 0) {
    errs.push({ ...omit, detail: 'specifying one of OnExitCodes and OnPodConditions is required' });
  }
  return errs;
}

function validateOnPodConditions(conds: any[], path: Path): ErrorList {
  const errs: ErrorList = [];
  if (conds.length > MAX_ON_POD_CONDITIONS_PATTERNS)
    errs.push(tooMany(path, conds.length, MAX_ON_POD_CONDITIONS_PATTERNS));
  conds.forEach((p, j) => {
    const pp = path.index(j);
    for (const msg of isQualifiedName(String(p?.type ?? ''))) errs.push(invalid(pp.child('type'), p?.type ?? '', msg));
    if (!p?.status)
      errs.push(
        required(pp.child('status'), `valid values: ${JSON.stringify(CONDITION_STATUSES).replaceAll(',', ' ')}`),
      );
    else if (!CONDITION_STATUSES.includes(p.status))
      errs.push(notSupported(pp.child('status'), p.status, CONDITION_STATUSES));
  });
  return errs;
}

function validateOnExitCodes(req: Record<string, any>, path: Path, names: Set<string>): ErrorList {
  const errs: ErrorList = [];
  const opPath = path.child('operator');
  if (!req.operator) errs.push(required(opPath, `valid values: ${JSON.stringify(OPERATORS).replaceAll(',', ' ')}`));
  else if (!OPERATORS.includes(req.operator)) errs.push(notSupported(opPath, req.operator, OPERATORS));
  if (req.containerName != null && !names.has(req.containerName)) {
    errs.push(
      invalid(
        path.child('containerName'),
        req.containerName,
        'must be one of the container or initContainer names in the pod template',
      ),
    );
  }
  const values: number[] = Array.isArray(req.values) ? req.values : [];
  const vPath = path.child('values');
  if (values.length === 0) errs.push(invalid(vPath, values, 'at least one value is required'));
  else if (values.length > MAX_ON_EXIT_CODES_VALUES) errs.push(tooMany(vPath, values.length, MAX_ON_EXIT_CODES_VALUES));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((v, j) => {
    if (req.operator === 'In' && v === 0) errs.push(invalid(vPath.index(j), v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(duplicate(vPath.index(j), v));
    else seen.add(v);
    if (j > 0 && values[j - 1] > v) ordered = false;
  });
  if (!ordered) errs.push(invalid(vPath, values, 'must be ordered'));
  return errs;
}

/** ValidateJobSpecUpdate: what may not change once the Job exists. */
function validateJobSpecUpdate(spec: Record<string, any>, old: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  const immutable = (f: string) => {
    if (!jsonEqual(spec[f], old[f])) errs.push(invalid(path.child(f), spec[f] ?? null, 'field is immutable'));
  };
  // Elastic Indexed Jobs may scale completions together with parallelism.
  const elastic =
    spec.completionMode === 'Indexed' && old.completionMode === 'Indexed' && spec.completions === spec.parallelism;
  if (!elastic) immutable('completions');
  immutable('selector');
  immutable('template');
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy'])
    immutable(f);
  return errs;
}
