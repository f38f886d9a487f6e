/**
 * What a controller gets to work with. Everything here is deterministic: time is the
 * virtual clock, randomness the seeded rng, and saved state plain JSON that a
 * snapshot carries.
 */
import type { Api } from '../api/api';
import type { Store } from '../api/store';
import type { EventRecorder } from '../events/recorder';
import type { MachinesState } from '../kubelet/machines';
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { Timings } from '../timings';

export interface ControllerContext {
  /** read access to every object (treat results as immutable) */
  store: Store;
  /** writes, with the API server's semantics (generation, graceful deletion, finalizers) */
  api: Api;
  clock: Clock;
  rng: Rng;
  events: EventRecorder;
  timings: Timings;
  /** Reconcile `key` of this controller again after `ms` simulated milliseconds. */
  after(ms: number, key: string): void;
  /** Put a key on another controller's queue (used for cross-node wakeups like a kubelet sync). */
  enqueue(controller: string, key: string): void;
  /**
   * This controller's persistent state: a plain JSON object that survives snapshots.
   * Keep every piece of internal state in here, never in closures or class fields.
   */
  state<T extends object>(init: () => T): T;
  /** The machines under the nodes (which are switched off): shared by the node agents. */
  machines(): MachinesState;
}
