/**
 * The UI's mirror of the engine: what the worker last reported (cluster view and
 * clock) and the state of the worker connection. Only the worker client writes here.
 */
import { create } from 'zustand';
import type { ClockState, ClusterView } from '../../protocol/messages';
import { EMPTY_MIRROR, foldView, type Mirror } from './mirror';

export type Connection = 'starting' | 'ready' | 'restarting';

export interface ClusterState extends Mirror {
  clock: ClockState;
  connection: Connection;
  /** shown as a banner until the worker is back */
  workerProblem: string | null;
  /** engine errors that answer no particular command (a failing tick) */
  engineError: string | null;
}

export const useClusterStore = create<ClusterState>(() => ({
  ...EMPTY_MIRROR,
  clock: { now: 0, running: true, speed: 1 },
  connection: 'starting',
  workerProblem: null,
  engineError: null,
}));

export function receiveView(view: ClusterView): void {
  useClusterStore.setState((s) => ({ ...foldView(s, view), connection: 'ready', workerProblem: null }));
}

export function receiveClock(clock: ClockState): void {
  useClusterStore.setState({ clock });
}

export function setConnection(connection: Connection, workerProblem: string | null = null): void {
  useClusterStore.setState({ connection, workerProblem });
}

export function setEngineError(message: string | null): void {
  useClusterStore.setState({ engineError: message });
}
