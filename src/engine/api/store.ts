/**
 * The object store: etcd plus the API server's bookkeeping. Objects are keyed by
 * kind/namespace/name; every write bumps a global resourceVersion and yields a watch
 * event. Stored objects are treated as immutable: writers pass a fresh object.
 */
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { KubeObject } from './types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** the object before this write (MODIFIED and DELETED) */
  old?: KubeObject;
}

export type Watcher = (event: WatchEvent) => void;

/** What a batch of writes changed, squashed per object (tldraw's RecordsDiff shape). */
export interface StoreDiff {
  added: Record<string, KubeObject>;
  updated: Record<string, [before: KubeObject, after: KubeObject]>;
  removed: Record<string, KubeObject>;
}

/**
 * Kinds whose REST strategy does not track metadata.generation (real namespaces, nodes
 * and leases come back without one); every other kind with a spec starts at 1.
 */
const NO_GENERATION = new Set(['Namespace', 'Node', 'Lease', 'Event']);

export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

export class Store {
  private byKind = new Map<string, Map<string, KubeObject>>();
  private watchers: Watcher[] = [];
  private rv = 0;

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byKind.get(kind)?.get(objectKey(kind, namespace, name));
  }

  /** Objects of a kind, optionally in one namespace, in creation order. */
  list(kind: string, namespace?: string): KubeObject[] {
    const m = this.byKind.get(kind);
    if (!m) return [];
    const all = [...m.values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** Persists a new object: uid, resourceVersion, creationTimestamp and generation are set here. */
  create(input: KubeObject): KubeObject {
    const key = keyOf(input);
    const m = this.kindMap(input.kind);
    if (m.has(key)) throw new Error(`${input.kind} ${input.metadata.name} already exists`);
    const obj: KubeObject = {
      ...input,
      metadata: {
        ...input.metadata,
        uid: input.metadata.uid || this.rng.uuid(),
        resourceVersion: String(++this.rv),
        creationTimestamp: input.metadata.creationTimestamp || this.clock.timestamp(),
        generation:
          input.metadata.generation ?? (input.spec !== undefined && !NO_GENERATION.has(input.kind) ? 1 : undefined),
      },
    };
    if (obj.metadata.generation === undefined) delete obj.metadata.generation;
    m.set(key, obj);
    this.emit({ type: 'ADDED', object: obj });
    return obj;
  }

  /**
   * Replaces an existing object. A change to spec bumps generation, as the API server
   * does for kinds with a spec; status-only writes leave it alone.
   */
  update(next: KubeObject): KubeObject {
    const key = keyOf(next);
    const m = this.kindMap(next.kind);
    const old = m.get(key);
    if (!old) throw new Error(`${next.kind} ${next.metadata.name} not found`);
    const specChanged = old.metadata.generation !== undefined && !jsonEqual(old.spec, next.spec);
    const obj: KubeObject = {
      ...next,
      metadata: {
        ...next.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        resourceVersion: String(++this.rv),
        generation: specChanged ? (old.metadata.generation ?? 0) + 1 : old.metadata.generation,
      },
    };
    if (obj.metadata.generation === undefined) delete obj.metadata.generation;
    m.set(key, obj);
    this.emit({ type: 'MODIFIED', object: obj, old });
    return obj;
  }

  /** Removes an object for good (finalizers and grace periods are the API layer's job). */
  remove(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const m = this.byKind.get(kind);
    const key = objectKey(kind, namespace, name);
    const old = m?.get(key);
    if (!m || !old) return undefined;
    m.delete(key);
    this.rv++;
    this.emit({ type: 'DELETED', object: old, old });
    return old;
  }

  watch(fn: Watcher): () => void {
    this.watchers.push(fn);
    return () => {
      this.watchers = this.watchers.filter((w) => w !== fn);
    };
  }

  /**
   * Runs `fn` and returns the diff of every write it made: an object added then changed
   * is one addition, one changed twice is one update from the first before to the last after.
   */
  record(fn: () => void): StoreDiff {
    const diff: StoreDiff = { added: {}, updated: {}, removed: {} };
    const stop = this.watch((ev) => squash(diff, ev));
    try {
      fn();
    } finally {
      stop();
    }
    return diff;
  }

  resourceVersion(): number {
    return this.rv;
  }

  /** Every object, kinds in first-seen order, for snapshots. */
  dump(): { rv: number; objects: KubeObject[] } {
    const objects: KubeObject[] = [];
    for (const m of this.byKind.values()) objects.push(...m.values());
    return { rv: this.rv, objects };
  }

  /** Loads a dump without emitting watch events. */
  load(data: { rv: number; objects: KubeObject[] }): void {
    this.byKind.clear();
    for (const o of data.objects) this.kindMap(o.kind).set(keyOf(o), o);
    this.rv = data.rv;
  }

  private kindMap(kind: string): Map<string, KubeObject> {
    let m = this.byKind.get(kind);
    if (!m) {
      m = new Map();
      this.byKind.set(kind, m);
    }
    return m;
  }

  private emit(ev: WatchEvent): void {
    for (const w of this.watchers) w(ev);
  }
}

function squash(diff: StoreDiff, ev: WatchEvent): void {
  const key = keyOf(ev.object);
  if (ev.type === 'ADDED') {
    if (diff.removed[key]) {
      diff.updated[key] = [diff.removed[key], ev.object];
      delete diff.removed[key];
    } else diff.added[key] = ev.object;
  } else if (ev.type === 'MODIFIED') {
    if (diff.added[key]) diff.added[key] = ev.object;
    else diff.updated[key] = [diff.updated[key]?.[0] ?? (ev.old as KubeObject), ev.object];
  } else {
    if (diff.added[key]) delete diff.added[key];
    else {
      diff.removed[key] = diff.updated[key]?.[0] ?? ev.object;
      delete diff.updated[key];
    }
  }
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
