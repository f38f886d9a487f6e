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
  if (obj.kind === 'Pod' && ctx.operation === 'CREATE' && obj.spec && typeof obj.spec === 'object') {
    defaultTolerationSeconds(obj, ctx.timings.defaultTolerationSeconds);
  }
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/**
 * DefaultTolerationSeconds: a pod that does not already tolerate the not-ready /
 * unreachable NoExecute taints gets tolerations for them with tolerationSeconds 300.
 */
export function defaultTolerationSeconds(pod: KubeObject, seconds: number): void {
  const tolerations: Toleration[] = Array.isArray(pod.spec.tolerations) ? [...pod.spec.tolerations] : [];
  const tolerates = (key: string) =>
    tolerations.some(
      (t) =>
        (t.effect === 'NoExecute' || !t.effect) &&
        ((t.operator === 'Exists' && (!t.key || t.key === key)) || t.key === key),
    );
  const add: Toleration[] = [];
  for (const key of [NOT_READY, UNREACHABLE]) {
    if (!tolerates(key)) add.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  if (add.length > 0) pod.spec.tolerations = [...tolerations, ...add];
}
