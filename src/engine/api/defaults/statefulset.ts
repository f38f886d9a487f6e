/**
 * apps/v1 StatefulSet defaults (pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet,
 * the template's SetDefaults_PodSpec and each volumeClaimTemplate's
 * SetDefaults_PersistentVolumeClaim). MaxUnavailableStatefulSet is an alpha gate, off,
 * so rollingUpdate gets only its partition.
 */
import type { DefaultsContext } from '../defaults';
import type { KubeObject, PodSpec } from '../types';
import { isRecord } from '../validation/field';
import { defaultPersistentVolumeClaim } from './persistentvolumeclaim';

export function defaultStatefulSet(
  obj: KubeObject,
  ctx: DefaultsContext,
  defaultPodSpec: (s: PodSpec, c: DefaultsContext) => void,
): void {
  if (!isRecord(obj.spec)) return;
  const spec = obj.spec;
  if (spec.podManagementPolicy === undefined || spec.podManagementPolicy === '')
    spec.podManagementPolicy = 'OrderedReady';
  if (!isRecord(spec.updateStrategy)) spec.updateStrategy = {};
  const us = spec.updateStrategy;
  if (us.type === undefined || us.type === '') {
    us.type = 'RollingUpdate';
    if (!isRecord(us.rollingUpdate)) us.rollingUpdate = {};
  }
  if (us.type === 'RollingUpdate' && isRecord(us.rollingUpdate)) us.rollingUpdate.partition ??= 0;
  if (!isRecord(spec.persistentVolumeClaimRetentionPolicy)) spec.persistentVolumeClaimRetentionPolicy = {};
  const policy = spec.persistentVolumeClaimRetentionPolicy;
  if (!policy.whenDeleted) policy.whenDeleted = 'Retain';
  if (!policy.whenScaled) policy.whenScaled = 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  if (isRecord(spec.template) && isRecord(spec.template.spec)) defaultPodSpec(spec.template.spec as PodSpec, ctx);
  if (Array.isArray(spec.volumeClaimTemplates)) {
    for (const t of spec.volumeClaimTemplates) if (isRecord(t)) defaultPersistentVolumeClaim(t as KubeObject);
  }
}
