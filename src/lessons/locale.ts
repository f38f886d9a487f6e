/** The languages every lesson is written in (the app's i18n has the same two). */
export const LESSON_LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LESSON_LOCALES)[number];
