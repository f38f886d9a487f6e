import { defineMessages } from '../i18n/messages';

export const workloadsPanelMessages = defineMessages({
  en: {
    title: 'Workloads',
    hint: 'the controllers that run your pods',
    empty:
      'No workloads yet. A Deployment, Job or other workload creates pods for you and replaces them when they fail.',
    pickBefore: 'Pick ',
    pickExample: 'A Deployment of three web servers',
    pickMiddle: " from the editor's Examples (",
    pickAfter: ') and apply it, or run ',
    inShort: 'In short',
  },
  ko: {
    title: '워크로드',
    hint: '파드를 실행하는 컨트롤러',
    empty:
      '아직 워크로드가 없습니다. 디플로이먼트, 잡 같은 워크로드는 파드를 대신 만들고, 파드가 실패하면 새 파드로 교체합니다.',
    pickBefore: '편집기의 예제에서 ',
    pickExample: 'A Deployment of three web servers',
    pickMiddle: '(',
    pickAfter: ')를 골라 적용하거나, 다음을 실행하세요: ',
    inShort: '요약',
  },
});
