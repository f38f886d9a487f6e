/**
 * Field paths and field errors shaped like apimachinery's util/validation/field:
 * `Path.child("containers").index(0).child("image")` renders as
 * `spec.containers[0].image`, `.key("cpu")` as `requests[cpu]`. Each error also keeps
 * the path as segments so apply can point at the exact line of the submitted YAML.
 */
import type { FieldError } from '../errors';

/** One step of a path: a struct field, a list index, or a map key. */
export type Segment = { field: string } | { index: number } | { key: string };

export class Path {
  private constructor(readonly segments: readonly Segment[]) {}

  static root(name?: string): Path {
    return new Path(name ? [{ field: name }] : []);
  }

  child(...names: string[]): Path {
    return new Path([...this.segments, ...names.map((field) => ({ field }))]);
  }

  index(i: number): Path {
    return new Path([...this.segments, { index: i }]);
  }

  key(k: string): Path {
    return new Path([...this.segments, { key: k }]);
  }

  toString(): string {
    return renderPath(this.segments);
  }
}

export function renderPath(segments: readonly Segment[]): string {
  let s = '';
  for (const seg of segments) {
    if ('field' in seg) s += s ? `.${seg.field}` : seg.field;
    else if ('index' in seg) s += `[${seg.index}]`;
    else s += `[${seg.key}]`;
  }
  return s;
}

/** A field error that remembers where in the object it points (for source positions). */
export interface LocatedFieldError extends FieldError {
  at?: readonly Segment[];
}

export type ErrorList = LocatedFieldError[];

function make(type: FieldError['type'], path: Path, value: unknown, detail: string | undefined): LocatedFieldError {
  const e: LocatedFieldError = { field: path.toString(), type, at: path.segments };
  if (value !== undefined) e.value = value;
  if (detail) e.detail = detail;
  return e;
}

export const required = (path: Path, detail = ''): LocatedFieldError => make('Required value', path, undefined, detail);
export const invalid = (path: Path, value: unknown, detail: string): LocatedFieldError =>
  make('Invalid value', path, value ?? null, detail);
export const duplicate = (path: Path, value: unknown): LocatedFieldError =>
  make('Duplicate value', path, value, undefined);
export const forbidden = (path: Path, detail: string): LocatedFieldError => make('Forbidden', path, undefined, detail);
export const notFound = (path: Path, value: unknown): LocatedFieldError => make('Not found', path, value, undefined);
export const tooLong = (path: Path, maxBytes: number): LocatedFieldError =>
  make('Too long', path, undefined, `must have at most ${maxBytes} bytes`);

/** field.NotSupported: `Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(path: Path, value: unknown, supported: readonly string[]): LocatedFieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return make('Unsupported value', path, value, detail);
}

/** Go's sort.Strings order for map keys, so errors come out in a stable order. */
export function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return Object.keys(m ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function isRecord(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asArray<T = any>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export function asString(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
