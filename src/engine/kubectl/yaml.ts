/**
 * YAML exactly as `kubectl get -o yaml` writes it: sigs.k8s.io/yaml marshals through
 * JSON into go-yaml v2, whose emitter this follows — keys in go-yaml's natural order
 * (digit runs compare as numbers), lists not indented under their key, strings plain
 * when they can be, single-quoted when plain is not allowed, double-quoted when they
 * would read back as another type, literal blocks for multi-line text, and plain or
 * single-quoted text folded at a space once a line has passed column 80.
 */

const BEST_WIDTH = 80;
const INDENT = 2;

/** go-yaml v2's keyList.Less. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

const sortKeys = (keys: string[]) => keys.sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));

// Plain strings go-yaml's resolver would read as null, bool, int, float or timestamp.
const NON_STRING =
  /^(?:|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?)$/;

interface Analysis {
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
  multiline: boolean;
}

/** yaml_emitter_analyze_scalar, for block context. */
function analyze(s: string): Analysis {
  if (s === '') return { blockPlain: true, singleQuoted: true, block: false, multiline: false };
  let blockInd = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let prevSpace = false;
  let prevBreak = false;
  if (s.startsWith('---') || s.startsWith('...')) {
    blockInd = true;
  }
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const followedByWs = next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
    if (i === 0) {
      // Flow indicators matter only in flow context, which kubectl's output never uses.
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockInd = true;
      if ((c === '?' || c === ':') && followedByWs) blockInd = true;
      if (c === '-' && followedByWs) blockInd = true;
    } else {
      if (c === ':' && followedByWs) blockInd = true;
      if (c === '#' && precededByWs) blockInd = true;
    }
    const code = c.codePointAt(0) ?? 0;
    const printable =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0x7e) ||
      code === 0x85 ||
      (code >= 0xa0 && code !== 0xfeff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff);
    if (!printable) special = true;
    const isBreak = c === '\n' || c === '\r';
    if (isBreak) lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = c === ' ' || c === '\t' || isBreak;
  }
  const a: Analysis = { blockPlain: true, singleQuoted: true, block: true, multiline: lineBreaks };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) {
    a.blockPlain = false;
    a.singleQuoted = false;
  }
  if (spaceBreak || special) {
    a.blockPlain = false;
    a.singleQuoted = false;
    a.block = false;
  }
  if (lineBreaks) a.blockPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

class Writer {
  out = '';
  column = 0;
  write(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? [...s.slice(nl + 1)].length : this.column + [...s].length;
  }
  newline(indent: number): void {
    this.out += `\n${' '.repeat(indent)}`;
    this.column = indent;
  }
}

type Style = 'plain' | 'single' | 'double';

/** One character of a double-quoted scalar, escaped as go-yaml does (tabs stay as they are). */
function escapeDouble(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (c === '"') return '\\"';
  if (c === '\\') return '\\\\';
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return c;
  if (code === 0) return '\\0';
  if (code === 0xfeff) return '\\uFEFF';
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  return c;
}

/**
 * Writes a flow scalar, breaking at a space once the line has passed column 80
 * (yaml_emitter_write_plain_scalar / _single_quoted / _double_quoted).
 */
function writeFolded(w: Writer, s: string, indent: number, style: Style): void {
  const quote = style === 'single' ? "'" : style === 'double' ? '"' : '';
  w.write(quote);
  const chars = [...s];
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === ' ') {
      const inner = style === 'plain' || (i !== 0 && i !== chars.length - 1);
      const nextSpace = chars[i + 1] === ' ';
      if (inner && !spaces && w.column > BEST_WIDTH && (style === 'double' || !nextSpace)) {
        w.newline(indent);
        if (style === 'double' && nextSpace) w.write('\\');
      } else w.write(' ');
      spaces = true;
    } else {
      w.write(style === 'single' && c === "'" ? "''" : style === 'double' ? escapeDouble(c) : c);
      spaces = false;
    }
  }
  w.write(quote);
}

