/**
 * Turns wall-clock time into simulated time. The worker ticks every ~33 ms; each tick
 * advances the engine by (wall ms since the last tick) × speed. The engine takes whole
 * milliseconds, so the fraction is carried to the next tick: at 0.25× with 33 ms ticks
 * the simulation still keeps exact pace with the wall clock.
 */

/** Wall interval between ticks, ≈ 30 per second. */
export const TICK_MS = 33;

/**
 * The most wall time one tick may account for. Background tabs throttle timers to
 * about once a second, which still keeps pace; a laptop waking from sleep must not
 * fast-forward the cluster by hours.
 */
export const MAX_WALL_STEP_MS = 1000;

export class Pacer {
  private carry = 0;

  /** Simulated whole ms to advance for `wallElapsedMs` of wall time at `speed`. */
  simMsFor(wallElapsedMs: number, speed: number): number {
    const wall = Math.min(Math.max(0, wallElapsedMs), MAX_WALL_STEP_MS);
    const exact = wall * speed + this.carry;
    const whole = Math.floor(exact);
    this.carry = exact - whole;
    return whole;
  }

  /** Forget the fraction (on pause, speed change or reset). */
  reset(): void {
    this.carry = 0;
  }
}

/** Lets at most one post through per interval, so the UI gets ≤ ~30 updates a second. */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;

  /** 30 ms rather than the tick's 33: a tick that fires a little early must not skip a frame. */
  constructor(private readonly intervalMs: number = 30) {}

  /** ms to wait before the next post is allowed (0 = now). */
  wait(wallNow: number): number {
    return Math.max(0, this.last + this.intervalMs - wallNow);
  }

  mark(wallNow: number): void {
    this.last = wallNow;
  }
}
