/**
 * ReplicaSet and ReplicationController defaults: apps/v1 SetDefaults_ReplicaSet and
 * core/v1 SetDefaults_ReplicationController (pkg/apis/apps/v1 and pkg/apis/core/v1 defaults.go), plus the pod
 * template's SetDefaults_PodSpec that the generated defaulters apply.
 */
import type { DefaultsContext } from '../defaults';
import type { KubeObject, PodSpec } from '../types';
import { isRecord } from '../validation/field';

type PodSpecDefaulter = (s: PodSpec, c: DefaultsContext) => void;

/**
 * SetDefaults_PodSpec on a pod template (`spec.template.spec`). What only a Pod gets —
 * enableServiceLinks (SetDefaults_Pod), the service account (ServiceAccount
 * admission), priority and preemptionPolicy (Priority admission) — stays unset unless
 * the user set it, as a real workload's template shows.
 */
export function defaultPodTemplateSpec(
  template: unknown,
  ctx: DefaultsContext,
  defaultPodSpec: PodSpecDefaulter,
): void {
  if (!isRecord(template) || !isRecord(template.spec)) return;
  const spec = template.spec;
  const podOnly = ['enableServiceLinks', 'serviceAccountName', 'priority', 'preemptionPolicy'];
  const unset = podOnly.filter((k) => spec[k] === undefined);
  defaultPodSpec(spec as PodSpec, ctx);
  for (const k of unset) delete spec[k];
}

/** SetDefaults_ReplicaSet: one replica; apps/v1 leaves the selector and labels as given. */
export function defaultReplicaSet(obj: KubeObject, ctx: DefaultsContext, defaultPodSpec: PodSpecDefaulter): void {
  if (!isRecord(obj.spec)) return;
  obj.spec.replicas ??= 1;
  defaultPodTemplateSpec(obj.spec.template, ctx, defaultPodSpec);
}

/**
 * SetDefaults_ReplicationController: with template labels, an empty selector becomes
 * them and so do empty object labels; one replica.
 */
export function defaultReplicationController(
  obj: KubeObject,
  ctx: DefaultsContext,
  defaultPodSpec: PodSpecDefaulter,
): void {
  if (!isRecord(obj.spec)) return;
  const spec = obj.spec;
  const labels = isRecord(spec.template?.metadata?.labels) ? spec.template.metadata.labels : undefined;
  if (labels) {
    if (!isRecord(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    if (Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  defaultPodTemplateSpec(spec.template, ctx, defaultPodSpec);
}
