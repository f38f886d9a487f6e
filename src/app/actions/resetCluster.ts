import type { ResetOptions } from '../../protocol/messages';
import { send } from '../engineClient';
import { setEngineError } from '../state/clusterStore';

/** Throw the cluster away and start a fresh one. */
export function resetCluster(options: ResetOptions = {}): void {
  setEngineError(null);
  send({ type: 'reset', options });
}