/** A string scalar after `key: ` (or `- `); `indent` is where continuation lines start. */
function writeString(w: Writer, s: string, indent: number, isKey: boolean): void {
  const a = analyze(s);
  const resolvesElsewhere = NON_STRING.test(s);
  if (a.multiline && !isKey) {
    if (a.block) {
      const chomp = !s.endsWith('\n') ? '-' : s.endsWith('\n\n') ? '+' : '';
      const hint = s.startsWith(' ') || s.startsWith('\n') ? String(INDENT) : '';
      w.write(`|${hint}${chomp}`);
      const body = s.endsWith('\n') ? s.slice(0, -1) : s;
      for (const line of body.split('\n')) {
        if (line === '') {
          w.out += '\n';
          w.column = 0;
        } else w.newline(indent);
        if (line !== '') w.write(line);
      }
      return;
    }
    writeFolded(w, s, indent, 'double');
    return;
  }
  if (resolvesElsewhere) {
    if (isKey) w.write(`"${[...s].map(escapeDouble).join('')}"`);
    else writeFolded(w, s, indent, 'double');
    return;
  }
  if (a.blockPlain && !(s === '' && isKey)) {
    if (isKey) w.write(s);
    else writeFolded(w, s, indent, 'plain');
    return;
  }
  if (a.singleQuoted) {
    if (isKey) w.write(`'${s.replace(/'/g, "''")}'`);
    else writeFolded(w, s, indent, 'single');
    return;
  }
  if (isKey) w.write(`"${[...s].map(escapeDouble).join('')}"`);
  else writeFolded(w, s, indent, 'double');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '+.inf' : v < 0 ? '-.inf' : '.nan';
  return undefined;
}

function isEmptyCollection(v: unknown): boolean {
  return (
    (Array.isArray(v) && v.length === 0) ||
    (isObject(v) && Object.keys(v).filter((k) => v[k] !== undefined).length === 0)
  );
}

/** Writes a value that follows `key:` or `-`, on the same line when it is a scalar. */
function writeValue(w: Writer, v: unknown, indent: number, inSeq: boolean): void {
  if (typeof v === 'string') {
    w.write(' ');
    writeString(w, v, indent + INDENT, false);
    return;
  }
  const scalar = scalarText(v);
  if (scalar !== undefined) {
    w.write(` ${scalar}`);
    return;
  }
  if (isEmptyCollection(v)) {
    w.write(Array.isArray(v) ? ' []' : ' {}');
    return;
  }
  if (Array.isArray(v)) {
    // A list under a key starts at the key's own indent; inside a list it nests.
    const childIndent = inSeq ? indent + INDENT : indent;
    if (inSeq) {
      w.write(' ');
      writeSeq(w, v, childIndent, true);
    } else {
      w.newline(childIndent);
      writeSeq(w, v, childIndent, true);
    }
    return;
  }
  if (inSeq) {
    w.write(' ');
    writeMap(w, v as Record<string, unknown>, indent + INDENT, true);
  } else {
    w.newline(indent + INDENT);
    writeMap(w, v as Record<string, unknown>, indent + INDENT, true);
  }
}

function writeMap(w: Writer, m: Record<string, unknown>, indent: number, first: boolean): void {
  const keys = sortKeys(Object.keys(m).filter((k) => m[k] !== undefined));
  keys.forEach((k, i) => {
    if (i > 0 || !first) w.newline(indent);
    writeString(w, k, indent + INDENT, true);
    w.write(':');
    writeValue(w, m[k], indent, false);
  });
}

function writeSeq(w: Writer, list: unknown[], indent: number, first: boolean): void {
  list.forEach((item, i) => {
    if (i > 0 || !first) w.newline(indent);
    w.write('-');
    writeValue(w, item === undefined ? null : item, indent, true);
  });
}

export function toYaml(value: unknown): string {
  const w = new Writer();
  if (isObject(value) && !isEmptyCollection(value)) writeMap(w, value, 0, true);
  else if (Array.isArray(value) && value.length > 0) writeSeq(w, value, 0, true);
  else if (typeof value === 'string') writeString(w, value, INDENT, false);
  else if (isEmptyCollection(value)) w.write(Array.isArray(value) ? '[]' : '{}');
  else w.write(scalarText(value) ?? '');
  return `${w.out}\n`;
}
