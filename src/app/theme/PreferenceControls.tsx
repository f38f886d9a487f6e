/** The language switch (English / 한국어) and the light/dark toggle in the header. */
import { useEffect } from 'react';
import { isLocale, LOCALES, type Locale, setLocale, useLocaleStore } from '../i18n/locale';
import { useMessages } from '../i18n/messages';
import { preferenceMessages } from './PreferenceControls.messages';
import { toggleTheme, useThemeStore } from './theme';
import './PreferenceControls.css';

/** Each language named in itself, so a learner who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

export function PreferenceControls() {
  const t = useMessages(preferenceMessages);
  const locale = useLocaleStore((s) => s.locale);
  const theme = useThemeStore((s) => s.theme);

  // <html lang> and the tab title follow the language, also for the one taken from the browser.
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('title');
  }, [locale, t]);

  const dark = theme === 'dark';
  return (
    <fieldset className="preference-controls">
      <legend className="visually-hidden">{t('group')}</legend>
      <label className="language-switch">
        <span className="visually-hidden">{t('language')}</span>
        <select
          value={locale}
          aria-label={t('language')}
          onChange={(e) => {
            if (isLocale(e.target.value)) setLocale(e.target.value);
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="theme-toggle"
        aria-pressed={dark}
        aria-label={t('darkTheme')}
        title={dark ? t('switchToLight') : t('switchToDark')}
        onClick={toggleTheme}
      >
        <span aria-hidden="true">{dark ? '☾' : '☀'}</span> {dark ? t('darkTheme') : t('lightTheme')}
      </button>
    </fieldset>
  );
}
