/**
 * Defaulting, as the API server's SetDefaults_* functions do it (core/v1 defaults.go).
 * Runs on a copy before admission and validation.
 */
import type { Timings } from '../timings';
import type { Container, KubeObject, PodSpec, Probe } from './types';

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
      obj.spec = obj.spec ?? { finalizers: ['kubernetes'] };
      if (!obj.status) obj.status = { phase: 'Active' };
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
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
  if (Array.isArray(spec.containers)) for (const c of spec.containers) defaultContainer(c, ctx);
  if (Array.isArray(spec.initContainers)) for (const c of spec.initContainers) defaultContainer(c, ctx);
}

function defaultContainer(c: Container, ctx: DefaultsContext): void {
  if (!isRecord(c)) return;
  if (c.imagePullPolicy === undefined && typeof c.image === 'string') c.imagePullPolicy = pullPolicyFor(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (c.resources === undefined) c.resources = {};
  // Limits without requests: requests default to the limits (SetDefaults_Pod).
  const limits = c.resources.limits;
  if (isRecord(limits)) {
    c.resources.requests = { ...limits, ...(c.resources.requests ?? {}) };
  }
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isRecord(p)) p.protocol ??= 'TCP';
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

/** `:latest` or no tag pulls Always; any other tag or a digest pulls IfNotPresent. */
export function pullPolicyFor(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return 'Always';
  return lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
