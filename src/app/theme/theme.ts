/**
 * Light or dark page. A saved choice wins; otherwise the system preference
 * (`prefers-color-scheme`). The choice is written to `<html data-theme>` so every
 * stylesheet (and the editor and terminal, which read the attribute) follows it.
 */
import { create } from 'zustand';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'kube-playground.theme';

export function isTheme(x: unknown): x is Theme {
  return typeof x === 'string' && (THEMES as readonly string[]).includes(x);
}

export function initialTheme(saved: string | null | undefined, prefersDark: boolean): Theme {
  if (isTheme(saved)) return saved;
  return prefersDark ? 'dark' : 'light';
}

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame)
  }
}

function systemPrefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

function apply(theme: Theme): void {
  if (globalThis.document) globalThis.document.documentElement.dataset.theme = theme;
}

export interface ThemeState {
  theme: Theme;
}

export const useThemeStore = create<ThemeState>(() => ({ theme: initialTheme(readSaved(), systemPrefersDark()) }));
apply(useThemeStore.getState().theme);

export function setTheme(theme: Theme): void {
  useThemeStore.setState({ theme });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, theme);
  } catch {
    // not remembered, still switched
  }
  apply(theme);
}

export function toggleTheme(): void {
  setTheme(useThemeStore.getState().theme === 'dark' ? 'light' : 'dark');
}
