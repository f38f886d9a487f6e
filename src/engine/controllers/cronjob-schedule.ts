/**
 * Cron schedules as the CronJob controller reads them: robfig/cron v3's ParseStandard
 * (five fields, the @yearly…@hourly descriptors, `@every <duration>`, an optional
 * `TZ=`/`CRON_TZ=` prefix) with its error texts. The fields are checked here, in
 * robfig's order and words; finding the next matching instant is croner's job.
 *
 * Two robfig rules shape what croner is given:
 * - a field robfig marks as "star" (`*`, `?`, `*\/1`) is passed as `*`, so croner
 *   applies the same day-of-month OR day-of-week rule (OR only when neither is a star);
 * - every other field is passed as the explicit list robfig computed, so croner's own
 *   extensions (L, W, #, 7 for Sunday) never come into play.
 *
 * Daylight saving follows robfig v3.0.1 too: a wall time that does not exist (the
 * spring-forward gap) is skipped, and one that happens twice (fall back) fires twice.
 * croner moves the first to the end of the gap and fires the second once; `next`
 * corrects both.
 *
 * Times are absolute Unix milliseconds. croner is always handed the start instant and a
 * time zone, so it never reads the host's clock or zone.
 */
import { Cron } from 'croner';

export interface Schedule {
  /** The first activation strictly after `ms`, or null when there is none (e.g. Feb 31). */
  next(ms: number): number | null;
}

export type ParseResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DOW_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DOW_NAMES.map((n, i) => [n, i])) },
];

/** robfig's descriptors, as the five fields they stand for. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** One parsed field: the values it allows, and whether robfig sets its star bit. */
interface Field {
  values: Set<number>;
  star: boolean;
}

/** cron.ParseStandard(spec). */
export function parseStandard(spec: string): ParseResult {
  if (spec.length === 0) return { ok: false, error: 'empty spec string' };
  let zone = 'UTC';
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    const name = rest.slice(rest.indexOf('=') + 1, space < 0 ? undefined : space);
    const loc = loadLocation(name);
    if (!loc.ok) return { ok: false, error: `provided bad location ${name}: ${loc.error}` };
    zone = loc.zone;
    rest = space < 0 ? '' : rest.slice(space).trim();
  }
  if (rest.startsWith('@')) {
    const every = '@every ';
    if (rest.startsWith(every)) {
      const d = parseGoDuration(rest.slice(every.length));
      if (!d.ok) return { ok: false, error: `failed to parse duration ${rest}: ${d.error}` };
      return { ok: true, schedule: constantDelay(d.ms) };
    }
    const fields = DESCRIPTORS[rest];
    if (!fields) return { ok: false, error: `unrecognized descriptor: ${rest}` };
    rest = fields;
  }
  const parts = rest.split(/\s+/).filter((p) => p !== '');
  if (parts.length !== 5) {
    return { ok: false, error: `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]` };
  }
  const parsed: Field[] = [];
  for (let i = 0; i < 5; i++) {
    const f = parseField(parts[i], FIELDS[i]);
    if (typeof f === 'string') return { ok: false, error: f };
    parsed.push(f);
  }
  return { ok: true, schedule: specSchedule(parsed, zone) };
}

/** getField: a comma-separated list of ranges, OR-ed together. */
function parseField(field: string, b: Bounds): Field | string {
  const out: Field = { values: new Set(), star: false };
  for (const expr of field.split(',').filter((e) => e !== '')) {
    const r = parseRange(expr, b);
    if (typeof r === 'string') return r;
    for (const v of r.values) out.values.add(v);
    out.star ||= r.star;
  }
  return out;
}

/** getRange: `number | number "-" number [ "/" number ]`, with robfig's checks in its order. */
function parseRange(expr: string, b: Bounds): Field | string {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    const s = parseIntOrName(lowAndHigh[0], b.names);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], b.names);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = atoi(rangeAndStep[1]);
    if (typeof s === 'string') return s;
    step = s;
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  const values = new Set<number>();
  for (let v = start; v <= end; v += step) values.add(v);
  return { values, star };
}

function parseIntOrName(expr: string, names?: Record<string, number>): number | string {
  const named = names?.[expr.toLowerCase()];
  return named ?? atoi(expr);
}

/** mustParseInt: strconv.Atoi, then no negatives. */
function atoi(expr: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) {
    return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`;
  }
  const n = Number(expr);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63 - 1) {
    return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`;
  }
  if (n < 0) return `negative number (${n}) not allowed: ${expr}`;
  return n;
}

/** A pattern croner reads exactly as robfig meant it. */
function cronerPattern(fields: Field[]): string {
  return fields.map((f) => (f.star ? '*' : [...f.values].sort((a, b) => a - b).join(','))).join(' ');
}

