// Label selectors as k8s.io/apimachinery/pkg/labels parses and matches them
// (selector_test.go TestSelectorParse / TestSelectorMatches, LabelSelectorAsSelector).
import { describe, expect, it } from 'vitest';
import {
  formatLabelSelector,
  formatLabels,
  fromLabelSelector,
  fromSet,
  matches,
  parseSelector,
  SelectorParseError,
  selectorMatchesTemplate,
  selectorString,
} from './labels';

describe('parseSelector (kubectl -l)', () => {
  it.each([
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'web' }, true],
    ['app!=web', { app: 'api' }, true],
    ['app!=web', {}, true],
    ['app', { app: '' }, true],
    ['!canary', { canary: 'yes' }, false],
    ['env in (prod, staging)', { env: 'staging' }, true],
    ['env notin (prod)', { env: 'prod' }, false],
    ['app=web,tier=front', { app: 'web' }, false],
    ['', { anything: 'x' }, true],
  ])('%j against %j is %s', (sel, labels, ok) => {
    expect(matches(parseSelector(sel), labels)).toBe(ok);
  });

  it('rejects a bad operator with the parser message', () => {
    expect(() => parseSelector('env within (a)')).toThrow(SelectorParseError);
    expect(() => parseSelector('env within (a)')).toThrow(
      "unable to parse requirement: found 'within', expected: in, notin, =, ==, !=, gt, lt",
    );
  });

  it('rejects an invalid label value', () => {
    expect(() => parseSelector('app=-bad')).toThrow(
      /^unable to parse requirement: a valid label must be an empty string/,
    );
  });

  it('String() sorts requirements by key', () => {
    expect(selectorString(parseSelector('tier=front,app=web,env in (b,a)'))).toBe('app=web,env in (a,b),tier=front');
  });
});

describe('LabelSelector objects', () => {
  it('a missing selector selects nothing; an empty one selects everything', () => {
    expect(matches(fromLabelSelector(undefined), { a: 'b' })).toBe(false);
    expect(matches(fromLabelSelector({}), { a: 'b' })).toBe(true);
  });

  it('matchLabels and matchExpressions must all hold', () => {
    const sel = fromLabelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }],
    });
    expect(matches(sel, { app: 'web', tier: 'front' })).toBe(true);
    expect(matches(sel, { app: 'web', tier: 'back' })).toBe(false);
  });

  it('a workload selector must select its template labels (ValidatePodTemplateSpecForReplicaSet)', () => {
    expect(selectorMatchesTemplate({ matchLabels: { app: 'web' } }, { app: 'web', extra: 'x' })).toBe(true);
    expect(selectorMatchesTemplate({ matchLabels: { app: 'web' } }, { app: 'api' })).toBe(false);
  });

  it('a Service selector map with no keys selects everything (SelectorFromSet)', () => {
    expect(matches(fromSet({}), { a: 'b' })).toBe(true);
  });

  it('formats like kubectl describe', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector(undefined)).toBe('<none>');
  });
});
