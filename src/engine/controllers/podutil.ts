/**
 * Small questions the workload controllers ask about a pod, after
 * pkg/api/v1/pod/util.go (podutil) and pkg/controller/controller_utils.go. Pure
 * functions of the pod (and the virtual time where one is needed).
 */
import type { Condition, Pod } from '../api/types';
import { fromTimestamp } from '../sim/clock';

/** The annotation whose integer value ranks pods for scale-down (PodDeletionCost, beta and on). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** Succeeded or Failed: the pod's containers will never run again. */
export function isPodTerminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** controller.IsPodActive: not terminal and not being deleted. Only these count as replicas. */
export function isPodActive(p: Pod): boolean {
  return !isPodTerminal(p) && !p.metadata.deletionTimestamp;
}

/** controller.IsPodTerminating: being deleted but not finished. */
export function isPodTerminating(p: Pod): boolean {
  return !isPodTerminal(p) && !!p.metadata.deletionTimestamp;
}

/** controller.FilterActivePods */
export function filterActivePods(pods: Pod[]): Pod[] {
  return pods.filter(isPodActive);
}

/** podutil.GetPodReadyCondition */
export function getPodReadyCondition(p: Pod): Condition | undefined {
  return p.status?.conditions?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(p: Pod): boolean {
  return getPodReadyCondition(p)?.status === 'True';
}

/**
 * Sim ms of the Ready condition's lastTransitionTime while the pod is ready, or
 * undefined (Go's zero time) when it is not ready or carries no time.
 */
export function podReadyTime(p: Pod): number | undefined {
  if (!isPodReady(p)) return undefined;
  return timeOf(getPodReadyCondition(p)?.lastTransitionTime);
}

/**
 * podutil.IsPodAvailable: ready, and — with minReadySeconds — ready since strictly
 * before now - minReadySeconds. A ready pod without a transition time is available
 * only when minReadySeconds is 0.
 */
export function isPodAvailable(p: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(p)) return false;
  if (!minReadySeconds) return true;
  const since = podReadyTime(p);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/**
 * How many ms until a ready pod turns available (the first instant the strict
 * comparison above holds), 0 when it already is; undefined when it never will
 * without another change (not ready, or no transition time).
 */
export function msUntilAvailable(p: Pod, minReadySeconds: number, nowMs: number): number | undefined {
  if (!isPodReady(p)) return undefined;
  if (isPodAvailable(p, minReadySeconds, nowMs)) return 0;
  const since = podReadyTime(p);
  if (since === undefined) return undefined;
  return since + minReadySeconds * 1000 + 1 - nowMs;
}

/** The highest restartCount among the regular containers, and among the restartable init containers (sidecars). */
export function maxContainerRestarts(p: Pod): { regular: number; sidecar: number } {
  let regular = 0;
  for (const c of p.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set(
    (p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  let sidecar = 0;
  for (const c of p.status?.initContainerStatuses ?? []) {
    if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  }
  return { regular, sidecar };
}

/**
 * helper.GetDeletionCostFromPodAnnotations: the pod-deletion-cost annotation as an
 * int32; missing or invalid counts as 0 (the controller ignores the parse error).
 */
export function podDeletionCost(p: Pod): number {
  const v = p.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v.trim());
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** Sim ms of an RFC 3339 timestamp; undefined for a missing one (Go's zero time). */
export function timeOf(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const ms = fromTimestamp(ts);
  return Number.isNaN(ms) ? undefined : ms;
}
