import { useClusterStore } from '../state/clusterStore';
import { pause } from './pause';
import { play } from './play';

/** The play/pause button and the Space shortcut. */
export function togglePlay(): void {
  if (useClusterStore.getState().clock.running) pause();
  else play();
}
