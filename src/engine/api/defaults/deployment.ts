/**
 * apps/v1 Deployment defaults (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment,
 * plus the template's SetDefaults_PodSpec): one replica, RollingUpdate with 25% surge
 * and 25% unavailable, 10 old ReplicaSets kept, a 600-second progress deadline.
 */
import type { DefaultsContext } from '../defaults';
import type { KubeObject, PodSpec } from '../types';
import { isRecord } from '../validation/field';
import { defaultPodTemplateSpec } from './replicaset';

export function defaultDeployment(
  obj: KubeObject,
  ctx: DefaultsContext,
  defaultPodSpec: (s: PodSpec, c: DefaultsContext) => void,
): void {
  if (!isRecord(obj.spec)) return;
  const spec = obj.spec;
  spec.replicas ??= 1;
  if (!isRecord(spec.strategy)) spec.strategy = {};
  const strategy = spec.strategy;
  if (strategy.type === undefined || strategy.type === '') strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    if (!isRecord(strategy.rollingUpdate)) strategy.rollingUpdate = {};
    strategy.rollingUpdate.maxUnavailable ??= '25%';
    strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplateSpec(spec.template, ctx, defaultPodSpec);
}
