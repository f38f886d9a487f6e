import { send } from '../engineClient';

/** Run simulated time forward by a fixed amount at once. */
export function step(ms: number): void {
  send({ type: 'step', ms });
}
