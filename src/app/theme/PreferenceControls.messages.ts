import { defineMessages } from '../i18n/messages';

export const preferenceMessages = defineMessages({
  en: {
    group: 'Display preferences',
    language: 'Language',
    darkTheme: 'Dark theme',
    lightTheme: 'Light theme',
    switchToDark: 'Switch to the dark theme',
    switchToLight: 'Switch to the light theme',
    title: 'Kube Playground',
  },
  ko: {
    group: '화면 설정',
    language: '언어',
    darkTheme: '어두운 테마',
    lightTheme: '밝은 테마',
    switchToDark: '어두운 테마로 전환',
    switchToLight: '밝은 테마로 전환',
    title: 'Kube Playground — 쿠버네티스 실습',
  },
});
