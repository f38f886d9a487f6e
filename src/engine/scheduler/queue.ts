/**
 * The scheduling queue (pkg/scheduler/backend/queue), as plain JSON so a snapshot
 * carries it: activeQ is a heap ordered by priority (higher first) then arrival
 * (PrioritySort); a pod that failed waits in unschedulablePods until a cluster event
 * that could help moves it, or until the retry period runs out; a pod moved before
 * its backoff (1s doubling to 10s per attempt) ran out waits in backoffQ first.
 */

export type QueueName = 'active' | 'backoff' | 'unschedulable';

export interface QueuedPod {
  uid: string;
  /** arrival order, the tie-break after priority */
  seq: number;
  priority: number;
  /** metadata.generation when last seen: a spec change may make the pod schedulable */
  generation?: number;
  queue: QueueName;
  /** scheduling attempts so far */
  attempts: number;
  /** sim ms of the last attempt */
  lastAttemptAt?: number;
  /** when a waiting pod goes back to activeQ on its own */
  retryAt?: number;
  /** the plugins that rejected it last time (UnschedulablePlugins) */
  plugins?: string[];
}

type HeapEntry = [priority: number, seq: number, key: string];

export interface QueueState {
  seq: number;
  /** activeQ: a binary heap */
  active: HeapEntry[];
  /** every pod the scheduler is responsible for, by namespace/name */
  pods: Record<string, QueuedPod>;
}

export function newQueueState(): QueueState {
  return { seq: 0, active: [], pods: {} };
}

/** PrioritySort.Less: higher priority first, then whoever arrived first. */
function before(a: HeapEntry, b: HeapEntry): boolean {
  return a[0] !== b[0] ? a[0] > b[0] : a[1] < b[1];
}

function heapPush(heap: HeapEntry[], e: HeapEntry): void {
  heap.push(e);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function heapPop(heap: HeapEntry[]): HeapEntry | undefined {
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop() as HeapEntry;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l], heap[m])) m = l;
      if (r < heap.length && before(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

/** A pod the scheduler has not seen before goes straight to activeQ. */
export function enqueueNew(q: QueueState, key: string, uid: string, priority: number, generation?: number): void {
  const seq = ++q.seq;
  q.pods[key] = { uid, seq, priority, generation, queue: 'active', attempts: 0 };
  heapPush(q.active, [priority, seq, key]);
}

export function forget(q: QueueState, key: string): void {
  delete q.pods[key];
}

/** The next pod to schedule, or undefined when activeQ is empty. */
export function popActive(q: QueueState): string | undefined {
  for (;;) {
    const e = heapPop(q.active);
    if (!e) return undefined;
    const p = q.pods[e[2]];
    // Entries of pods that left the queue are dropped lazily.
    if (p && p.queue === 'active' && p.seq === e[1]) return e[2];
  }
}

/** calculateBackoffDuration: initial × 2^(attempts−1), capped at max. */
export function backoffDuration(attempts: number, initialMs: number, maxMs: number): number {
  let d = initialMs;
  for (let i = 1; i < attempts; i++) {
    d *= 2;
    if (d > maxMs) return maxMs;
  }
  return d;
}

/** After a failed attempt: park the pod in unschedulablePods until an event or `retryMs` passes. */
export function markUnschedulable(q: QueueState, key: string, now: number, plugins: string[], retryMs: number): void {
  const p = q.pods[key];
  if (!p) return;
  p.queue = 'unschedulable';
  p.lastAttemptAt = now;
  p.plugins = plugins;
  p.retryAt = now + retryMs;
}

/**
 * Moves a waiting pod towards activeQ (MoveAllToActiveOrBackoffQueue for one pod):
 * straight in when its backoff is over, else into backoffQ until it is.
 * Returns true when the pod is now in activeQ.
 */
export function moveToActiveOrBackoff(
  q: QueueState,
  key: string,
  now: number,
  initialBackoffMs: number,
  maxBackoffMs: number,
): boolean {
  const p = q.pods[key];
  if (!p || p.queue === 'active') return false;
  const backoffUntil = (p.lastAttemptAt ?? now) + backoffDuration(p.attempts, initialBackoffMs, maxBackoffMs);
  if (p.attempts > 0 && backoffUntil > now) {
    p.queue = 'backoff';
    p.retryAt = backoffUntil;
    return false;
  }
  p.queue = 'active';
  delete p.retryAt;
  heapPush(q.active, [p.priority, p.seq, key]);
  return true;
}

/** Waiting pods whose retry time has come, in arrival order. */
export function duePods(q: QueueState, now: number): string[] {
  return Object.keys(q.pods)
    .filter((k) => q.pods[k].queue !== 'active' && (q.pods[k].retryAt ?? Number.POSITIVE_INFINITY) <= now)
    .sort((a, b) => q.pods[a].seq - q.pods[b].seq);
}

/** The earliest time a waiting pod is due, if any. */
export function nextRetryAt(q: QueueState): number | undefined {
  let next: number | undefined;
  for (const p of Object.values(q.pods)) {
    if (p.queue === 'active' || p.retryAt === undefined) continue;
    if (next === undefined || p.retryAt < next) next = p.retryAt;
  }
  return next;
}

/** Waiting pods (backoffQ and unschedulablePods) in arrival order. */
export function waitingPods(q: QueueState): string[] {
  return Object.keys(q.pods)
    .filter((k) => q.pods[k].queue !== 'active')
    .sort((a, b) => q.pods[a].seq - q.pods[b].seq);
}
