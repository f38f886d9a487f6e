/**
 * The event recorder, like client-go's tools/record: a component records
 * (object, type, reason, message); the correlator (correlator.ts) folds repeats into
 * one Event (count, lastTimestamp), combines floods of similar events and throttles
 * spam; the result is written to the store as a core/v1 Event named
 * `<object>.<hex unix nanoseconds>`. The API server's --event-ttl is enforced by the
 * event-ttl controller (ttl.ts).
 */
import type { Store } from '../api/store';
import type { KubeEvent, KubeObject } from '../api/types';
import type { Clock } from '../sim/clock';
import { EPOCH_MS } from '../sim/clock';
import { Correlator, type CorrelatorJson, type EventFields } from './correlator';

export interface EventSource {
  component: string;
  host?: string;
}

export interface RecordOptions {
  /** e.g. spec.containers{nginx} */
  fieldPath?: string;
}

/** The recorder's whole memory as JSON, carried by snapshots. */
export interface RecorderJson extends CorrelatorJson {
  /** sim ms of the last event name handed out, and how many were handed out in that ms */
  nameMs: number;
  nameSeq: number;
}

export class EventRecorder {
  private correlator = new Correlator();
  private nameMs = -1;
  private nameSeq = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
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
    const now = this.clock.now();
    const timestamp = this.clock.timestamp();
    // ref.GetReference: events about cluster-scoped objects land in "default".
    const fields: EventFields = {
      namespace: obj.metadata.namespace || 'default',
      source: source.host === undefined ? { component: source.component } : { ...source },
      involvedObject: reference(obj, opts.fieldPath),
      type,
      reason,
      message,
    };
    const c = this.correlator.correlate(fields, now, () => this.newName(obj.metadata.name), timestamp);
    if (c.skip) return;
    const existing = c.isUpdate
      ? (this.store.get('Event', fields.namespace, c.observation.name) as KubeEvent | undefined)
      : undefined;
    if (existing) {
      // The upstream patch touches only count, lastTimestamp and message.
      this.store.update({ ...existing, count: c.observation.count, lastTimestamp: timestamp, message: c.message });
      return;
    }
    // New, or an update whose Event expired meanwhile: upstream creates it again under the same name.
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: c.observation.name,
        namespace: fields.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      },
      involvedObject: fields.involvedObject,
      reason,
      message: c.message,
      type,
      count: c.observation.count,
      firstTimestamp: c.observation.firstTimestamp,
      lastTimestamp: timestamp,
      source: fields.source,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (this.store.get('Event', fields.namespace, event.metadata.name)) return;
    // NamespaceLifecycle refuses new content in a terminating namespace, and the
    // recorder drops the event ("Server rejected event (will not retry!)").
    if (this.store.get('Namespace', undefined, fields.namespace)?.metadata.deletionTimestamp) return;
    this.store.create(event);
  }

  toJSON(): RecorderJson {
    return { ...this.correlator.toJSON(), nameMs: this.nameMs, nameSeq: this.nameSeq };
  }

  /** Loads toJSON() output (from a snapshot); throws an Error naming the bad field. */
  load(data: RecorderJson, path: string): void {
    if (typeof data.nameMs !== 'number' || typeof data.nameSeq !== 'number') {
      throw new Error(`${path}.nameMs and ${path}.nameSeq must be numbers`);
    }
    this.correlator.load(data, path);
    this.nameMs = data.nameMs;
    this.nameSeq = data.nameSeq;
  }

  /** fmt.Sprintf("%v.%x", ref.Name, t.UnixNano()): nanoseconds from the sim clock, unique per ms. */
  private newName(objectName: string): string {
    const now = this.clock.now();
    if (this.nameMs !== now) {
      this.nameMs = now;
      this.nameSeq = 0;
    }
    const nanos = BigInt(EPOCH_MS + now) * 1_000_000n + BigInt(this.nameSeq++);
    return `${objectName}.${nanos.toString(16)}`;
  }
}

/** reference.GetReference: what an Event's involvedObject says about the object. */
function reference(obj: KubeObject, fieldPath?: string): EventFields['involvedObject'] & { resourceVersion?: string } {
  const ref: EventFields['involvedObject'] & { resourceVersion?: string } = {
    kind: obj.kind,
    name: obj.metadata.name,
  };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata.uid) ref.uid = obj.metadata.uid;
  if (obj.apiVersion) ref.apiVersion = obj.apiVersion;
  if (obj.metadata.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
