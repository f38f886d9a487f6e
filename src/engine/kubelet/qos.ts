/**
 * The pod's QoS class from its containers' requests and limits. Mirrors
 * pkg/apis/core/v1/helper/qos GetPodQOS: only cpu and memory count; Guaranteed needs
 * limits for both on every container and requests equal to limits.
 */
import { parseQuantity } from '../api/quantity';
import type { PodSpec } from '../api/types';

const SUPPORTED = ['cpu', 'memory'];

/** milli-units: exact enough to tell zero from non-zero and equal from unequal for pod resources */
function nano(v: string | number | undefined): bigint {
  if (v === undefined) return 0n;
  const q = parseQuantity(v);
  return q ? BigInt(q.milli) : 0n;
}

export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests: Record<string, bigint> = {};
  const limits: Record<string, bigint> = {};
  let guaranteed = true;
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    const found = new Set<string>();
    for (const [name, v] of Object.entries(c.resources?.requests ?? {})) {
      if (!SUPPORTED.includes(name)) continue;
      const n = nano(v);
      if (n !== 0n) requests[name] = (requests[name] ?? 0n) + n;
    }
    for (const [name, v] of Object.entries(c.resources?.limits ?? {})) {
      if (!SUPPORTED.includes(name)) continue;
      const n = nano(v);
      if (n !== 0n) {
        found.add(name);
        limits[name] = (limits[name] ?? 0n) + n;
      }
    }
    if (!SUPPORTED.every((r) => found.has(r))) guaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, n] of Object.entries(requests)) if (limits[name] !== n) guaranteed = false;
  }
  return guaranteed && Object.keys(requests).length === Object.keys(limits).length ? 'Guaranteed' : 'Burstable';
}
