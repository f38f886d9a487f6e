/**
 * apps/v1 DaemonSet defaults (pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet, plus
 * the template's SetDefaults_PodSpec) and the template generation the DaemonSet
 * strategy keeps (pkg/registry/apps/daemonset/strategy.go): apps/v1 has no
 * spec.templateGeneration, so it rides in the `deprecated.daemonset.template.generation`
 * annotation, 1 on create and one more on every template change.
 */
import type { DefaultsContext } from '../defaults';
import type { KubeObject, PodSpec } from '../types';
import { isRecord } from '../validation/field';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, 10 revisions kept. */
export function defaultDaemonSet(
  obj: KubeObject,
  ctx: DefaultsContext,
  defaultPodSpec: (s: PodSpec, c: DefaultsContext) => void,
): void {
  if (!isRecord(obj.spec)) return;
  const spec = obj.spec;
  if (!isRecord(spec.updateStrategy)) spec.updateStrategy = {};
  const us = spec.updateStrategy;
  if (us.type === undefined || us.type === '') us.type = 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    if (!isRecord(us.rollingUpdate)) us.rollingUpdate = {};
    us.rollingUpdate.maxUnavailable ??= 1;
    us.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  if (isRecord(spec.template) && isRecord(spec.template.spec)) defaultPodSpec(spec.template.spec as PodSpec, ctx);
}

/** daemonSetStrategy.PrepareForCreate: template generation 1, an empty status. */
export function prepareDaemonSetForCreate(obj: KubeObject): void {
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: '1' };
  obj.status = {};
}

/** daemonSetStrategy.PrepareForUpdate: a changed template bumps the template generation. */
export function prepareDaemonSetForUpdate(obj: KubeObject, old: KubeObject): void {
  const prev = Number(old.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '0') || 0;
  const changed = JSON.stringify(obj.spec?.template ?? null) !== JSON.stringify(old.spec?.template ?? null);
  const next = changed ? prev + 1 : prev;
  if (next === 0) return;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(next) };
}
