/**
 * Defaulting, as the API server's SetDefaults_* functions do it (core/v1 defaults.go).
 * Runs on a copy before admission and validation.
 */
import { qosClass } from '../kubelet/qos';
import type { Timings } from '../timings';
import { defaultConfigMap, defaultSecret } from './defaults/config';
import { defaultCronJob } from './defaults/cronjob';
import { defaultDaemonSet, prepareDaemonSetForCreate, prepareDaemonSetForUpdate } from './defaults/daemonset';
import { defaultDeployment } from './defaults/deployment';
import { defaultJob, generateJobSelector } from './defaults/job';
import { defaultPersistentVolumeClaim } from './defaults/persistentvolumeclaim';
import { defaultReplicaSet, defaultReplicationController } from './defaults/replicaset';
import { defaultService, prepareServiceForUpdate } from './defaults/service';
import { defaultStatefulSet } from './defaults/statefulset';
import type { Container, KubeObject, PodSpec, Probe } from './types';
import { isRecord } from './validation/field';

export interface DefaultsContext {
  timings: Timings;
}

export function applyDefaults(obj: KubeObject, ctx: DefaultsContext): void {
  switch (obj.kind) {
    case 'Pod':
      if (isRecord(obj.spec)) defaultPodSpec(obj.spec as PodSpec, ctx);
      if (!obj.status) obj.status = { phase: 'Pending' };
      break;
    case 'Namespace':
      // namespaceStrategy.PrepareForCreate: the kubernetes finalizer is always there.
      obj.spec = isRecord(obj.spec) ? obj.spec : {};
      if (!Array.isArray(obj.spec.finalizers)) obj.spec.finalizers = ['kubernetes'];
      else if (!obj.spec.finalizers.includes('kubernetes'))
        obj.spec.finalizers = [...obj.spec.finalizers, 'kubernetes'];
      if (!obj.status) obj.status = { phase: 'Active' };
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
      break;
    case 'Job':
      defaultJob(obj, ctx, defaultPodSpec);
      break;
    case 'DaemonSet':
      defaultDaemonSet(obj, ctx, defaultPodSpec);
      break;
    case 'StatefulSet':
      defaultStatefulSet(obj, ctx, defaultPodSpec);
      break;
    case 'PersistentVolumeClaim':
      defaultPersistentVolumeClaim(obj);
      break;
    case 'CronJob':
      defaultCronJob(obj, ctx, defaultPodSpec);
      break;
    case 'ReplicaSet':
      defaultReplicaSet(obj, ctx, defaultPodSpec);
      break;
    case 'Deployment':
      defaultDeployment(obj, ctx, defaultPodSpec);
      break;
    case 'ReplicationController':
      defaultReplicationController(obj, ctx, defaultPodSpec);
      break;
    case 'Service':
      defaultService(obj);
      break;
    case 'Secret':
      defaultSecret(obj);
      break;
    case 'ConfigMap':
      defaultConfigMap(obj);
      break;
  }
}

/** SetDefaults_PodSpec and friends: the fields every real pod comes back with. */
export function defaultPodSpec(spec: PodSpec, ctx: DefaultsContext): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= ctx.timings.terminationGracePeriodSeconds;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.serviceAccountName ??= 'default';
  if (Array.isArray(spec.volumes)) for (const v of spec.volumes) if (isRecord(v)) defaultVolume(v);
  if (Array.isArray(spec.containers)) for (const c of spec.containers) defaultContainer(c, ctx);
  if (Array.isArray(spec.initContainers)) for (const c of spec.initContainers) defaultContainer(c, ctx);
}

function defaultContainer(c: Container, ctx: DefaultsContext): void {
  if (!isRecord(c)) return;
  if (c.imagePullPolicy === undefined) c.imagePullPolicy = pullPolicyFor(typeof c.image === 'string' ? c.image : '');
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (c.resources === undefined) c.resources = {};
  // Limits without requests: requests default to the limits (SetDefaults_Pod).
  const limits = c.resources.limits;
  if (isRecord(limits)) {
    c.resources.requests = { ...limits, ...(c.resources.requests ?? {}) };
  }
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isRecord(p)) p.protocol ??= 'TCP';
  // SetDefaults_ObjectFieldSelector: a downward-API fieldRef reads v1 fields.
  if (Array.isArray(c.env)) {
    for (const e of c.env as any[]) if (isRecord(e?.valueFrom?.fieldRef)) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (isRecord(probe)) defaultProbe(probe as Probe, ctx);
  }
}

function defaultProbe(p: Probe, ctx: DefaultsContext): void {
  p.timeoutSeconds ??= ctx.timings.probeTimeoutSeconds;
  p.periodSeconds ??= ctx.timings.probePeriodSeconds;
  p.successThreshold ??= ctx.timings.probeSuccessThreshold;
  p.failureThreshold ??= ctx.timings.probeFailureThreshold;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
}

/**
 * SetDefaults_Volume and friends: a volume with no source is an emptyDir; projected
 * files get mode 0644 (420), hostPath an empty type.
 */
function defaultVolume(v: Record<string, any>): void {
  if (Object.keys(v).every((k) => k === 'name')) v.emptyDir = {};
  if (isRecord(v.configMap)) v.configMap.defaultMode ??= 420;
  if (isRecord(v.secret)) v.secret.defaultMode ??= 420;
  if (isRecord(v.downwardAPI)) v.downwardAPI.defaultMode ??= 420;
  if (isRecord(v.projected)) v.projected.defaultMode ??= 420;
  if (isRecord(v.hostPath)) v.hostPath.type ??= '';
}

/**
 * The strategies' PrepareForCreate that must run before validation, once the uid is
 * set: a Job's generated selector.
 */
export function prepareForCreateBeforeValidation(obj: KubeObject): void {
  if (obj.kind !== 'Job') return;
  generateJobSelector(obj);
  // jobStrategy.PrepareForCreate: a new Job starts with an empty status.
  obj.status = {};
}

/**
 * The strategies' PrepareForCreate, after validation: a new pod is Pending with its QoS
 * class worked out by the server (podStrategy), a new namespace is Active.
 */
export function prepareForCreate(obj: KubeObject): void {
  if (obj.kind === 'Pod' && isRecord(obj.spec)) {
    obj.status = { phase: 'Pending', ...(isRecord(obj.status) ? obj.status : {}) };
    obj.status.qosClass = qosClass(obj.spec as PodSpec);
  }
  if (obj.kind === 'Namespace') obj.status = { phase: 'Active', ...(isRecord(obj.status) ? obj.status : {}) };
  if (obj.kind === 'DaemonSet') prepareDaemonSetForCreate(obj);
  // statefulSetStrategy.PrepareForCreate: a new StatefulSet starts with an empty status.
  if (obj.kind === 'StatefulSet') obj.status = {};
}

/** The strategies' PrepareForUpdate that need the old object: a DaemonSet's template generation. */
export function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  if (obj.kind === 'DaemonSet') prepareDaemonSetForUpdate(obj, old);
  if (obj.kind === 'Service') prepareServiceForUpdate(obj, old);
}

/**
 * SetDefaults_Container: `:latest` (which is what no tag means) pulls Always; any other
 * tag, a digest, or an image that does not parse (empty) pulls IfNotPresent.
 */
export function pullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  if (image.trim() === '' || image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}
