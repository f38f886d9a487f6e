import { defineMessages } from '../i18n/messages';

export const graphFilterMessages = defineMessages({
  en: { showSystem: 'Show kube-system pods', namespaces: 'Namespaces' },
  ko: { showSystem: 'kube-system 파드 표시', namespaces: '네임스페이스' },
});
