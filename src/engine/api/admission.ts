/**
 * Admission plugins that run on every create/update after defaulting.
 */
import type { Timings } from '../timings';
import type { Store } from './store';
import type { KubeObject, Toleration } from './types';

export interface AdmissionContext {
  store: Store;
  timings: Timings;
  operation: 'CREATE' | 'UPDATE';
  old?: KubeObject;
}

export function admit(obj: KubeObject, ctx: AdmissionContext): void {
  // DefaultTolerationSeconds is registered for Create and Update (admission.NewHandler(Create, Update)),
  // so an update that drops the defaults (kubectl apply of the original manifest) gets them back.
  if (obj.kind === 'Pod' && obj.spec && typeof obj.spec === 'object') {
    defaultTolerationSeconds(obj, ctx.timings.defaultTolerationSeconds);
  }
}

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

/**
 * plugin/pkg/admission/defaulttolerationseconds: a pod that has no toleration for the
 * not-ready / unreachable NoExecute taints gets `{key, operator: Exists, effect:
 * NoExecute, tolerationSeconds: 300}` for each missing one. A toleration counts when
 * its key is that taint's or empty and its effect is NoExecute or empty — the
 * operator is not looked at, exactly as upstream.
 */
export function defaultTolerationSeconds(pod: KubeObject, seconds: number): void {
  // A malformed list is left for validation to report.
  if (pod.spec.tolerations !== undefined && pod.spec.tolerations !== null && !Array.isArray(pod.spec.tolerations))
    return;
  const tolerations: Toleration[] = pod.spec.tolerations ?? [];
  const tolerates = (key: string) =>
    tolerations.some(
      (t) =>
        t !== null && typeof t === 'object' && (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect),
    );
  const add: Toleration[] = [];
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    if (!tolerates(key)) add.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  if (add.length > 0) pod.spec.tolerations = [...tolerations, ...add];
}
