/**
 * Decoding a submitted object into its Go type, as the API server's JSON decoder does
 * before any validation runs. Two kinds of failure, each with the server's wording:
 *
 * - a value of the wrong JSON type stops decoding with encoding/json's
 *   `json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container`
 *   (Go 1.20+ names the innermost struct and the full path from the root, without indices);
 * - with kubectl's default `--validate=strict`, fields the type does not have are
 *   reported together as `strict decoding error: unknown field "spec.containers[0].imagePullPolice"`.
 *
 * Both come back as `<Kind> in version "<v>" cannot be handled as a <Kind>: ...` (BadRequest).
 * A JSON null leaves a field at its zero value, so nulls are dropped from the result.
 */
import { decodeStd } from './base64';
import { parseExactQuantity, QUANTITY_ERROR } from './quantity';
import { renderPath, type Segment } from './validation/field';

/** The Go shape of a field. `open` structs skip the unknown-field check (not modelled in full). */
export type GoType =
  | { t: 'string' | 'bool' | 'int32' | 'int64' | 'float64' | 'quantity' | 'intOrString' | 'any' }
  /** Go's []byte: a base64 string in JSON (Secret.data, ConfigMap.binaryData) */
  | { t: 'bytes' }
  | { t: 'map'; of: GoType; go: string }
  | { t: 'list'; of: GoType }
  | { t: 'struct'; go: string; fields?: () => Record<string, GoType>; open?: boolean };

export interface DecodeProblem {
  message: string;
  at: Segment[];
}

export interface DecodeResult {
  /** the value with nulls removed (as Go would hold it) */
  value: unknown;
  /** the first type error; Go's decoder reports only one */
  typeError?: DecodeProblem;
  /** every unknown field, in document order */
  unknown: DecodeProblem[];
}

const INT32 = 2 ** 31;

export function goTypeName(t: GoType): string {
  switch (t.t) {
    case 'map':
      return t.go;
    case 'list':
      return `[]${goTypeName(t.of)}`;
    case 'struct':
      return t.go;
    case 'quantity':
      return 'resource.Quantity';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'any':
      return 'interface {}';
    case 'bytes':
      return '[]uint8';
    default:
      return t.t;
  }
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** How a JSON number literal reads back in Go's messages ("number 1.5", "number 3000000000"). */
export function numberLiteral(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

export function decodeObject(value: unknown, type: GoType): DecodeResult {
  const state: DecodeResult = { value: undefined, unknown: [] };
  state.value = walk(value, type, [], '', '', state);
  return state;
}

/**
 * `path` holds the segments (for source positions and the unknown-field text),
 * `goPath` the dotted json path without indices that encoding/json prints, and
 * `struct` the Go name of the innermost struct around the current field.
 */
function walk(v: unknown, type: GoType, path: Segment[], goPath: string, struct: string, st: DecodeResult): unknown {
  if (v === null || v === undefined) return undefined;
  const mismatch = (value: string) => {
    if (!st.typeError) {
      st.typeError = {
        message: `json: cannot unmarshal ${value} into Go struct field ${struct}.${goPath} of type ${goTypeName(type)}`,
        at: path,
      };
    }
    return undefined;
  };
  switch (type.t) {
    case 'any':
      return v;
    case 'string':
      return typeof v === 'string' ? v : mismatch(jsonType(v));
    case 'bytes': {
      if (typeof v !== 'string') return mismatch(jsonType(v));
      // encoding/json hands the base64 error through as it is.
      const r = decodeStd(v);
      if (!r.ok && !st.typeError) st.typeError = { message: r.error, at: path };
      return v;
    }
    case 'bool':
      return typeof v === 'boolean' ? v : mismatch(jsonType(v));
    case 'float64':
      return typeof v === 'number' ? v : mismatch(jsonType(v));
    case 'int32':
    case 'int64': {
      if (typeof v !== 'number') return mismatch(jsonType(v));
      const limit = type.t === 'int32' ? INT32 : 2 ** 63;
      if (!Number.isInteger(v) || v >= limit || v < -limit) return mismatch(`number ${numberLiteral(v)}`);
      return v;
    }
    case 'intOrString':
      if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < INT32)) return v;
      // IntOrString.UnmarshalJSON hands anything but a string to the int32 decoder.
      if (!st.typeError) {
        const what = typeof v === 'number' ? `number ${numberLiteral(v)}` : jsonType(v);
        st.typeError = { message: `json: cannot unmarshal ${what} into Go value of type int32`, at: path };
      }
      return undefined;
    case 'quantity':
      if ((typeof v === 'string' || typeof v === 'number') && parseExactQuantity(v)) return v;
      if (!st.typeError) st.typeError = { message: QUANTITY_ERROR, at: path };
      return undefined;
    case 'list': {
      if (!Array.isArray(v)) return mismatch(jsonType(v));
      return v.map((item, i) => walk(item, type.of, [...path, { index: i }], goPath, struct, st) ?? zeroOf(type.of));
    }
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch(jsonType(v));
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        out[k] = walk(item, type.of, [...path, { key: k }], goPath, struct, st) ?? zeroOf(type.of);
      }
      return out;
    }
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) return mismatch(jsonType(v));
      const fields = type.fields?.();
      const goName = type.go.replace(/^.*\./, '');
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        const ft = fields?.[k];
        const childPath = [...path, { field: k }];
        if (!ft) {
          if (fields && !type.open)
            st.unknown.push({ message: `unknown field "${renderPath(childPath)}"`, at: childPath });
          if (item !== null) out[k] = item;
          continue;
        }
        const decoded = walk(item, ft, childPath, goPath ? `${goPath}.${k}` : k, goName, st);
        if (decoded !== undefined) out[k] = decoded;
      }
      return out;
    }
  }
}

/** What a null list item or map value becomes in Go: the element type's zero value. */
function zeroOf(t: GoType): unknown {
  switch (t.t) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int32':
    case 'int64':
    case 'float64':
      return 0;
    case 'struct':
      return {};
    default:
      return null;
  }
}

/** The server's wrapper for a body it cannot decode. */
export function cannotBeHandled(kind: string, apiVersion: string, detail: string): string {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${detail}`;
}
