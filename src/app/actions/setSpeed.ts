import { send } from '../engineClient';

/** Simulated seconds per wall second (0.25–60). */
export function setSpeed(speed: number): void {
  send({ type: 'setSpeed', speed });
}
