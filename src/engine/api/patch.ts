/**
 * The patch side of kubectl apply: what a new configuration changes on the live object,
 * how the server prints a patch in an error, and what an update can change at all.
 */
import { jsonEqual } from './store';
import type { KubeObject } from './types';

/** What the new configuration changes on the live object (the heart of kubectl's patch). */
export function patchDelta(modified: unknown, live: unknown): unknown {
  if (typeof modified !== 'object' || modified === null || Array.isArray(modified)) return modified;
  const cur =
    typeof live === 'object' && live !== null && !Array.isArray(live) ? (live as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(modified as Record<string, unknown>)) {
    if (k === 'apiVersion' || k === 'kind' || jsonEqual(v, cur[k])) continue;
    const d = patchDelta(v, cur[k]);
    // a map that only differs by what the server added says nothing
    if (typeof d === 'object' && d !== null && !Array.isArray(d) && Object.keys(d).length === 0) continue;
    out[k] = d;
  }
  return out;
}

/** Go's %v of decoded JSON: map[k:v] with sorted keys, [a b] lists, bare strings. */
export function goValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goValue(o[k])}`)
      .join(' ')}]`;
  }
  return v === null || v === undefined ? '<nil>' : String(v);
}

/**
 * A JSON null leaves a Go field at its zero value, so the stored object never holds one
 * (`creationTimestamp: null` from `kubectl create --dry-run -o yaml` is the usual case).
 */
export function stripNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripNulls);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = stripNulls(x);
  return out;
}

/** What an update can change: server-owned metadata and status are left out of the comparison. */
export function stripServerFields(o: KubeObject): unknown {
  const {
    resourceVersion: _rv,
    generation: _g,
    uid: _u,
    creationTimestamp: _c,
    managedFields: _m,
    selfLink: _s,
    ...meta
  } = o.metadata;
  return { ...o, metadata: meta, status: undefined };
}
