import { type KeyboardEvent, useRef, useState } from 'react';
import { applyManifest } from '../actions/applyManifest';
import { type ApplyOutcome, useConsoleStore } from '../state/consoleStore';
import { useEditorStore } from '../state/editorStore';

export { STARTER_MANIFEST } from '../state/editorStore';

/** Sample manifests served from public/examples/. */
const EXAMPLES = [
  { file: 'pod.yaml', label: 'A web server pod' },
  { file: 'two-pods.yaml', label: 'Two pods in one apply' },
  { file: 'too-big.yaml', label: 'A pod no node can fit' },
  { file: 'crashing.yaml', label: 'A container that keeps crashing' },
  { file: 'web.yaml', label: 'A pod with probes' },
  { file: 'port-clash.yaml', label: 'Two containers on one port' },
  { file: 'deployment.yaml', label: 'A Deployment of three web servers' },
  { file: 'job.yaml', label: 'A Job that runs to completion' },
];

/** The YAML editor (a plain textarea for now) with Apply and its outcome. */
export function ManifestEditor() {
  const text = useEditorStore((s) => s.text);
  const setText = useEditorStore((s) => s.setText);
  const [example, setExample] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const outcome = useConsoleStore((s) => s.apply);
  const errorLines = new Set((outcome?.result?.errors ?? []).map((e) => e.line).filter((l) => l !== undefined));
  const lineCount = text.split('\n').length;

  const submit = () => applyManifest(text);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  const loadExample = async (file: string) => {
    setExample(file);
    if (!file) return;
    const res = await fetch(`${import.meta.env.BASE_URL}examples/${file}`);
    if (res.ok) setText(await res.text());
  };
  const goToLine = (line: number) => {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };

  return (
    <section className="panel editor" aria-labelledby="editor-title">
      <div className="panel-head">
        <h2 id="editor-title">Manifest</h2>
        <label className="examples">
          <span className="visually-hidden">Load an example</span>
          <select value={example} onChange={(e) => loadExample(e.target.value)}>
            <option value="">Examples…</option>
            {EXAMPLES.map((x) => (
              <option key={x.file} value={x.file}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="code">
        <pre className="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <span key={i} className={errorLines.has(i + 1) ? 'err' : undefined}>
              {i + 1}
              {'\n'}
            </span>
          ))}
        </pre>
        <textarea
          ref={area}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          aria-label="Manifest YAML"
          data-testid="manifest-editor"
        />
      </div>
      <div className="editor-actions">
        <button type="button" className="primary" onClick={submit}>
          Apply
        </button>
        <span className="hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> applies · like <code>kubectl apply -f</code>
        </span>
      </div>
      <ApplyOutput outcome={outcome} goToLine={goToLine} />
    </section>
  );
}

function ApplyOutput({ outcome, goToLine }: { outcome: ApplyOutcome | null; goToLine: (line: number) => void }) {
  if (!outcome) return null;
  if (outcome.pending) return <output className="apply-output">Applying…</output>;
  const r = outcome.result;
  return (
    <output className="apply-output" data-testid="apply-output" data-ok={r?.ok ? 'true' : 'false'}>
      {outcome.error && <p className="line-error">error: {outcome.error}</p>}
      {outcome.lines?.map((l) => (
        <p key={l} className="line-ok">
          {l}
        </p>
      ))}
      {r?.warnings.map((w, i) => (
        <p key={`w${i}`} className="line-warning">
          Warning: {w.message}
          {w.line !== undefined && <LineLink line={w.line} goToLine={goToLine} />}
        </p>
      ))}
      {r?.errors.map((e, i) => (
        <p key={`e${i}`} className="line-error">
          {e.line !== undefined && <LineLink line={e.line} goToLine={goToLine} />}
          <span className="msg">{e.message}</span>
        </p>
      ))}
    </output>
  );
}

function LineLink({ line, goToLine }: { line: number; goToLine: (line: number) => void }) {
  return (
    <button type="button" className="line-link" onClick={() => goToLine(line)} title="Show this line in the editor">
      line {line}
    </button>
  );
}
