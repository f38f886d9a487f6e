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
 * Upstream keeps these in LRU caches of 4096 entries in memory; so does this (see Lru),
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

/**
 * A recency cache in two generations: entries live in `cur`; when it holds CACHE_SIZE
 * the whole generation becomes `old` and the previous `old` is dropped; an entry read
 * from `old` moves back to `cur`. So an entry is forgotten after between 4096 and 8192
 * newer keys — upstream's exact LRU of 4096 is an internal detail, and this costs O(1)
 * per event where evicting a Map's oldest entry one by one does not.
 */
class Lru<V> {
  cur = new Map<string, V>();
  old = new Map<string, V>();

  get(key: string): V | undefined {
    const v = this.cur.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    if (!this.cur.has(key) && this.cur.size >= CACHE_SIZE) {
      this.old = this.cur;
      this.cur = new Map();
    }
    this.cur.set(key, value);
  }

  toJSON(): LruJson<V> {
    const pairs = (m: Map<string, V>) => [...m.entries()].map(([k, v]) => [k, structuredClone(v)] as [string, V]);
    return { old: pairs(this.old), cur: pairs(this.cur) };
  }

  load(data: LruJson<V>, path: string, check: (v: unknown) => boolean): void {
    const fill = (list: unknown, which: string): Map<string, V> => {
      if (!Array.isArray(list)) throw new Error(`${path}.${which} must be an array`);
      const m = new Map<string, V>();
      for (const [i, pair] of list.entries()) {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !check(pair[1])) {
          throw new Error(`${path}.${which}[${i}] is not a [key, entry] pair`);
        }
        m.set(pair[0], structuredClone(pair[1]) as V);
      }
      return m;
    };
    if (typeof data !== 'object' || data === null) throw new Error(`${path} must be an object`);
    const old = fill(data.old, 'old');
    this.cur = fill(data.cur, 'cur');
    this.old = old;
  }
}

export interface LruJson<V> {
  old: [string, V][];
  cur: [string, V][];
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

/** The caches as JSON: both generations as [key, value] pairs in insertion order. */
export interface CorrelatorJson {
  logs: LruJson<LogEntry>;
  aggregates: LruJson<AggregateEntry>;
  spam: LruJson<SpamEntry>;
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
    return { logs: this.logs.toJSON(), aggregates: this.aggregates.toJSON(), spam: this.spam.toJSON() };
  }

  /** Loads toJSON() output; throws a plain Error naming the bad field. */
  load(data: CorrelatorJson, path: string): void {
    const isNum = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
    const logs = new Lru<LogEntry>();
    const aggregates = new Lru<AggregateEntry>();
    const spam = new Lru<SpamEntry>();
    logs.load(data.logs, `${path}.logs`, (v: any) => typeof v?.name === 'string' && isNum(v.count));
    aggregates.load(data.aggregates, `${path}.aggregates`, (v: any) => Array.isArray(v?.messages) && isNum(v.last));
    spam.load(data.spam, `${path}.spam`, (v: any) => isNum(v?.tokens) && isNum(v.last));
    this.logs = logs;
    this.aggregates = aggregates;
    this.spam = spam;
  }
}
