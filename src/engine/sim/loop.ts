/**
 * The simulation loop: advance(ms) runs simulated time forward. It first lets the
 * controllers finish what the last call started, then, timer by timer in time order,
 * moves the clock to the timer's instant, hands every timer due then to its
 * controller's queue and lets the controllers settle again. The clock never passes a
 * timer it has not fired, and ends exactly at now + ms.
 */
import type { Clock } from './clock';
import type { Timer, TimerQueue } from './timers';

export interface LoopParts {
  clock: Clock;
  timers: TimerQueue;
  /** a due timer: put its key on its controller's queue */
  fire(timer: Timer): void;
  /** run every queued reconcile until no controller has work (hot loops are cut off there) */
  settle(): void;
}

export function advance(loop: LoopParts, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: ${ms} is not a duration`);
  const { clock, timers } = loop;
  const until = clock.now() + Math.floor(ms);
  loop.settle();
  for (let next = timers.peek(); next && next.at <= until; next = timers.peek()) {
    // A timer set in the past (or for now) fires now: time never goes back.
    clock.set(Math.max(next.at, clock.now()));
    for (let t = timers.peek(); t && t.at <= clock.now(); t = timers.peek()) {
      timers.pop();
      loop.fire(t);
    }
    loop.settle();
  }
  clock.set(until);
  loop.settle();
}
