/**
 * Event correlation, after client-go tools/record/events_cache.go. Three steps, in
 * upstream's order, for every event a component records:
 *
 * 1. EventAggregator: events that differ only in message (same source, object, type
 *    and reason) are counted per 10-minute window; from the 10th distinct message on,
 *    the event is rewritten as "(combined from similar events): <message>" and keyed
 *    by the aggregate key, so the combined ones collapse into one Event object.
 * 2. EventLogger: an event whose key was seen before becomes an update of that Event
 *    (same name and firstTimestamp, count + 1).
 * 3. EventSourceObjectSpamFilter: a token bucket per source + object (burst 25, one
 *    token per 5 minutes) drops writes beyond that. The count in step 2 still goes up,
 *    so the next write that gets through carries the true count, as upstream.
 *
 * Upstream keeps these in LRU caches of 4096 entries in memory; here they are plain
 * JSON (insertion order = recency) so a snapshot carries them and a restored cluster
 * correlates exactly as the original would.
 */

/** maxLruCacheEntries */
export const CACHE_SIZE = 4096;
/** defaultAggregateMaxEvents */
export const AGGREGATE_MAX_EVENTS = 10;
/** defaultAggregateIntervalInSeconds */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** defaultSpamBurst */
export const SPAM_BURST = 25;
/** defaultSpamQPS: 1/300 */
export const SPAM_QPS = 1 / 300;

export const COMBINED_PREFIX = '(combined from similar events): ';

export interface EventFields {
  namespace: string;
  source: { component: string; host?: string };
  involvedObject: {
    kind: string;
    namespace?: string;
    name: string;
    uid?: string;
    apiVersion?: string;
    fieldPath?: string;
  };
  type: string;
  reason: string;
  message: string;
}

export interface CorrelatorState {
  /** EventLogger: event key → the Event object it was written as */
  logs: Record<string, { name: string; count: number; firstTimestamp: string }>;
  /** EventAggregator: aggregate key → distinct messages (oldest first) and when the last came */
  aggregates: Record<string, { messages: string[]; last: number }>;
  /** spam filter: source + object → token bucket */
  spam: Record<string, { tokens: number; last: number }>;
  /** entry counts of the three caches (kept so the LRU cap costs nothing per event) */
  sizes: { logs: number; aggregates: number; spam: number };
}

type CacheName = 'logs' | 'aggregates' | 'spam';

export function newCorrelatorState(): CorrelatorState {
  return { logs: {}, aggregates: {}, spam: {}, sizes: { logs: 0, aggregates: 0, spam: 0 } };
}

export interface Correlated {
  /** the event as it should be written (message may be the combined form) */
  message: string;
  /** the key its observation is kept under */
  key: string;
  /** an earlier observation: write an update of that Event */
  previous?: { name: string; count: number; firstTimestamp: string };
  /** dropped by the spam filter: write nothing */
  skip: boolean;
}

function objectPart(e: EventFields): string[] {
  const o = e.involvedObject;
  return [e.source.component, e.source.host ?? '', o.kind, o.namespace ?? '', o.name, o.uid ?? '', o.apiVersion ?? ''];
}

/** getEventKey */
export function eventKey(e: EventFields): string {
  return [...objectPart(e), e.involvedObject.fieldPath ?? '', e.type, e.reason, e.message].join('\u0000');
}

/** EventAggregatorByReasonFunc: the aggregate key (everything but the message). */
export function aggregateKey(e: EventFields): string {
  return [...objectPart(e), e.type, e.reason].join('\u0000');
}

/** getSpamKey */
export function spamKey(e: EventFields): string {
  return objectPart(e).join('\u0000');
}

/** Map.get with LRU touch: re-inserting moves the key to the newest end. */
function touch<T>(cache: Record<string, T>, key: string): T | undefined {
  const v = cache[key];
  if (v === undefined) return undefined;
  delete cache[key];
  cache[key] = v;
  return v;
}

function put<K extends CacheName>(s: CorrelatorState, name: K, key: string, value: CorrelatorState[K][string]): void {
  const cache = s[name] as Record<string, unknown>;
  if (key in cache) delete cache[key];
  else s.sizes[name]++;
  cache[key] = value;
  if (s.sizes[name] <= CACHE_SIZE) return;
  // Full: the least recently used entry (the first in insertion order) goes.
  for (const k in cache) {
    delete cache[k];
    s.sizes[name]--;
    break;
  }
}

/** EventAggregator.EventAggregate: the message to write and the key to observe it under. */
function aggregate(s: CorrelatorState, e: EventFields, now: number): { message: string; key: string } {
  const aKey = aggregateKey(e);
  let record = touch(s.aggregates, aKey);
  if (!record || now - record.last > AGGREGATE_INTERVAL_MS) record = { messages: [], last: now };
  const messages = record.messages.includes(e.message) ? record.messages : [...record.messages, e.message];
  record = { messages, last: now };
  if (messages.length < AGGREGATE_MAX_EVENTS) {
    put(s, 'aggregates', aKey, record);
    return { message: e.message, key: eventKey(e) };
  }
  // Upstream pops an arbitrary message (PopAny); the oldest keeps replays deterministic.
  put(s, 'aggregates', aKey, { messages: messages.slice(1), last: now });
  return { message: COMBINED_PREFIX + e.message, key: aKey };
}

/** Token bucket TryAccept, refilled at SPAM_QPS up to SPAM_BURST (starts full). */
function spamAllows(s: CorrelatorState, e: EventFields, now: number): boolean {
  const key = spamKey(e);
  const b = touch(s.spam, key) ?? { tokens: SPAM_BURST, last: now };
  const tokens = Math.min(SPAM_BURST, b.tokens + ((now - b.last) / 1000) * SPAM_QPS);
  const ok = tokens >= 1;
  put(s, 'spam', key, { tokens: ok ? tokens - 1 : tokens, last: now });
  return ok;
}

/**
 * EventCorrelator.EventCorrelate. `timestamp` is the event's time as written
 * (second precision), kept as firstTimestamp of a new observation.
 */
export function correlate(s: CorrelatorState, e: EventFields, now: number, newName: () => string, timestamp: string) {
  const { message, key } = aggregate(s, e, now);
  const previous = touch(s.logs, key);
  const observation = previous
    ? { name: previous.name, count: previous.count + 1, firstTimestamp: previous.firstTimestamp }
    : { name: newName(), count: 1, firstTimestamp: timestamp };
  put(s, 'logs', key, observation);
  const skip = !spamAllows(s, e, now);
  return { message, key, previous, skip, observation } satisfies Correlated & { observation: unknown };
}
