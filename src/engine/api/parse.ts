/**
 * Reading a manifest stream the way kubectl does before anything reaches the API
 * server: split into documents, convert each YAML document to JSON, skip empty ones.
 * kubectl reads YAML with go-yaml's YAML 1.1 rules (`yes`/`on` are booleans), so we
 * parse with version 1.1 too. Hostile input is refused with a clear message and a
 * position, never a crash: an oversized text before parsing, nesting deeper than
 * `MAX_DEPTH` before parsing (the parser recurses), alias bombs through the yaml
 * package's alias budget, NaN/Infinity the way JSON conversion fails on them.
 */
import { type Document, isAlias, LineCounter, parseAllDocuments, visit } from 'yaml';
import { type Locator, locatorFor } from './positions';
import { byteLength } from './validation/names';

/** The API server's request body limit (apiserver MaxRequestBodyBytes, 3 MiB). */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;
/** Nesting we accept; real manifests stay far below it, the parser's stack does not. */
export const MAX_DEPTH = 100;
/** go-yaml gives up on documents whose aliases expand too much; so do we. */
export const MAX_ALIAS_COUNT = 100;

export interface ParseError {
  message: string;
  line?: number;
  column?: number;
}

export interface ParsedDocument {
  /** position of the document in the stream, counting empty ones */
  index: number;
  value: unknown;
  /** where the document's content starts */
  line: number;
  column: number;
  /** maps a field path inside this document to its line/column */
  locate: Locator;
  /** set when the server would refuse the document outright (expanded JSON over 3 MiB) */
  refused?: { message: string; reason: string };
}

export interface ParsedStream {
  documents: ParsedDocument[];
  /** a stream error stops reading; documents before it are still returned, like kubectl */
  error?: ParseError;
}

const PREFIX = 'error parsing STDIN: error converting YAML to JSON: yaml: ';

export function parseStream(text: string): ParsedStream {
  const size = text.length > MAX_REQUEST_BYTES ? text.length : byteLength(text);
  if (size > MAX_REQUEST_BYTES) {
    return {
      documents: [],
      error: {
        message: `error parsing STDIN: the manifest is ${size} bytes, more than the API server accepts in one request (Request entity too large: limit is ${MAX_REQUEST_BYTES})`,
        line: 1,
        column: 1,
      },
    };
  }
  const deep = findExcessiveNesting(text, MAX_DEPTH);
  if (deep) {
    return {
      documents: [],
      error: {
        message: `error parsing STDIN: the document nests deeper than ${MAX_DEPTH} levels (line ${deep.line}, column ${deep.column}); it was refused before parsing`,
        ...deep,
      },
    };
  }
  const lineCounter = new LineCounter();
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const docs = parseAllDocuments(text, { lineCounter, version: '1.1', uniqueKeys: false, prettyErrors: false });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  const documents: ParsedDocument[] = [];
  for (let index = 0; index < list.length; index++) {
    const doc = list[index];
    const err = doc.errors[0];
    if (err) {
      const at = pos(err.pos[0]);
      return { documents, error: { message: `${PREFIX}line ${at.line}: ${firstLine(err.message)}`, ...at } };
    }
    if (!doc.contents) continue; // an empty document, skipped like kubectl
    const start = pos(doc.contents.range[0]);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const at = firstAlias(doc, pos) ?? start;
      const detail = e instanceof ReferenceError ? 'document contains excessive aliasing' : String(e);
      return { documents, error: { message: `${PREFIX}${detail}`, ...at } };
    }
    if (value === null || value === undefined) continue; // `null` documents are skipped too
    const locate = locatorFor(doc, pos);
    // Aliases share one JS value, but the request body spells every copy out: measure
    // the JSON it would take (stopping early) and refuse it as the server would.
    if (jsonSizeOver(value, MAX_REQUEST_BYTES)) {
      documents.push({
        index,
        value,
        ...start,
        locate,
        refused: {
          message: `Request entity too large: limit is ${MAX_REQUEST_BYTES}`,
          reason: 'RequestEntityTooLarge',
        },
      });
      continue;
    }
    const bad = toJSONValue(value, []);
    if (bad) {
      const at = locate(bad.path) ?? start;
      return { documents, error: { message: `error parsing STDIN: json: unsupported value: ${bad.text}`, ...at } };
    }
    documents.push({ index, value, ...start, locate });
  }
  return { documents };
}

