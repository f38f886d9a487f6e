import { send } from '../engineClient';

/** Freeze simulated time (commands still work while paused). */
export function pause(): void {
  send({ type: 'pause' });
}
