import '@xterm/xterm/css/xterm.css';
import './KubectlConsole.css';
import { useEffect, useRef } from 'react';
import { runKubectl } from '../actions/runKubectl';
import { requestCompletion } from '../console/requests';
import { KubectlTerminal, MAX_PASTE } from '../console/terminal';
import { send } from '../engineClient';
import { useMessages } from '../i18n/messages';
import { clearConsole } from '../state/consoleStore';
import { catalog } from './KubectlConsole.messages';

/**
 * The kubectl terminal: type commands (with or without "kubectl"), Tab completes from the
 * live cluster, ↑/↓ walk the history. The transcript lives in the console store, so the
 * terminal shows it again after the panel re-renders.
 */
export function KubectlConsole() {
  const t = useMessages(catalog);
  const host = useRef<HTMLElement>(null);
  const terminal = useRef<KubectlTerminal | null>(null);
  // The terminal is made once per mount; it reads the current texts through this ref.
  const texts = useRef(t);
  texts.current = t;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new KubectlTerminal(el, {
      run: runKubectl,
      clear: clearConsole,
      complete: (line, cursor) => requestCompletion(send, line, cursor),
      pasteTooLong: (size) => texts.current('pasteTooLong', { size, limit: MAX_PASTE }),
      welcome: texts.current('welcome'),
      label: texts.current('terminalLabel'),
    });
    terminal.current = term;
    return () => {
      term.dispose();
      terminal.current = null;
    };
  }, []);

  useEffect(() => {
    terminal.current?.setLabel(t('terminalLabel'));
  }, [t]);

  return (
    <section className="panel console" aria-labelledby="console-title" data-testid="kubectl-console">
      <div className="panel-head">
        <h2 id="console-title">{t('title')}</h2>
      </div>
      <section
        className="console-terminal"
        ref={host}
        aria-label={t('terminalLabel')}
        data-testid="kubectl-output"
        onMouseDown={() => terminal.current?.focus()}
      />
      <p className="console-hint" id="console-hint">
        {t('hint')}
      </p>
    </section>
  );
}
