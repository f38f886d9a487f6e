/**
 * The node-lifecycle controller's per-zone tainting queue, after
 * pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go: a unique timed queue
 * of node names drained through a token-bucket limiter (burst 1). Kept as plain JSON
 * so it rides in the controller's snapshotted state.
 */

export interface TimedValue {
  value: string;
  uid: string;
  addedAt: number;
  processAt: number;
}

export interface Limiter {
  /** 0 = the "never" limiter used to stop evictions */
  qps: number;
  tokens: number;
  /** sim ms of the last token update */
  last: number;
}

export interface RateLimitedQueue {
  queue: TimedValue[];
  /** values ever added and not Removed: a value tainted and taken off the queue stays here */
  set: string[];
  limiter: Limiter;
}

/** EvictionRateLimiterBurst */
const BURST = 1;

export function newRateLimitedQueue(qps: number, now: number): RateLimitedQueue {
  return { queue: [], set: [], limiter: newLimiter(qps, now) };
}

function newLimiter(qps: number, now: number): Limiter {
  return { qps: Math.max(qps, 0), tokens: BURST, last: now };
}

/** flowcontrol.RateLimiter.TryAccept on a token bucket (golang.org/x/time/rate AllowN). */
export function tryAccept(l: Limiter, now: number): boolean {
  if (l.qps <= 0) return false;
  const available = Math.min(BURST, l.tokens + ((now - l.last) / 1000) * l.qps);
  if (available < 1) return false;
  l.tokens = available - 1;
  l.last = now;
  return true;
}

/** When the next token will be there (for scheduling the next pass), or undefined if never. */
export function nextTokenAt(l: Limiter, now: number): number | undefined {
  if (l.qps <= 0) return undefined;
  const available = Math.min(BURST, l.tokens + ((now - l.last) / 1000) * l.qps);
  if (available >= 1) return now;
  return now + Math.ceil(((1 - available) / l.qps) * 1000);
}

/** RateLimitedTimedQueue.SwapLimiter: a new bucket, drained if the old one was exhausted. */
export function swapLimiter(q: RateLimitedQueue, qps: number, now: number): void {
  const next = Math.max(qps, 0);
  if (q.limiter.qps === next) return;
  const fresh = newLimiter(next, now);
  if (next > 0 && !tryAccept(q.limiter, now)) tryAccept(fresh, now);
  q.limiter = fresh;
}

/** UniqueQueue.Add: false if the value is already known. */
export function addValue(q: RateLimitedQueue, value: string, uid: string, now: number): boolean {
  if (q.set.includes(value)) return false;
  q.set.push(value);
  insert(q, { value, uid, addedAt: now, processAt: now });
  return true;
}

/** UniqueQueue.Remove: forgets the value entirely. */
export function removeValue(q: RateLimitedQueue, value: string): boolean {
  const i = q.set.indexOf(value);
  if (i < 0) return false;
  q.set.splice(i, 1);
  q.queue = q.queue.filter((v) => v.value !== value);
  return true;
}

function insert(q: RateLimitedQueue, v: TimedValue): void {
  // Ordered by processAt, ties in arrival order (the heap upstream has no tie order; this one is deterministic).
  let i = q.queue.length;
  while (i > 0 && q.queue[i - 1].processAt > v.processAt) i--;
  q.queue.splice(i, 0, v);
}

/**
 * RateLimitedTimedQueue.Try: takes values off the head while the limiter allows and
 * they are due. `fn` returns [done, retryAfterMs]; a value that is done leaves the
 * queue but stays in the set (so it is not queued again until Removed).
 */
export function tryQueue(q: RateLimitedQueue, now: number, fn: (v: TimedValue) => [boolean, number]): void {
  while (q.queue.length > 0) {
    const head = q.queue[0];
    if (!tryAccept(q.limiter, now)) break;
    if (now < head.processAt) break;
    const [done, wait] = fn(head);
    q.queue.shift();
    if (!done) insert(q, { ...head, processAt: now + wait + 1 });
  }
}

/** The next instant worth another Try, or undefined if the queue is empty or stopped. */
export function nextTryAt(q: RateLimitedQueue, now: number): number | undefined {
  if (q.queue.length === 0) return undefined;
  const token = nextTokenAt(q.limiter, now);
  if (token === undefined) return undefined;
  return Math.max(token, q.queue[0].processAt);
}
