import { defineMessages } from '../i18n/messages';

export const bannerMessages = defineMessages({
  en: { engineError: 'Engine error: {message}', dismiss: 'Dismiss' },
  ko: { engineError: '엔진 오류: {message}', dismiss: '닫기' },
});
