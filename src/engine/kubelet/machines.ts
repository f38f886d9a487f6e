/**
 * The machines under the nodes. A killed machine runs nothing: its kubelet stops
 * heartbeating and its containers are gone. This is outside Kubernetes (the API
 * server cannot see it), so it is shared state of the node agents, not an API object.
 */
import type { ClusterCore } from '../cluster';

export interface MachinesState {
  /** node name → sim ms when the machine went down */
  down: Record<string, number>;
  /** node name → how many times it has booted (bumps on restore) */
  boots: Record<string, number>;
}

const KEY = 'machines';

export function machines(core: ClusterCore): MachinesState {
  let s = core.state[KEY] as MachinesState | undefined;
  if (!s) {
    s = { down: {}, boots: {} };
    core.state[KEY] = s;
  }
  return s;
}

export function isMachineDown(core: ClusterCore, node: string): boolean {
  return machines(core).down[node] !== undefined;
}
