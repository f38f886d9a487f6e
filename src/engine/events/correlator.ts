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
 * Upstream keeps these in LRU caches of 4096 entries in memory; so does this, on Maps,
 * and a snapshot carries them (toJSON/load) so a restored cluster correlates exactly
 * as the original would.
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

/** An LRU cache on a Map: iteration order is recency, oldest first. */
class Lru<V> {
  readonly map = new Map<string, V>();

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > CACHE_SIZE) this.map.delete(this.map.keys().next().value as string);
  }
}

export interface LogEntry {
  name: string;
  count: number;
  firstTimestamp: string;
}
export interface AggregateEntry {
  messages: string[];
  last: number;
}
export interface SpamEntry {
  tokens: number;
  last: number;
}

/** The caches as JSON: [key, value] pairs, least recently used first. */
export interface CorrelatorJson {
  logs: [string, LogEntry][];
  aggregates: [string, AggregateEntry][];
  spam: [string, SpamEntry][];
}

export interface Correlated {
  /** the event as it should be written (message may be the combined form) */
  message: string;
  /** the Event object it is written as: a new name with count 1, or an earlier one's name, count + 1 */
  observation: LogEntry;
  /** an earlier observation exists: write an update of that Event */
  isUpdate: boolean;
  /** dropped by the spam filter: write nothing */
  skip: boolean;
}

const SEP = '\u0000';

function objectPart(e: EventFields): string {
  const o = e.involvedObject;
  return `${e.source.component}${SEP}${e.source.host ?? ''}${SEP}${o.kind}${SEP}${o.namespace ?? ''}${SEP}${o.name}${SEP}${o.uid ?? ''}${SEP}${o.apiVersion ?? ''}`;
}

/** getEventKey */
export function eventKey(e: EventFields, object = objectPart(e)): string {
  return `${object}${SEP}${e.involvedObject.fieldPath ?? ''}${SEP}${e.type}${SEP}${e.reason}${SEP}${e.message}`;
}

/** EventAggregatorByReasonFunc: the aggregate key (everything but the message). */
export function aggregateKey(e: EventFields, object = objectPart(e)): string {
  return `${object}${SEP}${e.type}${SEP}${e.reason}`;
}

/** getSpamKey */
export function spamKey(e: EventFields): string {
  return objectPart(e);
}

export class Correlator {
  private logs = new Lru<LogEntry>();
  private aggregates = new Lru<AggregateEntry>();
  private spam = new Lru<SpamEntry>();

  /**
   * EventCorrelator.EventCorrelate. `timestamp` is the event's time as written
   * (second precision), kept as firstTimestamp of a new observation.
   */
  correlate(e: EventFields, now: number, newName: () => string, timestamp: string): Correlated {
    const object = objectPart(e);
    const { message, key } = this.aggregate(e, now, object);
    const previous = this.logs.get(key);
    const observation = previous
      ? { name: previous.name, count: previous.count + 1, firstTimestamp: previous.firstTimestamp }
      : { name: newName(), count: 1, firstTimestamp: timestamp };
    this.logs.set(key, observation);
    const skip = !this.spamAllows(object, now);
    return { message, observation, isUpdate: previous !== undefined, skip };
  }

  /** EventAggregator.EventAggregate: the message to write and the key to observe it under. */
  private aggregate(e: EventFields, now: number, object: string): { message: string; key: string } {
    const aKey = aggregateKey(e, object);
    let record = this.aggregates.get(aKey);
    if (!record || now - record.last > AGGREGATE_INTERVAL_MS) record = { messages: [], last: now };
    const messages = record.messages.includes(e.message) ? record.messages : [...record.messages, e.message];
    if (messages.length < AGGREGATE_MAX_EVENTS) {
      this.aggregates.set(aKey, { messages, last: now });
      return { message: e.message, key: eventKey(e, object) };
    }
    // Upstream pops an arbitrary message (PopAny); the oldest keeps replays deterministic.
    this.aggregates.set(aKey, { messages: messages.slice(1), last: now });
    return { message: COMBINED_PREFIX + e.message, key: aKey };
  }

  /** Token bucket TryAccept, refilled at SPAM_QPS up to SPAM_BURST (starts full). */
  private spamAllows(key: string, now: number): boolean {
    const b = this.spam.get(key) ?? { tokens: SPAM_BURST, last: now };
    const tokens = Math.min(SPAM_BURST, b.tokens + ((now - b.last) / 1000) * SPAM_QPS);
    const ok = tokens >= 1;
    this.spam.set(key, { tokens: ok ? tokens - 1 : tokens, last: now });
    return ok;
  }

  toJSON(): CorrelatorJson {
    const pairs = <V>(l: Lru<V>) => [...l.map.entries()].map(([k, v]) => [k, structuredClone(v)] as [string, V]);
    return { logs: pairs(this.logs), aggregates: pairs(this.aggregates), spam: pairs(this.spam) };
  }

  /** Loads toJSON() output; throws a plain Error naming the bad field. */
  load(data: CorrelatorJson, path: string): void {
    const fill = <V>(l: Lru<V>, list: unknown, name: string, check: (v: any) => boolean) => {
      if (!Array.isArray(list)) throw new Error(`${path}.${name} must be an array`);
      l.map.clear();
      for (const [i, pair] of list.entries()) {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !check(pair[1])) {
          throw new Error(`${path}.${name}[${i}] is not a [key, entry] pair`);
        }
        l.map.set(pair[0], structuredClone(pair[1]));
      }
    };
    const isNum = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
    fill(
      this.logs,
      data.logs,
      'logs',
      (v) => typeof v?.name === 'string' && isNum(v.count) && typeof v.firstTimestamp === 'string',
    );
    fill(this.aggregates, data.aggregates, 'aggregates', (v) => Array.isArray(v?.messages) && isNum(v.last));
    fill(this.spam, data.spam, 'spam', (v) => isNum(v?.tokens) && isNum(v.last));
  }
}
