import { describe, expect, it } from 'vitest';
import { initialTheme, isTheme, setTheme, toggleTheme, useThemeStore } from './theme';

describe('initialTheme', () => {
  it('a saved choice wins over the system preference', () => {
    expect(initialTheme('light', true)).toBe('light');
    expect(initialTheme('dark', false)).toBe('dark');
  });
  it('without a saved choice, follows prefers-color-scheme', () => {
    expect(initialTheme(null, true)).toBe('dark');
    expect(initialTheme(undefined, false)).toBe('light');
  });
  it('ignores a saved value that is not a theme', () => {
    expect(initialTheme('purple', true)).toBe('dark');
    expect(isTheme('purple')).toBe(false);
  });
});

describe('setTheme / toggleTheme', () => {
  it('switches the store and flips between light and dark', () => {
    setTheme('light');
    expect(useThemeStore.getState().theme).toBe('light');
    toggleTheme();
    expect(useThemeStore.getState().theme).toBe('dark');
    toggleTheme();
    expect(useThemeStore.getState().theme).toBe('light');
  });
});
