/**
 * Taint and toleration helpers shared by the node-lifecycle and taint-eviction
 * controllers, after k8s.io/api/core/v1 toleration.go / taint.go and
 * pkg/util/taints. Pure functions over plain objects.
 */
import type { Condition, Node, Taint, Toleration } from '../api/types';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** Toleration.ToleratesTaint: effect and key must match (empty = any); Exists ignores the value. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/**
 * v1helper.GetMatchingTolerations: whether every taint is tolerated, and for each
 * taint the first toleration that tolerates it.
 */
export function matchingTolerations(taints: Taint[], tolerations: Toleration[]): [boolean, Toleration[]] {
  if (taints.length === 0) return [true, []];
  if (tolerations.length === 0) return [false, []];
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((tol) => toleratesTaint(tol, taint));
    if (!t) return [false, []];
    used.push(t);
  }
  return [true, used];
}

/** Taint.MatchTaint: the same key and effect (value and timeAdded do not matter). */
export function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function taintExists(taints: Taint[] | undefined, t: Taint): boolean {
  return (taints ?? []).some((x) => sameTaint(x, t));
}

/** taintutils.TaintSetDiff: what to add to `have` and what to take away to reach `want`. */
export function taintSetDiff(want: Taint[], have: Taint[]): { add: Taint[]; remove: Taint[] } {
  return {
    add: want.filter((t) => !taintExists(have, t)),
    remove: have.filter((t) => !taintExists(want, t)),
  };
}

export function noExecuteTaints(taints: Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * controller.AddOrUpdateTaintOnNode followed by RemoveTaintOffNode, as
 * SwapNodeControllerTaint does: added taints get timeAdded = now; a taint with the
 * same key and effect is replaced in place, others are appended. Returns undefined
 * when nothing would change.
 */
export function swapTaints(node: Node, add: Taint[], remove: Taint[], timestamp: string): Node | undefined {
  let taints = [...(node.spec?.taints ?? [])];
  let changed = false;
  for (const t of add) {
    const next: Taint = { key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect, timeAdded: timestamp };
    const i = taints.findIndex((x) => sameTaint(x, next));
    if (i >= 0) {
      if (taints[i].timeAdded === next.timeAdded && (taints[i].value ?? '') === (next.value ?? '')) continue;
      taints[i] = next;
    } else {
      taints.push(next);
    }
    changed = true;
  }
  const kept = taints.filter((x) => !remove.some((r) => sameTaint(r, x)));
  if (kept.length !== taints.length) changed = true;
  taints = kept;
  if (!changed) return undefined;
  const spec: Node['spec'] = { ...node.spec, taints };
  if (taints.length === 0) delete spec.taints;
  return { ...node, spec };
}

export function nodeCondition(node: Node, type: string): Condition | undefined {
  return (node.status?.conditions ?? []).find((c) => c.type === type);
}

/** nodetopology.GetZoneKey: region and zone labels joined, "" when a node has neither. */
export function zoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\u0000:${zone}`;
}
