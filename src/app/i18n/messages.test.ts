import { describe, expect, it } from 'vitest';
import { initialLocale } from './locale';
import { defineMessages, plural, translate } from './messages';

const catalog = defineMessages({
  en: { hello: 'Hello, {name}', pods: (p) => plural(Number(p.n), 'pod', 'pods'), raw: 'kept {missing}' },
  ko: { hello: '안녕하세요, {name}님', pods: (p) => `파드 ${p.n}개`, raw: '{missing} 유지' },
});

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate(catalog, 'en', 'hello', { name: 'Ana' })).toBe('Hello, Ana');
    expect(translate(catalog, 'ko', 'hello', { name: 'Ana' })).toBe('안녕하세요, Ana님');
  });

  it('calls function messages with their parameters (English plurals)', () => {
    expect(translate(catalog, 'en', 'pods', { n: 1 })).toBe('1 pod');
    expect(translate(catalog, 'en', 'pods', { n: 3 })).toBe('3 pods');
    expect(translate(catalog, 'ko', 'pods', { n: 3 })).toBe('파드 3개');
  });

  it('leaves an unknown placeholder visible instead of printing "undefined"', () => {
    expect(translate(catalog, 'en', 'raw')).toBe('kept {missing}');
  });
});

describe('initialLocale', () => {
  it('prefers the saved choice', () => {
    expect(initialLocale('ko', ['en-US'])).toBe('ko');
  });
  it('takes the first browser language we speak', () => {
    expect(initialLocale(null, ['fr-FR', 'ko-KR', 'en'])).toBe('ko');
    expect(initialLocale(undefined, ['en-GB'])).toBe('en');
  });
  it('ignores a saved value that is not a locale and falls back to English', () => {
    expect(initialLocale('xx', ['de'])).toBe('en');
  });
});
