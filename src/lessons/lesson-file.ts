/**
 * Reads lesson.yaml strictly: every key known, every value of the right type, every
 * mistake reported with its line and column, so a broken lesson fails the tests (and
 * the build's lesson check) pointing at the exact place.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { parseDuration } from './duration';
import { LESSON_LOCALES } from './locale';
import {
  type Action,
  type Check,
  type ClusterSetup,
  type Expectation,
  type Highlight,
  LessonError,
  type Localized,
} from './types';

export interface LessonFile {
  id: string;
  order: number;
  minutes: number;
  cluster: ClusterSetup;
  steps: StepFile[];
}

export interface StepFile {
  id: string;
  line: number;
  editor?: string;
  highlight?: Highlight;
  checks: Check[];
  solution: Action[];
  within: number;
}

type Path = (string | number)[];
type Json = Record<string, unknown>;

const DEFAULT_WITHIN_MS = 120_000;
const ID = /^[a-z0-9][a-z0-9-]*$/;

class Reader {
  private readonly counter = new LineCounter();
  readonly root: unknown;
  private readonly doc;

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.counter, prettyErrors: false });
    const err = this.doc.errors[0];
    if (err) {
      const pos = this.counter.linePos(err.pos[0]);
      throw new LessonError(file, pos.line, pos.col, err.message.split('\n')[0]);
    }
    this.root = this.doc.toJS();
  }

  fail(path: Path, detail: string): never {
    let node: unknown = this.keyNode(path) ?? this.doc.getIn(path, true);
    // A missing key points at its parent.
    for (let p = path.slice(0, -1); !node && p.length >= 0; p = p.slice(0, -1)) {
      node = p.length === 0 ? this.doc.contents : this.doc.getIn(p, true);
      if (p.length === 0) break;
    }
    const range = (node as Node | undefined)?.range;
    const pos = range ? this.counter.linePos(range[0]) : { line: 1, col: 1 };
    const where = path.length ? `${path.join('.')}: ` : '';
    throw new LessonError(this.file, pos.line, pos.col, `${where}${detail}`);
  }

  /** The key of a mapping entry, so "unknown field" points at the field's name. */
  private keyNode(path: Path): Node | undefined {
    const last = path[path.length - 1];
    if (typeof last !== 'string') return undefined;
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
    return isScalar(pair?.key) ? pair.key : undefined;
  }

  lineOf(path: Path): number {
    const node = this.doc.getIn(path, true) as Node | undefined;
    return node?.range ? this.counter.linePos(node.range[0]).line : 1;
  }

  isMapAt(path: Path): boolean {
    const node = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    return isMap(node);
  }

  isSeqAt(path: Path): boolean {
    return isSeq(this.doc.getIn(path, true));
  }
}

function get(obj: unknown, path: Path): unknown {
  let v = obj;
  for (const p of path) v = v && typeof v === 'object' ? (v as Json)[p as string] : undefined;
  return v;
}

function keysOnly(r: Reader, path: Path, allowed: string[]): Json {
  const v = get(r.root, path);
  if (!v || typeof v !== 'object' || Array.isArray(v)) r.fail(path, 'must be a mapping');
  for (const k of Object.keys(v as Json)) {
    if (!allowed.includes(k)) r.fail([...path, k], `unknown field (allowed: ${allowed.join(', ')})`);
  }
  return v as Json;
}

function str(r: Reader, path: Path, optional = false): string | undefined {
  const v = get(r.root, path);
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || v.trim() === '') r.fail(path, 'must be a non-empty string');
  return v as string;
}

function int(r: Reader, path: Path, min: number, max: number, fallback?: number): number {
  const v = get(r.root, path);
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    r.fail(path, `must be a whole number from ${min} to ${max}`);
  }
  return v as number;
}

function duration(r: Reader, path: Path, fallback: number): number {
  const v = get(r.root, path);
  if (v === undefined) return fallback;
  const ms = typeof v === 'string' ? parseDuration(v) : undefined;
  if (ms === undefined) r.fail(path, 'must be a duration like 30s, 2m or 1m30s');
  return ms as number;
}

