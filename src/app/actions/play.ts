import { send } from '../engineClient';

/** Resume simulated time. */
export function play(): void {
  send({ type: 'play' });
}
