/**
 * The event recorder, like client-go's: an event with the same source, object,
 * type, reason and message as an earlier one bumps that event's count and
 * lastTimestamp instead of creating a new object.
 */
import type { Store } from '../api/store';
import type { KubeEvent, KubeObject } from '../api/types';
import type { Clock } from '../sim/clock';
import { fromTimestamp } from '../sim/clock';

export interface EventSource {
  component: string;
  host?: string;
}

export interface RecordOptions {
  /** e.g. spec.containers{nginx} */
  fieldPath?: string;
}

export class EventRecorder {
  private seq = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  normal(source: EventSource, obj: KubeObject, reason: string, message: string, opts?: RecordOptions): void {
    this.record(source, obj, 'Normal', reason, message, opts);
  }

  warning(source: EventSource, obj: KubeObject, reason: string, message: string, opts?: RecordOptions): void {
    this.record(source, obj, 'Warning', reason, message, opts);
  }

  record(
    source: EventSource,
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    opts: RecordOptions = {},
  ): void {
    const namespace = obj.metadata.namespace ?? 'default';
    const now = this.clock.timestamp();
    const existing = this.findDuplicate(namespace, source, obj, type, reason, message, opts.fieldPath);
    if (existing) {
      this.store.update({ ...existing, count: existing.count + 1, lastTimestamp: now });
      return;
    }
    this.expireOld();
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${obj.metadata.name}.${this.eventSuffix()}`,
        namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        ...(opts.fieldPath ? { fieldPath: opts.fieldPath } : {}),
      },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { ...source },
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (!event.involvedObject.namespace) delete event.involvedObject.namespace;
    this.store.create(event);
  }

  getSeq(): number {
    return this.seq;
  }

  setSeq(seq: number): void {
    this.seq = seq;
  }

  private findDuplicate(
    namespace: string,
    source: EventSource,
    obj: KubeObject,
    type: string,
    reason: string,
    message: string,
    fieldPath?: string,
  ): KubeEvent | undefined {
    // Scan newest first: duplicates are almost always recent.
    const events = this.store.list('Event') as KubeEvent[];
    for (let i = events.length - 1; i >= 0 && i >= events.length - 500; i--) {
      const e = events[i];
      if (
        e.metadata.namespace === namespace &&
        e.involvedObject.uid === obj.metadata.uid &&
        e.involvedObject.name === obj.metadata.name &&
        e.involvedObject.kind === obj.kind &&
        e.involvedObject.fieldPath === fieldPath &&
        e.type === type &&
        e.reason === reason &&
        e.message === message &&
        e.source.component === source.component &&
        e.source.host === source.host
      ) {
        return e;
      }
    }
    return undefined;
  }

  /** The API server drops events older than --event-ttl (1h). */
  private expireOld(): void {
    if (this.seq % 256 !== 0) return;
    const cutoff = this.clock.now() - this.ttlMs;
    for (const e of this.store.list('Event') as KubeEvent[]) {
      if (fromTimestamp(e.lastTimestamp) >= cutoff) break;
      this.store.remove('Event', e.metadata.namespace, e.metadata.name);
    }
  }

  /** Real event names are <object>.<hex nanoseconds>; ours count up from the sim time. */
  private eventSuffix(): string {
    this.seq++;
    const nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.seq);
    return (0x18000000000000n + nanos).toString(16);
  }
}
