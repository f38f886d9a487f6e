import { send } from '../engineClient';

/** Switch a killed machine back on. */
export function restoreNode(node: string): void {
  send({ type: 'chaos', action: 'restoreNode', node });
}
