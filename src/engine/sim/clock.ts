/**
 * Virtual time. The cluster starts at a fixed wall-clock instant so timestamps
 * look real and stay identical from run to run.
 */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

export class Clock {
  private ms = 0;

  /** Simulated milliseconds since the cluster was created. */
  now(): number {
    return this.ms;
  }

  set(ms: number): void {
    if (ms < this.ms) throw new Error(`clock cannot go back (${ms} < ${this.ms})`);
    this.ms = ms;
  }

  /** RFC 3339 timestamp (second precision, as the API server writes them) for a sim time. */
  timestamp(ms: number = this.ms): string {
    return toTimestamp(ms);
  }
}

let cachedSecond = Number.NaN;
let cachedStamp = '';

export function toTimestamp(ms: number): string {
  // Everything written at one simulated second shares a string; formatting a Date is the slow part.
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedStamp = new Date(EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
    cachedSecond = second;
  }
  return cachedStamp;
}

/** Sim ms for an RFC 3339 timestamp written by toTimestamp. */
export function fromTimestamp(ts: string): number {
  return Date.parse(ts) - EPOCH_MS;
}