function specSchedule(fields: Field[], zone: string): Schedule {
  const cron = new Cron(cronerPattern(fields), { timezone: zone, mode: '5-part', legacyMode: true });
  const [minute, hour, dom, month, dow] = fields;
  const matches = (ms: number): boolean => {
    const w = wallClock(ms, zone);
    if (!minute.values.has(w.minute) || !hour.values.has(w.hour) || !month.values.has(w.month)) return false;
    const d = dom.values.has(w.day);
    const wd = dow.values.has(w.weekday);
    // dayMatches: a star on either side makes both must-match, else either will do.
    return dom.star || dow.star ? d && wd : d || wd;
  };
  const cronerNext = (ms: number): number | null => cron.nextRun(new Date(ms))?.getTime() ?? null;
  return {
    next(from) {
      const repeat = fallBackWindow(from, zone);
      let c = cronerNext(from);
      // croner maps a repeated wall time to its first instant, which may lie before `from`.
      if (c !== null && c <= from) c = cronerNext(repeat ? repeat.end - 1000 : from + HOUR_MS);
      // A wall time in the spring-forward gap: croner runs it at the end of the gap, robfig never.
      for (let guard = 0; c !== null && !matches(c) && guard < 1000; guard++) c = cronerNext(c);
      if (c !== null && !matches(c)) c = null;
      // The second pass of a repeated hour, which croner does not visit.
      if (repeat) {
        const start = Math.max(repeat.start, Math.floor(from / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
        for (let t = start; t < repeat.end && (c === null || t < c); t += MINUTE_MS) {
          if (t > from && matches(t)) return t;
        }
      }
      return c;
    },
  };
}

/** ConstantDelaySchedule (robfig Every): at least a second, whole seconds, from the second of `t`. */
function constantDelay(ms: number): Schedule {
  const delay = ms < 1000 ? 1000 : ms - (ms % 1000);
  return { next: (t) => t - (((t % 1000) + 1000) % 1000) + delay };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * When `from` lies near a fall-back transition: the instants [start, end) whose wall
 * times repeat those of the hour before. Offsets are compared two hours either side.
 */
function fallBackWindow(from: number, zone: string): { start: number; end: number } | undefined {
  const before = offsetMinutes(from - 2 * HOUR_MS, zone);
  const after = offsetMinutes(from + 2 * HOUR_MS, zone);
  if (after >= before) return undefined;
  // Binary search the transition to the minute.
  let lo = from - 2 * HOUR_MS;
  let hi = from + 2 * HOUR_MS;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMinutes(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return { start: hi, end: hi + (before - after) * MINUTE_MS };
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at instant `ms`. */
export function wallClock(ms: number, zone: string): WallClock {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second, weekday };
}

/** The zone's offset from UTC at `ms`, in minutes (east positive). */
export function offsetMinutes(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / MINUTE_MS);
}

/** The instant formatted as Go's time.RFC3339 in `zone` (`Z` for UTC, else `±hh:mm`). */
export function formatRFC3339(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  const off = offsetMinutes(ms, zone);
  const pad = (n: number, l = 2) => String(n).padStart(l, '0');
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  if (off === 0 && (zone === 'UTC' || zone === 'Etc/UTC')) return `${date}Z`;
  const sign = off < 0 ? '-' : '+';
  return `${date}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/**
 * time.LoadLocation: "" and "UTC" are UTC, "Local" is the controller's own zone (UTC
 * here), anything else must be an IANA name. Go reads zoneinfo files, so names are
 * case-sensitive; Intl is not, so a name that differs from its canonical spelling only
 * in case is refused as Go would.
 */
export function loadLocation(name: string): { ok: true; zone: string } | { ok: false; error: string } {
  if (name === '' || name === 'UTC' || name === 'Local') return { ok: true, zone: 'UTC' };
  const unknown = { ok: false as const, error: `unknown time zone ${name}` };
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return unknown;
  }
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return unknown;
  return { ok: true, zone: name };
}

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: MINUTE_MS,
  h: HOUR_MS,
};

/** time.ParseDuration, in milliseconds, with Go's error texts. */
export function parseGoDuration(s: string): { ok: true; ms: number } | { ok: false; error: string } {
  const quoted = JSON.stringify(s);
  const invalid = { ok: false as const, error: `time: invalid duration ${quoted}` };
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, ms: 0 };
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(rest);
    const text = num ? num[0] : '';
    if (text === '' || text === '.') return invalid;
    rest = rest.slice(text.length);
    const unit = /^[^0-9.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${quoted}` };
    const scale = UNITS[unit];
    if (scale === undefined)
      return { ok: false, error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    rest = rest.slice(unit.length);
    total += Number(text) * scale;
  }
  return { ok: true, ms: sign * total };
}
