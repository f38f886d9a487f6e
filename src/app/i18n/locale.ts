/**
 * The page's language. One store for every piece of UI text and for the lessons:
 * English or Korean, chosen by the learner (remembered) or taken from the browser.
 */
import { create } from 'zustand';

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'kube-playground.locale';

/** A saved choice wins; otherwise the first browser language we speak; otherwise English. */
export function initialLocale(saved: string | null | undefined, browserLanguages: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}

export interface LocaleState {
  locale: Locale;
}

export const useLocaleStore = create<LocaleState>(() => ({ locale: initialLocale(readSaved(), browserLanguages()) }));

export function setLocale(locale: Locale): void {
  useLocaleStore.setState({ locale });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered, still switched
  }
  if (globalThis.document) globalThis.document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return useLocaleStore.getState().locale;
}
