/**
 * batch/v1 Job defaults (pkg/apis/batch/v1/defaults.go SetDefaults_Job, plus the pod
 * template's SetDefaults_PodSpec) and the job strategy's PrepareForCreate
 * (pkg/registry/batch/job/strategy.go), which generates the selector from the uid.
 */

import type { DefaultsContext } from '../defaults';
import type { KubeObject, PodSpec } from '../types';
import { isRecord } from '../validation/field';

/** MaxInt32: backoffLimit when only backoffLimitPerIndex limits retries. */
const MAX_INT32 = 2147483647;

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';

/** SetDefaults_Job, then the template's pod defaults. */
export function defaultJob(
  obj: KubeObject,
  ctx: DefaultsContext,
  defaultPodSpec: (s: PodSpec, c: DefaultsContext) => void,
): void {
  if (!isRecord(obj.spec)) return;
  const spec = obj.spec;
  // A non-parallel Job may leave both unset: both become 1. A work-queue Job sets only parallelism.
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? MAX_INT32 : 6;
  const templateLabels = isRecord(spec.template?.metadata?.labels) ? spec.template.metadata.labels : undefined;
  if (templateLabels && Object.keys(obj.metadata.labels ?? {}).length === 0)
    obj.metadata.labels = { ...templateLabels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  // SetDefaults_PodFailurePolicyOnPodConditionsPattern
  for (const rule of Array.isArray(spec.podFailurePolicy?.rules) ? spec.podFailurePolicy.rules : []) {
    for (const p of Array.isArray(rule?.onPodConditions) ? rule.onPodConditions : []) {
      if (isRecord(p) && (p.status === undefined || p.status === '')) p.status = 'True';
    }
  }
  if (isRecord(spec.template) && isRecord(spec.template.spec))
    defaultTemplateSpec(spec.template.spec, ctx, defaultPodSpec);
}

/**
 * SetDefaults_PodSpec on a template. What only a Pod gets — enableServiceLinks
 * (SetDefaults_Pod), the service account (ServiceAccount admission), priority and
 * preemptionPolicy (Priority admission) — stays off unless the user set it.
 */
function defaultTemplateSpec(
  spec: Record<string, any>,
  ctx: DefaultsContext,
  defaultPodSpec: (s: PodSpec, c: DefaultsContext) => void,
): void {
  const podOnly = ['enableServiceLinks', 'serviceAccountName', 'priority', 'preemptionPolicy'];
  const unset = podOnly.filter((k) => spec[k] === undefined);
  defaultPodSpec(spec as PodSpec, ctx);
  for (const k of unset) delete spec[k];
}

/**
 * generateSelectorIfNeeded: unless manualSelector, the template gets the job-name and
 * controller-uid labels (old and batch.kubernetes.io/ names, leaving any the user set
 * for validation to judge) and the selector matches the controller-uid.
 */
export function generateJobSelector(obj: KubeObject): void {
  if (!isRecord(obj.spec) || obj.spec.manualSelector === true) return;
  const spec = obj.spec;
  if (!isRecord(spec.template)) return;
  spec.template.metadata = isRecord(spec.template.metadata) ? spec.template.metadata : {};
  const labels: Record<string, string> = isRecord(spec.template.metadata.labels) ? spec.template.metadata.labels : {};
  spec.template.metadata.labels = labels;
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(k in labels)) labels[k] = obj.metadata.name;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(k in labels)) labels[k] = obj.metadata.uid;
  spec.selector = isRecord(spec.selector) ? spec.selector : {};
  spec.selector.matchLabels = isRecord(spec.selector.matchLabels) ? spec.selector.matchLabels : {};
  if (!(CONTROLLER_UID_LABEL in spec.selector.matchLabels))
    spec.selector.matchLabels[CONTROLLER_UID_LABEL] = obj.metadata.uid;
  // The API server defaults every Job it reads back from storage, so a Job created
  // without labels comes back with the template's, the generated ones included.
  if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
}
