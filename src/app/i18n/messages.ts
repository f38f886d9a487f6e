/**
 * UI text in both languages, one catalog per part of the page, kept beside the
 * component that shows it (`Header.messages.ts`). The Korean table must have every
 * key the English one has — the type checker refuses a catalog with a missing
 * translation. A message is a string with `{name}` placeholders, or a function of
 * its parameters where the wording depends on them (English plurals).
 */
import { useCallback } from 'react';
import { type Locale, useLocaleStore } from './locale';

export type Params = Record<string, string | number>;
export type Message = string | ((params: Params) => string);
export type Catalog<K extends string> = Record<Locale, Record<K, Message>>;

export function defineMessages<K extends string>(catalog: {
  en: Record<K, Message>;
  ko: Record<K, Message>;
}): Catalog<K> {
  return catalog;
}

/** The message for `key` in `locale` with `{name}` filled in; unknown placeholders stay visible. */
export function translate<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, params: Params = {}): string {
  const message = catalog[locale][key] ?? catalog.en[key];
  if (typeof message === 'function') return message(params);
  if (message === undefined) return key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate<K extends string> = (key: K, params?: Params) => string;

/** `t(key, params)` in the page's current language; re-renders the component when it changes. */
export function useMessages<K extends string>(catalog: Catalog<K>): Translate<K> {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key: K, params?: Params) => translate(catalog, locale, key, params), [catalog, locale]);
}

/** English plural helper: `plural(n, 'pod', 'pods')` → "1 pod", "3 pods". */
export function plural(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}