/**
 * Makes the value what JSON can hold, in place: timestamps become strings (go-yaml hands
 * them to JSON as text) and NaN/±Inf are reported, as json.Marshal refuses them.
 */
function toJSONValue(v: unknown, path: (string | number)[]): { path: (string | number)[]; text: string } | undefined {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    return { path, text: Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf' };
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] instanceof Date) v[i] = dateText(v[i]);
      const bad = toJSONValue(v[i], [...path, i]);
      if (bad) return bad;
    }
  } else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (o[k] instanceof Date) o[k] = dateText(o[k] as Date);
      const bad = toJSONValue(o[k], [...path, k]);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** Is the JSON text of `v` longer than `limit`? Stops as soon as it is. */
export function jsonSizeOver(v: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'string') size += x.length + 2;
    else if (typeof x === 'number' || typeof x === 'boolean') size += String(x).length;
    else if (x === null || x === undefined) size += 4;
    else if (x instanceof Date) size += 22;
    else if (Array.isArray(x)) {
      size += 2 + x.length;
      for (const item of x) stack.push(item);
    } else if (typeof x === 'object') {
      for (const [k, item] of Object.entries(x)) {
        size += k.length + 4;
        stack.push(item);
      }
    }
    if (size > limit) return true;
  }
  return false;
}

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace('.000Z', 'Z');
}

function firstAlias(doc: Document.Parsed, pos: (o: number) => { line: number; column: number }) {
  let found: { line: number; column: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        found = pos(node.range[0]);
        return visit.BREAK;
      }
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').split('\n')[0];
}

/**
 * A cheap upper bound on nesting, before the recursive parser sees the text: flow
 * brackets outside quotes, plus block levels tracked as a stack of indentation columns
 * (each `- ` or `? ` indicator opens one more). Returns where the limit is crossed.
 */
export function findExcessiveNesting(text: string, limit: number): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let i = 0;
  let quote = '';
  // brackets counted blindly too, so a stray quote cannot hide a bracket bomb
  let raw = 0;
  while (i < text.length) {
    const lineStart = i;
    let col = 0;
    while (text[i] === ' ') {
      i++;
      col++;
    }
    const blank = i >= text.length || text[i] === '\n' || text[i] === '\r' || text[i] === '#';
    if (!blank && flow === 0 && !quote) {
      while (indents.length > 0 && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
      // compact nesting on one line: "- - - x", "? - x"
      while ((text[i] === '-' || text[i] === '?') && text[i + 1] === ' ') {
        i += 2;
        col += 2;
        while (text[i] === ' ') {
          i++;
          col++;
        }
        indents.push(col);
      }
      if (indents.length > limit) return { line, column: col + 1 };
    }
    for (; i < text.length && text[i] !== '\n'; i++) {
      const c = text[i];
      if (c === '[' || c === '{') raw++;
      else if ((c === ']' || c === '}') && raw > 0) raw--;
      if (raw > limit * 4) return { line, column: i - lineStart + 1 };
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
        continue;
      }
      const prev = i === lineStart ? ' ' : text[i - 1];
      if ((c === '"' || c === "'") && ' \t[{,:-'.includes(prev)) quote = c;
      else if (c === '#' && (prev === ' ' || prev === '\t')) break;
      else if (c === '[' || c === '{') {
        flow++;
        if (flow + indents.length > limit) return { line, column: i - lineStart + 1 };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    while (i < text.length && text[i] !== '\n') i++;
    i++;
    line++;
  }
  return undefined;
}
