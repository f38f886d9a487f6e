import { defineMessages } from '../i18n/messages';

export const clusterPanelMessages = defineMessages({
  en: { title: 'Cluster', starting: 'Starting the cluster…', drawing: 'Drawing the cluster…' },
  ko: { title: '클러스터', starting: '클러스터를 시작하는 중…', drawing: '클러스터를 그리는 중…' },
});
