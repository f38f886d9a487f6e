/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): literal text plus
 * `{...}` actions — fields `.a.b` and `['a.b']`, `[n]`, `[-1]`, `[a:b]`, `[*]`,
 * recursive `..name`, filters `[?(@.x=="y")]`, `{range ...}{end}` and string literals
 * such as `{"\n"}`. Missing fields print nothing, as with kubectl's default
 * --allow-missing-template-keys=true.
 */

type Step =
  | { t: 'field'; name: string }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'index'; start?: number; end?: number; slice: boolean }
  | { t: 'union'; names: string[] }
  | { t: 'filter'; left: Path | Literal; op?: string; right?: Path | Literal };

interface Path {
  t: 'path';
  steps: Step[];
}
interface Literal {
  t: 'literal';
  value: string | number | boolean | null;
}

type Node =
  | { t: 'text'; text: string }
  | { t: 'expr'; path: Path }
  | { t: 'literal'; value: string }
  | { t: 'range'; path: Path; body: Node[] };

export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathError';
  }
}

/** Parses a template; throws JsonPathError with client-go's wording. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { body: Node[] }[] = [{ body: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) push({ t: 'text', text: template.slice(i, open) });
    const close = findClose(template, open + 1);
    if (close < 0) throw new JsonPathError('unclosed action');
    const inside = template.slice(open + 1, close).trim();
    i = close + 1;
    if (inside === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
      continue;
    }
    if (inside.startsWith('range ') || inside === 'range') {
      const node: Node = { t: 'range', path: parsePath(inside.slice(5).trim()), body: [] };
      push(node);
      stack.push({ body: node.body });
      continue;
    }
    if (/^"(?:[^"\\]|\\.)*"$/.test(inside) || /^'[^']*'$/.test(inside)) {
      push({ t: 'literal', value: unquote(inside) });
      continue;
    }
    push({ t: 'expr', path: parsePath(inside) });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;

  function push(n: Node) {
    stack[stack.length - 1].body.push(n);
  }
}

/** The `}` ending an action, skipping quoted strings inside it. */
function findClose(s: string, from: number): number {
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function unquote(s: string): string {
  if (s.startsWith("'")) return s.slice(1, -1);
  try {
    return JSON.parse(s) as string;
  } catch {
    // Go's strconv.Unquote accepts a few escapes JSON does not; keep the text.
    return s.slice(1, -1);
  }
}

function parsePath(src: string): Path {
  const steps: Step[] = [];
  let i = 0;
  if (src.startsWith('$') || src.startsWith('@')) i = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '.') {
      if (src[i + 1] === '.') {
        steps.push({ t: 'recursive' });
        i += 2;
        continue;
      }
      i++;
      // A backslash escapes the next character, so `labels.app\.kubernetes\.io/name` is one key.
      let name = '';
      while (i < src.length && !'.[ '.includes(src[i])) {
        if (src[i] === '\\' && i + 1 < src.length) i++;
        name += src[i++];
      }
      if (name === '*') steps.push({ t: 'wildcard' });
      else if (name !== '') steps.push({ t: 'field', name });
      continue;
    }
    if (c === '[') {
      const end = matchingBracket(src, i);
      if (end < 0) throw new JsonPathError('unclosed array expect ]');
      steps.push(parseBracket(src.slice(i + 1, end).trim()));
      i = end + 1;
      continue;
    }
    if (c === ' ') {
      i++;
      continue;
    }
    // A bare word such as `{metadata.name}`: client-go reads it as a field too.
    const start = i;
    while (i < src.length && !'.[ '.includes(src[i])) i++;
    const word = src.slice(start, i);
    if (!/^[\w-]+$/.test(word)) throw new JsonPathError(`unrecognized character in action: U+${hex(word)}`);
    steps.push({ t: 'field', name: word });
  }
  return { t: 'path', steps };
}

