import { defineMessages } from '../i18n/messages';

export const catalog = defineMessages({
  en: {
    title: 'kubectl',
    terminalLabel: 'kubectl terminal: type a command and press Enter',
    hint: 'Type a command and press Enter, with or without "kubectl". Tab completes, ↑/↓ recall, "help" lists the commands. Esc then Tab leaves the terminal.',
    welcome: 'Try "get nodes" or "get pods -A". Type "help" for the list of commands.',
    helpHeader: 'kubectl commands this playground runs:',
    helpAlso: 'Also:',
    helpTipDetails: 'kubectl <command> --help describes one command.',
    helpTipKeys: 'Tab completes · ↑/↓ history · Ctrl+C cancels · "clear" or Ctrl+L clears',
    pasteTooLong:
      'Paste refused: {size} characters is more than the {limit} a console paste may have. Use the manifest editor for long text.',
    helpUnavailable: 'error: the command list could not be loaded from the simulation',
  },
  ko: {
    title: 'kubectl',
    terminalLabel: 'kubectl 터미널: 명령을 입력하고 Enter를 누르세요',
    hint: '명령을 입력하고 Enter를 누르세요. 앞에 "kubectl"은 붙여도 되고 생략해도 됩니다. Tab은 자동 완성, ↑/↓는 이전 명령, "help"는 명령 목록입니다. 터미널에서 나가려면 Esc를 누른 뒤 Tab을 누르세요.',
    welcome: '"get nodes" 또는 "get pods -A"를 실행해 보세요. 명령 목록은 "help"를 입력하면 볼 수 있습니다.',
    helpHeader: '이 플레이그라운드에서 실행할 수 있는 kubectl 명령:',
    helpAlso: '그 밖에:',
    helpTipDetails: 'kubectl <명령> --help 로 명령 하나의 설명을 볼 수 있습니다.',
    helpTipKeys: 'Tab 자동 완성 · ↑/↓ 명령 기록 · Ctrl+C 입력 취소 · "clear" 또는 Ctrl+L 화면 지우기',
    pasteTooLong:
      '붙여넣기를 거부했습니다: {size}자는 콘솔 붙여넣기 한도 {limit}자를 넘습니다. 긴 텍스트는 매니페스트 편집기를 사용하세요.',
    helpUnavailable: 'error: 시뮬레이션에서 명령 목록을 불러오지 못했습니다',
  },
});
