/**
 * Waiting inside a kubectl command. Real kubectl blocks on a watch while the cluster
 * moves on by itself; here the cluster only moves when someone advances its virtual
 * clock, so a waiting verb (rollout status, scale --timeout) advances it in small steps
 * and looks again after each one. Time spent waiting is simulated time: the cluster is
 * exactly where it would be had the learner waited that long.
 */
import type { Invocation } from './cmd';
import { KubectlError } from './errors';

/** One look per simulated second, as kubectl's pollers (scale's RetryParams interval) do. */
export const WAIT_STEP_MS = 1000;

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration, in milliseconds; the error is pflag's for a --flag value. */
export function parseGoDuration(flag: string, value: string): number {
  const bad = (why: string) =>
    new KubectlError(`error: invalid argument "${value}" for "--${flag}" flag: time: ${why} "${value}"`);
  if (value === '0') return 0;
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(value);
  if (!m) {
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) throw bad('missing unit in duration');
    throw bad('invalid duration');
  }
  let total = 0;
  for (const part of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * UNITS[part[2]];
  }
  return m[1] === '-' ? -total : total;
}

/** time.Duration.String for whole milliseconds: `10m0s`, `1h0m0s`, `1.5s`, `250ms`. */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/**
 * Advances the cluster a step at a time until `done()` holds or `limitMs` of simulated
 * time has passed; `done` is asked once before the first step (PollImmediate).
 * Returns whether it finished in time.
 */
export function waitVirtual(inv: Invocation, limitMs: number, done: () => boolean): boolean {
  if (done()) return true;
  const start = inv.cluster.now();
  while (inv.cluster.now() - start < limitMs) {
    const step = Math.min(WAIT_STEP_MS, limitMs - (inv.cluster.now() - start));
    inv.cluster.advance(step);
    if (done()) return true;
  }
  return false;
}
