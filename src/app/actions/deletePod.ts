import { send } from '../engineClient';

/** Delete a pod as `kubectl delete pod` would (graceful; a controller may replace it). */
export function deletePod(namespace: string, name: string): void {
  send({ type: 'chaos', action: 'killPod', namespace, name });
}
