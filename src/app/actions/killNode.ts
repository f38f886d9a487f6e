import { send } from '../engineClient';

/** Switch the machine under a node off: its kubelet stops and its pods die with it. */
export function killNode(node: string): void {
  send({ type: 'chaos', action: 'killNode', node });
}