function list(r: Reader, path: Path, optional = false): unknown[] {
  const v = get(r.root, path);
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) r.fail(path, 'must be a list');
  return v as unknown[];
}

function localized(r: Reader, path: Path): Localized {
  keysOnly(r, path, [...LESSON_LOCALES]);
  const out = {} as Localized;
  for (const l of LESSON_LOCALES) out[l] = str(r, [...path, l]) as string;
  return out;
}

const ACTIONS = ['apply', 'kubectl', 'killNode', 'deletePod', 'restoreNode', 'crashContainer', 'wait'];

function action(r: Reader, path: Path): Action {
  const v = keysOnly(r, path, ACTIONS);
  const keys = Object.keys(v);
  if (keys.length !== 1) r.fail(path, `an action has exactly one of: ${ACTIONS.join(', ')}`);
  const k = keys[0];
  if (k === 'wait') return { wait: duration(r, [...path, k], 0) };
  if (k === 'crashContainer') {
    keysOnly(r, [...path, k], ['pod', 'namespace', 'container']);
    const namespace = str(r, [...path, k, 'namespace'], true);
    const container = str(r, [...path, k, 'container'], true);
    return {
      crashContainer: {
        pod: str(r, [...path, k, 'pod']) as string,
        ...(namespace ? { namespace } : {}),
        ...(container ? { container } : {}),
      },
    };
  }
  const value = str(r, [...path, k]) as string;
  if (k === 'kubectl' && /^\s*kubectl\s/.test(value)) r.fail([...path, k], 'write the command without "kubectl"');
  return { [k]: value } as Action;
}

const EXPECTATIONS = ['equals', 'contains', 'matches', 'atLeast', 'atMost'] as const;

function check(r: Reader, path: Path): Check {
  const v = get(r.root, path) as Json;
  const label = localized(r, [...path, 'label']);
  const line = r.lineOf(path);
  if ('event' in (v ?? {})) {
    keysOnly(r, path, ['label', 'event']);
    const e = [...path, 'event'];
    keysOnly(r, e, ['reason', 'kind', 'name', 'type']);
    const type = str(r, [...e, 'type'], true);
    if (type !== undefined && type !== 'Normal' && type !== 'Warning')
      r.fail([...e, 'type'], 'must be Normal or Warning');
    const objectKind = str(r, [...e, 'kind'], true);
    const objectName = str(r, [...e, 'name'], true);
    return {
      kind: 'event',
      label,
      reason: str(r, [...e, 'reason']) as string,
      ...(objectKind ? { objectKind } : {}),
      ...(objectName ? { objectName } : {}),
      ...(type ? { type: type as 'Normal' | 'Warning' } : {}),
      line,
    };
  }
  keysOnly(r, path, ['label', 'kubectl', 'count', ...EXPECTATIONS]);
  const kubectl = str(r, [...path, 'kubectl']) as string;
  if (/^\s*kubectl\s/.test(kubectl)) r.fail([...path, 'kubectl'], 'write the command without "kubectl"');
  const given = EXPECTATIONS.filter((k) => k in v);
  if (given.length !== 1) r.fail(path, `a kubectl check has exactly one of: ${EXPECTATIONS.join(', ')}`);
  const k = given[0];
  let expect: Expectation;
  if (k === 'atLeast' || k === 'atMost') {
    expect = { [k]: int(r, [...path, k], 0, 1_000_000) } as Expectation;
  } else {
    const raw = get(r.root, [...path, k]);
    // `equals: 3` in YAML is a number; the output is text, so compare as text.
    const text = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : str(r, [...path, k]);
    if (k === 'matches') {
      try {
        new RegExp(text as string);
      } catch (e) {
        r.fail([...path, k], `not a regular expression: ${(e as Error).message}`);
      }
    }
    expect = { [k]: text } as Expectation;
  }
  const count = get(r.root, [...path, 'count']);
  if (count !== undefined && count !== 'lines') r.fail([...path, 'count'], 'the only count is "lines"');
  return { kind: 'kubectl', label, kubectl, ...(count ? { count: 'lines' as const } : {}), expect, line };
}

