import { send } from '../engineClient';
import { startApply } from '../state/consoleStore';

/** `kubectl apply -f -` with the editor's text. */
export function applyManifest(text: string): void {
  const id = send({ type: 'apply', text });
  startApply(id);
}
