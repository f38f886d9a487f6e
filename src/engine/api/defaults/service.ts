/**
 * Service defaults: SetDefaults_Service (pkg/apis/core/v1/defaults.go) and the
 * strategy's normalizeClusterIPs (pkg/registry/core/service/strategy.go). The IP
 * family fields are set later, by the allocator, as the registry does.
 */
import type { KubeObject } from '../types';
import { isRecord } from '../validation/field';

export function defaultService(obj: KubeObject): void {
  if (!isRecord(obj.spec)) obj.spec = {};
  const spec = obj.spec as Record<string, any>;
  spec.sessionAffinity ??= 'None';
  spec.type ??= 'ClusterIP';
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isRecord(p)) continue;
      p.protocol ??= 'TCP';
      // An unset (or zero / empty) targetPort is the port itself.
      if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  normalizeClusterIPs(spec);
}

/** A clusterIP given alone becomes clusterIPs[0], and the other way round. */
function normalizeClusterIPs(spec: Record<string, any>): void {
  const ips: unknown[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (spec.clusterIP && ips.length === 0) spec.clusterIPs = [spec.clusterIP];
  else if (!spec.clusterIP && ips.length > 0) spec.clusterIP = ips[0];
}

/**
 * patchAllocatedValues (pkg/registry/core/service/storage/alloc.go): an update that
 * leaves out the allocated clusterIP or a nodePort keeps the old one, so
 * `kubectl apply` of the original manifest does not look like a change.
 */
export function prepareServiceForUpdate(obj: KubeObject, old: KubeObject): void {
  const spec = obj.spec as Record<string, any> | undefined;
  const oldSpec = old.spec as Record<string, any> | undefined;
  if (!isRecord(spec) || !isRecord(oldSpec)) return;
  dropTypeDependentFields(spec, oldSpec);
  // normalizeClusterIPs(old, new): a changed clusterIP with clusterIPs left as they were carries over.
  const oldIPs = JSON.stringify(oldSpec.clusterIPs ?? []);
  if (spec.clusterIP && spec.clusterIP !== oldSpec.clusterIP && JSON.stringify(spec.clusterIPs ?? []) === oldIPs) {
    spec.clusterIPs = [spec.clusterIP];
  }
  const needsClusterIP = spec.type !== 'ExternalName';
  if (needsClusterIP && !spec.clusterIP && oldSpec.clusterIP) {
    spec.clusterIP = oldSpec.clusterIP;
    spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (needsClusterIP) {
    spec.ipFamilies ??= oldSpec.ipFamilies;
    spec.ipFamilyPolicy ??= oldSpec.ipFamilyPolicy;
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const oldPorts: any[] = Array.isArray(oldSpec.ports) ? oldSpec.ports : [];
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
      if (!isRecord(p) || p.nodePort) continue;
      const match = oldPorts.find((o) => isRecord(o) && o.port === p.port && o.nodePort);
      if (match) p.nodePort = match.nodePort;
    }
  }
}

/**
 * dropTypeDependentFields (pkg/registry/core/service/storage/storage.go): a Service
 * that changes type loses the allocated values the new type has no use for, when the
 * client sent them back unchanged (as `kubectl apply` does).
 */
function dropTypeDependentFields(spec: Record<string, any>, old: Record<string, any>): void {
  if (spec.type === old.type) return;
  if (spec.type === 'ExternalName') {
    if (spec.clusterIP === old.clusterIP) delete spec.clusterIP;
    if (JSON.stringify(spec.clusterIPs) === JSON.stringify(old.clusterIPs)) delete spec.clusterIPs;
    if (JSON.stringify(spec.ipFamilies) === JSON.stringify(old.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
    if (spec.internalTrafficPolicy === old.internalTrafficPolicy) delete spec.internalTrafficPolicy;
  }
  const keepsNodePorts =
    spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (!keepsNodePorts) {
    const oldPorts: any[] = Array.isArray(old.ports) ? old.ports : [];
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
      if (isRecord(p) && p.nodePort && oldPorts.some((o) => isRecord(o) && o.nodePort === p.nodePort))
        delete p.nodePort;
    }
  }
  if (
    spec.type !== 'NodePort' &&
    spec.type !== 'LoadBalancer' &&
    spec.externalTrafficPolicy === old.externalTrafficPolicy
  ) {
    delete spec.externalTrafficPolicy;
  }
}
