import { send } from '../engineClient';
import { clearConsole, startKubectl } from '../state/consoleStore';

/** Runs one kubectl line; "clear" empties the transcript like a terminal. */
export function runKubectl(input: string): void {
  const line = input.trim();
  if (line === '') return;
  if (line === 'clear') {
    clearConsole();
    return;
  }
  const id = send({ type: 'kubectl', line });
  startKubectl(id, line);
}
