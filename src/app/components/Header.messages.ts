import { defineMessages } from '../i18n/messages';

export const headerMessages = defineMessages({
  en: {
    simulationControls: 'Simulation controls',
    play: 'Play',
    pause: 'Pause',
    stepTitle: 'Run 10 simulated seconds at once',
    speed: 'Speed',
    clockTitle: 'Simulated time since the cluster started',
    reset: 'Reset',
    resetTitle: 'Start over with a fresh cluster',
  },
  ko: {
    simulationControls: '시뮬레이션 제어',
    play: '재생',
    pause: '일시 정지',
    stepTitle: '시뮬레이션 시간 10초를 한 번에 진행',
    speed: '속도',
    clockTitle: '클러스터가 시작된 뒤 흐른 시뮬레이션 시간',
    reset: '초기화',
    resetTitle: '새 클러스터로 처음부터 다시 시작',
  },
});
