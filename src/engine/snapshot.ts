/**
 * Checks that a value is a cluster snapshot before restoreCluster builds anything
 * from it. A snapshot may come from IndexedDB or a shared URL, so it is untrusted
 * input: every field is checked for presence and type, and the first problem is
 * reported with its path (`snapshot.store.objects[3].metadata.name must be a string`).
 */
import { objectKey } from './api/store';
import type { ClusterSnapshot } from './cluster';
import { REAL_TIMINGS } from './timings';

export const SNAPSHOT_FORMAT = 'kube-playground/cluster';
export const SNAPSHOT_VERSION = 1;

class SnapshotError extends Error {
  constructor(path: string, problem: string) {
    super(`restoreCluster: ${path} ${problem}`);
    this.name = 'SnapshotError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, path: string): Json {
  if (!isObject(v)) throw new SnapshotError(path, `must be an object, got ${kindOf(v)}`);
  return v;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new SnapshotError(path, `must be an array, got ${kindOf(v)}`);
  return v;
}

function num(v: unknown, path: string, opts: { int?: boolean; min?: number } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new SnapshotError(path, `must be a number, got ${kindOf(v)}`);
  if (opts.int && !Number.isInteger(v)) throw new SnapshotError(path, `must be an integer, got ${v}`);
  if (opts.min !== undefined && v < opts.min) throw new SnapshotError(path, `must be at least ${opts.min}, got ${v}`);
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new SnapshotError(path, `must be a string, got ${kindOf(v)}`);
  return v;
}

function kindOf(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

export function validateSnapshot(input: unknown): asserts input is ClusterSnapshot {
  if (!isObject(input)) throw new SnapshotError('snapshot', `must be an object, got ${kindOf(input)}`);
  if (input.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(
      'snapshot.format',
      `must be "${SNAPSHOT_FORMAT}" (this is not a Kube Playground cluster snapshot)`,
    );
  }
  if (input.version !== SNAPSHOT_VERSION) {
    throw new SnapshotError('snapshot.version', `must be ${SNAPSHOT_VERSION}, got ${JSON.stringify(input.version)}`);
  }
  const options = obj(input.options, 'snapshot.options');
  num(options.seed, 'snapshot.options.seed', { int: true });
  if (options.timings !== 'real' && options.timings !== 'fast') {
    throw new SnapshotError(
      'snapshot.options.timings',
      `must be "real" or "fast", got ${JSON.stringify(options.timings)}`,
    );
  }
  const overrides = obj(options.timingOverrides, 'snapshot.options.timingOverrides');
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in REAL_TIMINGS)) throw new SnapshotError(`snapshot.options.timingOverrides.${k}`, 'is not a known timing');
    num(v, `snapshot.options.timingOverrides.${k}`, { min: 0 });
  }
  if (options.kubeProxyMode !== undefined && options.kubeProxyMode !== 'iptables' && options.kubeProxyMode !== 'ipvs') {
    throw new SnapshotError(
      'snapshot.options.kubeProxyMode',
      `must be "iptables" or "ipvs", got ${JSON.stringify(options.kubeProxyMode)}`,
    );
  }
  const now = num(input.now, 'snapshot.now', { int: true, min: 0 });
  num(input.rng, 'snapshot.rng', { int: true, min: 0 });
  validateStore(obj(input.store, 'snapshot.store'));
  const timers = obj(input.timers, 'snapshot.timers');
  const seq = num(timers.seq, 'snapshot.timers.seq', { int: true, min: 0 });
  for (const [i, t] of arr(timers.timers, 'snapshot.timers.timers').entries()) {
    const p = `snapshot.timers.timers[${i}]`;
    const timer = obj(t, p);
    num(timer.at, `${p}.at`, { int: true, min: 0 });
    const tseq = num(timer.seq, `${p}.seq`, { int: true, min: 0 });
    if (tseq >= seq) throw new SnapshotError(`${p}.seq`, `must be below snapshot.timers.seq (${seq})`);
    str(timer.target, `${p}.target`);
    str(timer.key, `${p}.key`);
  }
  for (const [i, q] of arr(input.queue, 'snapshot.queue').entries()) {
    const item = obj(q, `snapshot.queue[${i}]`);
    str(item.controller, `snapshot.queue[${i}].controller`);
    str(item.key, `snapshot.queue[${i}].key`);
  }
  const state = obj(input.state, 'snapshot.state');
  for (const [k, v] of Object.entries(state)) obj(v, `snapshot.state.${k}`);
  if (now > Number.MAX_SAFE_INTEGER / 2) throw new SnapshotError('snapshot.now', 'is out of range');
}

function validateStore(store: Json): void {
  const rv = num(store.rv, 'snapshot.store.rv', { int: true, min: 0 });
  const seen = new Set<string>();
  for (const [i, o] of arr(store.objects, 'snapshot.store.objects').entries()) {
    const p = `snapshot.store.objects[${i}]`;
    const object = obj(o, p);
    const kind = str(object.kind, `${p}.kind`);
    str(object.apiVersion, `${p}.apiVersion`);
    const meta = obj(object.metadata, `${p}.metadata`);
    const name = str(meta.name, `${p}.metadata.name`);
    if (name === '') throw new SnapshotError(`${p}.metadata.name`, 'must not be empty');
    if (meta.namespace !== undefined) str(meta.namespace, `${p}.metadata.namespace`);
    str(meta.uid, `${p}.metadata.uid`);
    const orv = Number(str(meta.resourceVersion, `${p}.metadata.resourceVersion`));
    if (!Number.isInteger(orv) || orv > rv) {
      throw new SnapshotError(
        `${p}.metadata.resourceVersion`,
        `must be an integer no greater than snapshot.store.rv (${rv})`,
      );
    }
    str(meta.creationTimestamp, `${p}.metadata.creationTimestamp`);
    const key = objectKey(kind, meta.namespace as string | undefined, name);
    if (seen.has(key)) throw new SnapshotError(p, `duplicates ${key}`);
    seen.add(key);
  }
}