function hex(s: string): string {
  return (s.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { t: 'wildcard' };
  if (inner.startsWith('?')) {
    const m = /^\?\s*\((.*)\)$/s.exec(inner);
    if (!m) throw new JsonPathError(`unrecognized filter: ${inner}`);
    return parseFilter(m[1].trim());
  }
  if (/^['"]/.test(inner)) {
    const names = inner.split(',').map((p) => p.trim());
    if (!names.every((n) => /^'[^']*'$|^"[^"]*"$/.test(n))) throw new JsonPathError(`invalid array index ${inner}`);
    return { t: 'union', names: names.map((n) => n.slice(1, -1)) };
  }
  const m = /^(-?\d+)?\s*(:)?\s*(-?\d+)?(?::\s*\d+)?$/.exec(inner);
  if (!m || inner === '') throw new JsonPathError(`invalid array index ${inner}`);
  return {
    t: 'index',
    start: m[1] !== undefined ? Number(m[1]) : undefined,
    end: m[3] !== undefined ? Number(m[3]) : undefined,
    slice: m[2] !== undefined,
  };
}

function parseFilter(expr: string): Step {
  const m = /^(.+?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/s.exec(expr);
  if (!m) return { t: 'filter', left: operand(expr) };
  return { t: 'filter', left: operand(m[1].trim()), op: m[2], right: operand(m[3].trim()) };
}

function operand(s: string): Path | Literal {
  if (s.startsWith('@') || s.startsWith('$')) return parsePath(s);
  if (/^'[^']*'$|^"[^"]*"$/.test(s)) return { t: 'literal', value: s.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(s)) return { t: 'literal', value: Number(s) };
  if (s === 'true' || s === 'false') return { t: 'literal', value: s === 'true' };
  if (s === 'nil' || s === 'null') return { t: 'literal', value: null };
  throw new JsonPathError(`unrecognized filter operand ${s}`);
}

/** Every value a path reaches from `data`. */
export function evaluate(path: Path, data: unknown): unknown[] {
  let cur: unknown[] = [data];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const v of cur) applyStep(step, v, next);
    cur = next;
  }
  return cur;
}

function applyStep(step: Step, v: unknown, out: unknown[]): void {
  switch (step.t) {
    case 'field':
      if (isObject(v) && Object.hasOwn(v, step.name)) out.push(v[step.name]);
      return;
    case 'union':
      for (const n of step.names) if (isObject(v) && Object.hasOwn(v, n)) out.push(v[n]);
      return;
    case 'wildcard':
      if (Array.isArray(v)) out.push(...v);
      else if (isObject(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
      return;
    case 'recursive':
      collectAll(v, out);
      return;
    case 'index': {
      if (!Array.isArray(v)) return;
      const n = v.length;
      const norm = (i: number) => (i < 0 ? Math.max(0, n + i) : Math.min(i, n));
      if (!step.slice) {
        const i = step.start ?? 0;
        const idx = i < 0 ? n + i : i;
        if (idx >= 0 && idx < n) out.push(v[idx]);
        return;
      }
      const a = norm(step.start ?? 0);
      const b = norm(step.end ?? n);
      for (let i = a; i < b; i++) out.push(v[i]);
      return;
    }
    case 'filter': {
      const items = Array.isArray(v) ? v : [];
      for (const item of items) if (filterMatches(step, item)) out.push(item);
      return;
    }
  }
}

function collectAll(v: unknown, out: unknown[]): void {
  out.push(v);
  if (Array.isArray(v)) for (const x of v) collectAll(x, out);
  else if (isObject(v)) for (const k of Object.keys(v).sort()) collectAll(v[k], out);
}

function filterMatches(step: Extract<Step, { t: 'filter' }>, item: unknown): boolean {
  const left = operandValues(step.left, item);
  if (!step.op || step.right === undefined) return left.length > 0 && left[0] !== false && left[0] !== null;
  const right = operandValues(step.right, item);
  if (left.length === 0 || right.length === 0) return false;
  const a = left[0];
  const b = right[0];
  switch (step.op) {
    case '==':
      return String(a) === String(b);
    case '!=':
      return String(a) !== String(b);
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
  }
  return false;
}

function operandValues(o: Path | Literal, item: unknown): unknown[] {
  return o.t === 'literal' ? [o.value] : evaluate(o, item);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Renders one value as client-go does: maps and lists as compact JSON, scalars as text. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return goJson(v);
  return String(v);
}

/** JSON the way Go's encoding/json writes it (HTML characters escaped, map keys sorted). */
export function goJson(v: unknown, indent?: string): string {
  const text = JSON.stringify(sortKeys(v), null, indent);
  return (text ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

/** Executes a parsed template against data. */
export function execute(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        out += n.text;
        break;
      case 'literal':
        out += n.value;
        break;
      case 'expr':
        out += evaluate(n.path, data).map(valueText).join(' ');
        break;
      case 'range': {
        const values = evaluate(n.path, data);
        // `{range .items[*]}` walks the items; `{range .items}` walks the one list's elements.
        const items = values.length === 1 && Array.isArray(values[0]) ? values[0] : values;
        for (const item of items) out += execute(n.body, item);
        break;
      }
    }
  }
  return out;
}

/** Parse + execute in one go: the `-o jsonpath=` printer. */
export function jsonpath(template: string, data: unknown): string {
  return execute(parseTemplate(template), data);
}

/**
 * RelaxedJSONPathExpression (custom-columns, sort-by): `.a.b`, `a.b` and `{.a.b}`
 * all mean the same path.
 */
export function relaxed(expr: string): string {
  const s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) return s;
  const body = s.startsWith('.') ? s : `.${s}`;
  return `{${body}}`;
}

/** The values one `{path}` expression reaches (custom-columns and --sort-by use these). */
export function values(expr: string, data: unknown): unknown[] {
  const nodes = parseTemplate(expr);
  const out: unknown[] = [];
  for (const n of nodes) if (n.t === 'expr') out.push(...evaluate(n.path, data));
  return out;
}
