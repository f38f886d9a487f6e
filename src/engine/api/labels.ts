/**
 * Label selectors, as k8s.io/apimachinery/pkg/labels does them: the string form kubectl
 * takes with -l ("app=web,tier!=db,env in (a,b),!canary") and the LabelSelector objects
 * of workloads (matchLabels + matchExpressions). Both become one Selector.
 */

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A parsed selector: every requirement must hold. `nothing` matches no object at all. */
export interface Selector {
  requirements: Requirement[];
  nothing?: boolean;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export class SelectorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorParseError';
  }
}

export const EVERYTHING: Selector = { requirements: [] };
export const NOTHING: Selector = { requirements: [], nothing: true };

/** Does the label set satisfy the selector? */
export function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  if (selector.nothing) return false;
  const l = labels ?? {};
  return selector.requirements.every((r) => requirementMatches(r, l));
}

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
  }
}

/** labels.Parse: the -l / --selector syntax. Throws SelectorParseError. */
export function parseSelector(input: string): Selector {
  const s = input.trim();
  if (s === '') return EVERYTHING;
  const requirements: Requirement[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readIdent = (): string => {
    skipSpace();
    const start = i;
    while (i < s.length && !' ,=!()'.includes(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipSpace();
    let negated = false;
    if (s[i] === '!') {
      negated = true;
      i++;
    }
    const key = readIdent();
    if (!key) throw new SelectorParseError(`unable to parse requirement: found '${s[i] ?? ''}', expected: identifier`);
    checkKey(key);
    skipSpace();
    if (negated) {
      requirements.push({ key, operator: '!', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      requirements.push({ key, operator: 'exists', values: [] });
    } else if (s.startsWith('==', i) || s.startsWith('!=', i) || s[i] === '=') {
      const op: Operator = s.startsWith('==', i) ? '==' : s.startsWith('!=', i) ? '!=' : '=';
      i += op.length;
      const value = readIdent();
      checkValue(value);
      requirements.push({ key, operator: op, values: [value] });
    } else {
      const word = readIdent();
      if (word !== 'in' && word !== 'notin') {
        throw new SelectorParseError(
          `unable to parse requirement: found '${word}', expected: in, notin, =, ==, !=, gt, lt`,
        );
      }
      skipSpace();
      if (s[i] !== '(')
        throw new SelectorParseError(`unable to parse requirement: found '${s[i] ?? ''}', expected: '('`);
      i++;
      const values: string[] = [];
      for (;;) {
        const v = readIdent();
        checkValue(v);
        values.push(v);
        skipSpace();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        throw new SelectorParseError(`unable to parse requirement: found '${s[i] ?? ''}', expected: ',', ')'`);
      }
      requirements.push({ key, operator: word, values });
    }
    skipSpace();
    if (i < s.length) {
      if (s[i] !== ',') {
        throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      }
      i++;
    }
  }
  return { requirements };
}

function checkKey(key: string): void {
  const err = validateLabelKey(key);
  if (err) throw new SelectorParseError(`unable to parse requirement: ${err}`);
}

function checkValue(value: string): void {
  const err = validateLabelValue(value);
  if (err) throw new SelectorParseError(`unable to parse requirement: ${err}`);
}

/**
 * metav1.LabelSelectorAsSelector: a missing selector selects nothing, an empty one
 * selects everything.
 */
export function fromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls) return NOTHING;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) {
    requirements.push({ key, operator: '=', values: [String(value)] });
  }
  for (const e of ls.matchExpressions ?? []) {
    const op: Operator =
      e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    requirements.push({ key: e.key, operator: op, values: [...(e.values ?? [])] });
  }
  return { requirements };
}

/** labels.SelectorFromSet: a Service's spec.selector map (an empty map selects everything). */
export function fromSet(set: Record<string, string> | undefined): Selector {
  return {
    requirements: Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })),
  };
}

/** Selector.String(): requirements sorted by key, `in` values sorted. */
export function selectorString(selector: Selector): string {
  const reqs = [...selector.requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs
    .map((r) => {
      const values = [...r.values].sort();
      switch (r.operator) {
        case '=':
        case '==':
          return `${r.key}${r.operator}${values[0] ?? ''}`;
        case '!=':
          return `${r.key}!=${values[0] ?? ''}`;
        case 'in':
          return `${r.key} in (${values.join(',')})`;
        case 'notin':
          return `${r.key} notin (${values.join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        default:
          return r.key;
      }
    })
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, or "<none>". */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  const s = ls ? selectorString(fromLabelSelector(ls)) : '';
  return s === '' ? '<none>' : s;
}

/** labels.FormatLabels: "k=v,k2=v2" sorted by key, or "<none>". */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',');
}

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** validation.IsQualifiedName, phrased like apimachinery; undefined when the key is valid. */
export function validateLabelKey(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length > 2) {
    return `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;
  }
  if (parts.length === 2) {
    const [prefix, n] = parts;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) {
      return `prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
    }
    name = n;
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME_PART.test(name)) {
    return `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
  }
  return undefined;
}

/** validation.IsValidLabelValue; undefined when the value is valid. */
export function validateLabelValue(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE.test(value)) {
    return `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
  }
  return undefined;
}

/**
 * Does a workload's selector select its own pod template? (ValidatePodTemplateSpecForRC /
 * ForReplicaSet: an empty selector selects nothing here, as metav1.LabelSelectorAsSelector
 * of a nil selector does.)
 */
export function selectorMatchesTemplate(
  selector: LabelSelector | null | undefined,
  templateLabels: Record<string, string> | undefined,
): boolean {
  return matches(fromLabelSelector(selector), templateLabels);
}
