import { catalog } from '../components/KubectlConsole.messages';
import { helpText } from '../console/ansi';
import { requestHelp } from '../console/requests';
import { send } from '../engineClient';
import { useLocaleStore } from '../i18n/locale';
import { translate } from '../i18n/messages';
import { clearConsole, finishKubectl, rememberLine, startKubectl, startLocal } from '../state/consoleStore';

/**
 * Runs one kubectl line. The console answers two words itself, as a shell would:
 * "clear" empties the screen and "help" lists the commands the engine runs.
 */
export function runKubectl(input: string): void {
  const line = input.trim();
  if (line === '') return;
  if (line === 'clear') {
    rememberLine(line);
    clearConsole();
    return;
  }
  if (line === 'help') {
    showHelp(line);
    return;
  }
  const id = send({ type: 'kubectl', line });
  startKubectl(id, line);
}

async function showHelp(line: string): Promise<void> {
  const id = startLocal(line);
  const verbs = await requestHelp(send);
  const t = (key: keyof typeof catalog.en) => translate(catalog, useLocaleStore.getState().locale, key);
  if (verbs.length === 0) {
    finishKubectl(id, { stdout: '', stderr: `${t('helpUnavailable')}\n`, exitCode: 1 });
    return;
  }
  finishKubectl(id, {
    stdout: helpText(t('helpHeader'), verbs, [t('helpTipDetails'), t('helpTipKeys')], t('helpAlso')),
    stderr: '',
    exitCode: 0,
  });
}
