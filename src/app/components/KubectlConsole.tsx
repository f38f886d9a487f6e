import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { runKubectl } from '../actions/runKubectl';
import { useConsoleStore } from '../state/consoleStore';

/** A kubectl prompt with its transcript; ↑/↓ walk the history. */
export function KubectlConsole() {
  const entries = useConsoleStore((s) => s.entries);
  const history = useConsoleStore((s) => s.history);
  const [line, setLine] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const log = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the transcript changes
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    if (history.length === 0) return;
    e.preventDefault();
    const next =
      e.key === 'ArrowUp'
        ? Math.max(0, (cursor ?? history.length) - 1)
        : cursor === null
          ? null
          : cursor + 1 >= history.length
            ? null
            : cursor + 1;
    setCursor(next);
    setLine(next === null ? '' : history[next]);
  };

  return (
    <section className="panel console" aria-labelledby="console-title">
      <div className="panel-head">
        <h2 id="console-title">kubectl</h2>
      </div>
      <div className="transcript" ref={log} role="log" aria-label="kubectl output" data-testid="kubectl-output">
        {entries.length === 0 && (
          <p className="hint">
            Try <code>get nodes</code> or <code>get pods -A</code>.
          </p>
        )}
        {entries.map((e) => (
          <div
            key={e.id}
            className="entry"
            data-exit-code={e.result ? String(e.result.exitCode) : ''}
            data-pending={e.pending ? 'true' : 'false'}
          >
            <div className="cmd">
              <span className="prompt" aria-hidden="true">
                ${' '}
              </span>
              {/^kubectl(\s|$)/.test(e.line) ? e.line : `kubectl ${e.line}`}
            </div>
            {e.result?.stdout && <pre className="stdout">{e.result.stdout}</pre>}
            {e.result?.stderr && <pre className="stderr">{e.result.stderr}</pre>}
          </div>
        ))}
      </div>
      <form
        className="prompt-line"
        onSubmit={(e) => {
          e.preventDefault();
          runKubectl(line);
          setLine('');
          setCursor(null);
        }}
      >
        <label htmlFor="kubectl-input" className="prompt">
          $ kubectl
        </label>
        <input
          id="kubectl-input"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="get pods -A"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          data-testid="kubectl-input"
        />
        <button type="submit">Run</button>
      </form>
    </section>
  );
}
