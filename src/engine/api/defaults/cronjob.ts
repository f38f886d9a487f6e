/**
 * batch/v1 CronJob defaults (pkg/apis/batch/v1/defaults.go SetDefaults_CronJob), plus
 * the pod defaults of the template's pod spec. The Job's own defaults (completions,
 * backoffLimit…) are not applied here: they come when each Job is created.
 */
import type { DefaultsContext } from '../defaults';
import type { KubeObject, PodSpec } from '../types';
import { isRecord } from '../validation/field';

export function defaultCronJob(
  obj: KubeObject,
  ctx: DefaultsContext,
  defaultPodSpec: (s: PodSpec, c: DefaultsContext) => void,
): void {
  if (!isRecord(obj.spec)) return;
  const spec = obj.spec;
  if (spec.concurrencyPolicy == null || spec.concurrencyPolicy === '') spec.concurrencyPolicy = 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const podSpec = spec.jobTemplate?.spec?.template?.spec;
  if (isRecord(podSpec)) defaultPodSpec(podSpec as PodSpec, ctx);
}