function highlight(r: Reader, path: Path): Highlight | undefined {
  if (get(r.root, path) === undefined) return undefined;
  keysOnly(r, path, ['kind', 'name', 'namespace']);
  const name = str(r, [...path, 'name'], true);
  const namespace = str(r, [...path, 'namespace'], true);
  return { kind: str(r, [...path, 'kind']) as string, ...(name ? { name } : {}), ...(namespace ? { namespace } : {}) };
}

function step(r: Reader, path: Path): StepFile {
  keysOnly(r, path, ['id', 'editor', 'highlight', 'checks', 'solution', 'within']);
  const id = str(r, [...path, 'id']) as string;
  if (!ID.test(id)) r.fail([...path, 'id'], 'must be lower-case letters, digits and dashes');
  const checks = list(r, [...path, 'checks']).map((_, i) => check(r, [...path, 'checks', i]));
  if (checks.length === 0) r.fail([...path, 'checks'], 'a step needs at least one check');
  const solution = list(r, [...path, 'solution']).map((_, i) => action(r, [...path, 'solution', i]));
  const editor = str(r, [...path, 'editor'], true);
  const hl = highlight(r, [...path, 'highlight']);
  return {
    id,
    line: r.lineOf(path),
    ...(editor ? { editor } : {}),
    ...(hl ? { highlight: hl } : {}),
    checks,
    solution,
    within: duration(r, [...path, 'within'], DEFAULT_WITHIN_MS),
  };
}

function cluster(r: Reader, path: Path): ClusterSetup {
  if (get(r.root, path) === undefined) return { nodes: 3, seed: 1, speed: 1, setup: [] };
  keysOnly(r, path, ['nodes', 'seed', 'speed', 'timings', 'setup']);
  const timings = str(r, [...path, 'timings'], true);
  if (timings !== undefined && timings !== 'real' && timings !== 'fast')
    r.fail([...path, 'timings'], 'must be real or fast');
  const speed = get(r.root, [...path, 'speed']) ?? 1;
  if (typeof speed !== 'number' || speed < 0.25 || speed > 60) r.fail([...path, 'speed'], 'must be from 0.25 to 60');
  return {
    nodes: int(r, [...path, 'nodes'], 1, 20, 3),
    seed: int(r, [...path, 'seed'], 0, 2 ** 31, 1),
    speed: speed as number,
    ...(timings ? { timings: timings as 'real' | 'fast' } : {}),
    setup: list(r, [...path, 'setup'], true).map((_, i) => action(r, [...path, 'setup', i])),
  };
}

/** Parses and checks one lesson.yaml; throws LessonError at the first mistake. */
export function parseLessonFile(file: string, text: string): LessonFile {
  const r = new Reader(file, text);
  if (!r.isMapAt([])) r.fail([], 'a lesson file is a mapping (id, order, minutes, cluster, steps)');
  keysOnly(r, [], ['id', 'order', 'minutes', 'cluster', 'steps']);
  const id = str(r, ['id']) as string;
  if (!ID.test(id)) r.fail(['id'], 'must be lower-case letters, digits and dashes');
  const steps = list(r, ['steps']).map((_, i) => step(r, ['steps', i]));
  if (steps.length === 0) r.fail(['steps'], 'a lesson needs at least one step');
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (seen.has(s.id)) r.fail(['steps', i, 'id'], `step id "${s.id}" is used twice`);
    seen.add(s.id);
  });
  return {
    id,
    order: int(r, ['order'], 1, 999),
    minutes: int(r, ['minutes'], 1, 120),
    cluster: cluster(r, ['cluster']),
    steps,
  };
}
