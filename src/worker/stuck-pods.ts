/**
 * Why a rollout is not moving, when one of its pods says so: kubectl rollout status
 * (kubectl pkg/polymorphichelpers/rollout_status.go, appendWarning) lists the pods of
 * the selector and reports the first that the scheduler could not place or whose
 * container waits in ImagePullBackOff, ErrImagePull, CrashLoopBackOff,
 * CreateContainerConfigError or CreateContainerError.
 */
import { fromLabelSelector, fromSet, matches, type Selector } from '../engine/api/labels';
import type { KubeObject, Pod } from '../engine/api/types';

const STUCK_REASONS = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'CreateContainerError',
]);

/** The workload's pod selector; a ReplicationController's is a plain label map. */
function selectorOf(obj: KubeObject): Selector | undefined {
  const s = obj.spec?.selector;
  if (!s) return undefined;
  return obj.kind === 'ReplicationController' ? fromSet(s) : fromLabelSelector(s);
}

/** A short note on the first stuck pod of the workload, or undefined when none is stuck. */
export function stuckPodNote(obj: KubeObject, pods: readonly Pod[]): string | undefined {
  const selector = selectorOf(obj);
  if (!selector) return undefined;
  const namespace = obj.metadata.namespace ?? 'default';
  for (const p of pods) {
    if ((p.metadata.namespace ?? 'default') !== namespace || !matches(selector, p.metadata.labels)) continue;
    const unschedulable = p.status?.conditions?.find(
      (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
    );
    if (unschedulable) return `a pod cannot be scheduled: ${unschedulable.message ?? 'Unschedulable'}`;
    for (const cs of p.status?.containerStatuses ?? []) {
      const reason = cs.state?.waiting?.reason;
      if (reason && STUCK_REASONS.has(reason)) return `a pod is stuck in ${reason}`;
    }
  }
  return undefined;
}
