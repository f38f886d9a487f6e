// Mirrors robfig/cron v3.0.1 (the version kubernetes vendors): parser_test.go and
// spec_test.go TestNext (including its daylight-saving rows), as read by cron.ParseStandard.
import { describe, expect, it } from 'vitest';
import { formatRFC3339, loadLocation, parseGoDuration, parseStandard, wallClock } from './cronjob-schedule';

function next(spec: string, from: string): string | null {
  const r = parseStandard(spec);
  if (!r.ok) throw new Error(r.error);
  const n = r.schedule.next(Date.parse(from));
  return n === null ? null : new Date(n).toISOString().replace('.000Z', 'Z');
}

function error(spec: string): string {
  const r = parseStandard(spec);
  return r.ok ? '' : r.error;
}

describe('parseStandard: errors as robfig words them', () => {
  it.each([
    ['obvious error schedule', 'expected exactly 5 fields, found 3: [obvious error schedule]'],
    ['0 * * * * *', 'expected exactly 5 fields, found 6: [0 * * * * *]'],
    ['', 'empty spec string'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['* * * * L', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every x', 'failed to parse duration @every x: time: invalid duration "x"'],
    ['TZ=Mars/Base 0 * * * *', 'provided bad location Mars/Base: unknown time zone Mars/Base'],
  ])('%j → %s', (spec, msg) => {
    expect(error(spec)).toBe(msg);
  });

  it.each([
    '0 * * * ?',
    '*/5 * * * *',
    '0 0 1 jan *',
    '0 9 * * MON-FRI',
    '@hourly',
    '@every 1h30m',
    'CRON_TZ=UTC @daily',
  ])('accepts %j', (spec) => {
    expect(error(spec)).toBe('');
  });
});

describe('next activation (spec_test.go TestNext)', () => {
  it.each([
    ['*/1 * * * *', '2012-07-09T14:45:30Z', '2012-07-09T14:46:00Z'],
    ['0 * * * ?', '2016-05-19T09:59:00Z', '2016-05-19T10:00:00Z'],
    ['0 * * * ?', '2016-05-19T10:00:00Z', '2016-05-19T11:00:00Z'],
    ['20-35/15 * 9-20 Jul *', '2012-07-09T23:35:51Z', '2012-07-10T00:20:00Z'],
    // wrap around months and years
    ['0 0 9 Apr-Oct ?', '2012-07-09T23:35:00Z', '2012-08-09T00:00:00Z'],
    ['0 0 * Feb Mon', '2012-07-09T23:35:00Z', '2013-02-04T00:00:00Z'],
    ['0 0 * Feb Mon/2', '2012-07-09T23:35:00Z', '2013-02-01T00:00:00Z'],
    ['* * * * *', '2012-12-31T23:59:45Z', '2013-01-01T00:00:00Z'],
    // leap year
    ['0 0 29 Feb ?', '2012-07-09T23:35:00Z', '2016-02-29T00:00:00Z'],
    // day of month OR day of week when both are restricted; AND when one is a star
    ['0 0 */5 Apr,Aug,Oct Mon', '2012-07-09T23:35:00Z', '2012-08-01T00:00:00Z'],
    ['0 0 */5 Oct Mon', '2012-07-09T23:35:00Z', '2012-10-01T00:00:00Z'],
    ['0 0 ? * Mon', '2012-07-10T00:00:00Z', '2012-07-16T00:00:00Z'],
    ['0 0 13 * ?', '2012-07-10T00:00:00Z', '2012-07-13T00:00:00Z'],
    // descriptors
    ['@hourly', '2016-05-19T09:59:00Z', '2016-05-19T10:00:00Z'],
    ['@daily', '2016-05-19T09:59:00Z', '2016-05-20T00:00:00Z'],
    ['@weekly', '2016-05-19T09:59:00Z', '2016-05-22T00:00:00Z'],
    ['@monthly', '2016-05-19T09:59:00Z', '2016-06-01T00:00:00Z'],
    ['@yearly', '2016-05-19T09:59:00Z', '2017-01-01T00:00:00Z'],
    // @every: a constant delay from the start of the second
    ['@every 1h', '2016-05-19T08:59:00.500Z', '2016-05-19T09:59:00Z'],
    ['@every 90s', '2016-05-19T08:59:00Z', '2016-05-19T09:00:30Z'],
    ['@every 10ms', '2016-05-19T08:59:00Z', '2016-05-19T08:59:01Z'],
  ])('%s after %s is %s', (spec, from, want) => {
    expect(next(spec, from)).toBe(want);
  });

  it('a date that never comes (Feb 31) has no next time', () => {
    expect(next('59 23 31 2 *', '2016-05-19T00:00:00Z')).toBeNull();
  });
});

describe('time zones and daylight saving (robfig v3.0.1 rows, America/New_York)', () => {
  const ny = 'TZ=America/New_York';
  it.each([
    // 2am EST -> 3am EDT on 11 March 2012: 2:30 does not exist that day, so it waits a year
    [`${ny} 30 2 11 Mar ?`, '2012-03-11T00:00:00-05:00', '2013-03-11T06:30:00Z'],
    // hourly job across the gap
    [`${ny} 0 * * * ?`, '2012-03-11T00:00:00-05:00', '2012-03-11T06:00:00Z'],
    [`${ny} 0 * * * ?`, '2012-03-11T01:00:00-05:00', '2012-03-11T07:00:00Z'],
    [`${ny} 0 * * * ?`, '2012-03-11T03:00:00-04:00', '2012-03-11T08:00:00Z'],
    // 1am nightly job, and the 2am one that is skipped on the change day
    [`${ny} 0 1 * * ?`, '2012-03-11T01:00:00-05:00', '2012-03-12T05:00:00Z'],
    [`${ny} 0 2 * * ?`, '2012-03-11T00:00:00-05:00', '2012-03-12T06:00:00Z'],
    // 2am EDT -> 1am EST on 4 November 2012: 1:30 happens twice and runs twice
    [`${ny} 30 2 04 Nov ?`, '2012-11-04T00:00:00-04:00', '2012-11-04T07:30:00Z'],
    [`${ny} 30 1 04 Nov ?`, '2012-11-04T00:00:00-04:00', '2012-11-04T05:30:00Z'],
    [`${ny} 30 1 04 Nov ?`, '2012-11-04T01:45:00-04:00', '2012-11-04T06:30:00Z'],
    // hourly job across the repeated hour: 1am EDT, 1am EST, 2am EST
    [`${ny} 0 * * * ?`, '2012-11-04T00:00:00-04:00', '2012-11-04T05:00:00Z'],
    [`${ny} 0 * * * ?`, '2012-11-04T01:00:00-04:00', '2012-11-04T06:00:00Z'],
    [`${ny} 0 * * * ?`, '2012-11-04T01:00:00-05:00', '2012-11-04T07:00:00Z'],
    // a zone east of UTC
    ['CRON_TZ=Asia/Tokyo 0 9 * * *', '2016-05-19T00:00:00Z', '2016-05-20T00:00:00Z'],
  ])('%s after %s is %s', (spec, from, want) => {
    expect(next(spec, from)).toBe(want);
  });
});

describe('helpers', () => {
  it('loadLocation follows time.LoadLocation', () => {
    expect(loadLocation('America/New_York')).toEqual({ ok: true, zone: 'America/New_York' });
    expect(loadLocation('')).toEqual({ ok: true, zone: 'UTC' });
    expect(loadLocation('Mars/Base')).toEqual({ ok: false, error: 'unknown time zone Mars/Base' });
    expect(loadLocation('bad timezone')).toEqual({ ok: false, error: 'unknown time zone bad timezone' });
    // zoneinfo file names are case-sensitive
    expect(loadLocation('america/new_york').ok).toBe(false);
  });

  it('formats RFC 3339 in the zone, as the scheduled-timestamp annotation does', () => {
    const t = Date.parse('2016-05-19T10:00:00Z');
    expect(formatRFC3339(t, 'UTC')).toBe('2016-05-19T10:00:00Z');
    expect(formatRFC3339(t, 'America/New_York')).toBe('2016-05-19T06:00:00-04:00');
    expect(formatRFC3339(t, 'Asia/Kolkata')).toBe('2016-05-19T15:30:00+05:30');
  });

  it('reads the wall clock of a zone', () => {
    expect(wallClock(Date.parse('2016-05-22T03:30:00Z'), 'America/New_York')).toEqual({
      year: 2016,
      month: 5,
      day: 21,
      hour: 23,
      minute: 30,
      second: 0,
      weekday: 6,
    });
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('1h30m')).toEqual({ ok: true, ms: 5_400_000 });
    expect(parseGoDuration('1.5h')).toEqual({ ok: true, ms: 5_400_000 });
    expect(parseGoDuration('10')).toEqual({ ok: false, error: 'time: missing unit in duration "10"' });
    expect(parseGoDuration('')).toEqual({ ok: false, error: 'time: invalid duration ""' });
  });
});
