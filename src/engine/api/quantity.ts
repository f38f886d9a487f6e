/**
 * resource.Quantity, parsed exactly: "500m", "1.5", "128Mi", "1G", "1e3".
 * Values are kept as integer milli-units (cpu) or whole units (bytes) via BigInt-free
 * arithmetic on the decimal string, so 0.1 + 0.2 problems never appear.
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY_RE = /^([+-]?[0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/;

/** apimachinery's message for a string that is not a quantity. */
export const QUANTITY_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export interface Quantity {
  /** the value × 1000, rounded up to an integer (what the scheduler compares for cpu) */
  milli: number;
  /** the value rounded up to a whole unit (bytes for memory) */
  value: number;
}

/** Parses a quantity; returns undefined when the text is not one. */
export function parseQuantity(input: string | number): Quantity | undefined {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return undefined;
    return { milli: Math.ceil(round9(input * 1000)), value: Math.ceil(round9(input)) };
  }
  const s = input.trim();
  const m = QUANTITY_RE.exec(s);
  if (!m) return undefined;
  const [, num, suffix = ''] = m;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) return undefined;
  let exp10 = 0;
  let mult = 1;
  if (suffix in BINARY) mult = BINARY[suffix];
  else if (suffix in DECIMAL) exp10 = DECIMAL[suffix];
  else if (/^[eE]/.test(suffix)) exp10 = Number(suffix.slice(1));
  else return undefined;
  const milli = scaleDecimal(num, exp10 + 3) * mult;
  const value = scaleDecimal(num, exp10) * mult;
  if (!Number.isFinite(milli) || !Number.isFinite(value)) return undefined;
  return { milli: Math.ceil(round9(milli)), value: Math.ceil(round9(value)) };
}

/** num × 10^exp computed on the digit string, so "1.5" × 10^3 is exactly 1500. */
function scaleDecimal(num: string, exp: number): number {
  const neg = num.startsWith('-');
  const digits = num.replace(/^[+-]/, '');
  const [intPart, frac = ''] = digits.split('.');
  let all = (intPart || '0') + frac;
  let point = (intPart || '0').length + exp;
  if (point > all.length) all = all.padEnd(point, '0');
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  const whole = all.slice(0, point) || '0';
  const rest = all.slice(point);
  const n = Number(`${whole}.${rest || '0'}`);
  return neg ? -n : n;
}

function round9(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** CPU in millicores ("500m" → 500, "1.5" → 1500); 0 when absent or invalid. */
export function cpuMilli(q: string | number | undefined): number {
  if (q === undefined) return 0;
  return parseQuantity(q)?.milli ?? 0;
}

/** Memory (or any byte quantity) in bytes; 0 when absent or invalid. */
export function bytes(q: string | number | undefined): number {
  if (q === undefined) return 0;
  return parseQuantity(q)?.value ?? 0;
}

/** Formats millicores the way kubectl describe prints them ("250m", "2"). */
export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats bytes with the largest binary suffix that divides them exactly ("128Mi"). */
export function formatBytes(n: number): string {
  if (n === 0) return '0';
  for (const s of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const) {
    if (n % BINARY[s] === 0) return `${n / BINARY[s]}${s}`;
  }
  return String(n);
}

/**
 * A quantity held exactly, as resource.Quantity does: the value in nano-units (10^-9,
 * the finest scale a Quantity keeps; anything finer rounds up) plus the format its
 * suffix chose, which decides how String() writes it back.
 */
export interface ExactQuantity {
  nano: bigint;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const NANO = 10n ** 9n;

/** Parses like resource.ParseQuantity; undefined when the text is not a quantity. */
export function parseExactQuantity(input: string | number): ExactQuantity | undefined {
  const s = typeof input === 'number' ? numberText(input) : input.trim();
  if (s === undefined) return undefined;
  const m = QUANTITY_RE.exec(s);
  if (!m) return undefined;
  const [, num, suffix = ''] = m;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) return undefined;
  const neg = num.startsWith('-');
  const [intPart, frac = ''] = num.replace(/^[+-]/, '').split('.');
  let mantissa = BigInt((intPart || '0') + frac);
  let exp10 = -frac.length + 9;
  let format: ExactQuantity['format'] = 'DecimalSI';
  if (suffix in BINARY) {
    mantissa *= BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else if (suffix in DECIMAL) exp10 += DECIMAL[suffix];
  else {
    exp10 += Number(suffix.slice(1));
    format = 'DecimalExponent';
  }
  // Guard absurd exponents ("1e999999") before BigInt tries to build them.
  if (exp10 > 400) return undefined;
  let nano: bigint;
  if (exp10 >= 0) nano = mantissa * 10n ** BigInt(exp10);
  else {
    const div = 10n ** BigInt(-exp10);
    nano = mantissa / div + (mantissa % div === 0n ? 0n : 1n); // rounds up, as Quantity does
  }
  return { nano: neg ? -nano : nano, format };
}

/** JSON numbers reach the Quantity decoder as their text ("1.5", "2"). */
function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantity(a: ExactQuantity, b: ExactQuantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

const DECIMAL_SUFFIXES: [number, string][] = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
  [-3, 'm'],
  [-6, 'u'],
  [-9, 'n'],
];
const BINARY_SUFFIXES: [bigint, string][] = [
  [2n ** 60n, 'Ei'],
  [2n ** 50n, 'Pi'],
  [2n ** 40n, 'Ti'],
  [2n ** 30n, 'Gi'],
  [2n ** 20n, 'Mi'],
  [2n ** 10n, 'Ki'],
];

/**
 * Quantity.String(): the canonical form the API server writes back and quotes in
 * messages ("0.5" → "500m", "1000m" → "1", "1536Mi" stays, "0.5Gi" → "512Mi").
 */
export function formatQuantity(q: ExactQuantity): string {
  const sign = q.nano < 0n ? '-' : '';
  const abs = q.nano < 0n ? -q.nano : q.nano;
  if (abs === 0n) return '0';
  // BinarySI falls back to DecimalSI below 1024 and for fractional values.
  if (q.format === 'BinarySI' && abs >= 1024n * NANO && abs % NANO === 0n) {
    const whole = abs / NANO;
    for (const [unit, suffix] of BINARY_SUFFIXES) {
      if (whole % unit === 0n) return `${sign}${whole / unit}${suffix}`;
    }
    return `${sign}${whole}`;
  }
  for (const [exp, suffix] of DECIMAL_SUFFIXES) {
    const unit = 10n ** BigInt(exp + 9);
    if (abs % unit === 0n) {
      const mantissa = abs / unit;
      if (q.format === 'DecimalExponent') return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
      return `${sign}${mantissa}${suffix}`;
    }
  }
  return `${sign}${abs}n`;
}

/** The canonical text of a quantity, or undefined when it is not one. */
export function canonicalQuantity(input: string | number): string | undefined {
  const q = parseExactQuantity(input);
  return q ? formatQuantity(q) : undefined;
}
