/**
 * The kubectl console's terminal: an xterm.js screen that shows the console store's
 * transcript (replayed when the panel mounts again, so nothing is lost on re-render)
 * and edits the prompt line itself, readline-style. Commands go out through `run`;
 * their results come back through the store and are printed in order.
 */
import { FitAddon } from '@xterm/addon-fit';
import { type ITheme, Terminal } from '@xterm/xterm';
import { type ConsoleState, useConsoleStore } from '../state/consoleStore';
import { columnsText, commandText, PROMPT_WIDTH, promptText, resultText, safe, warningText } from './ansi';
import { applyCompletion, applyKey, EMPTY, insertText, type LineState } from './lineEditor';
import type { CompletionAnswer } from './requests';

/** A paste longer than this is refused: no command line is that long, a manifest is. */
export const MAX_PASTE = 10_000;
/**
 * kubectl's wide tables (`get pods -o wide`) need about this many columns; a narrower
 * panel scrolls sideways instead of wrapping rows, so the columns stay aligned.
 */
export const MIN_COLS = 160;

export interface TerminalDeps {
  run(line: string): void;
  clear(): void;
  complete(line: string, cursor: number): Promise<CompletionAnswer>;
  pasteTooLong(size: number): string;
  welcome: string;
  label: string;
}

export class KubectlTerminal {
  private readonly term: Terminal;
  private readonly fit = new FitAddon();
  private state: LineState = EMPTY;
  /** the prompt is on screen, its cursor this many rows below the prompt's first row */
  private drawn: { cursorRow: number } | null = null;
  private readonly printed = new Map<number, 'command' | 'done'>();
  private clears: number;
  private busy = false;
  private runs = 0;
  /** lines of a multi-line paste still to run, and what follows the last line break */
  private queue: string[] = [];
  private afterQueue: LineState | null = null;
  /** keys typed while a command runs, replayed at the next prompt */
  private typeahead: string[] = [];
  private historyIndex: number | null = null;
  private draft = '';
  /** the line state at the last Tab that listed nothing new: a second Tab lists */
  private lastTab: string | null = null;
  private completionSeq = 0;
  private welcomed = false;
  private escapeArmed = false;
  /** columns the panel shows without scrolling sideways (lists of candidates fit these) */
  private visibleCols = 80;
  private readonly unsubscribe: () => void;
  private readonly observer: MutationObserver;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    private readonly host: HTMLElement,
    private readonly deps: TerminalDeps,
  ) {
    this.term = new Terminal({
      convertEol: false,
      cursorBlink: false,
      fontFamily: getComputedStyle(host).getPropertyValue('--mono').trim() || 'monospace',
      fontSize: 12,
      lineHeight: 1.15,
      scrollback: 2000,
      screenReaderMode: true,
      theme: themeFrom(host),
      allowProposedApi: false,
    });
    this.term.loadAddon(this.fit);
    this.term.open(host);
    this.term.textarea?.setAttribute('aria-label', deps.label);
    this.term.attachCustomKeyEventHandler((e) => {
      // Tab completes, so Escape then Tab is the way out of the terminal for the keyboard.
      if (e.type === 'keydown' && e.key === 'Escape') {
        this.escapeArmed = true;
        return false;
      }
      if (e.type === 'keydown' && e.key === 'Tab' && this.escapeArmed) {
        this.escapeArmed = false;
        return false;
      }
      if (e.type === 'keydown' && !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) this.escapeArmed = false;
      // Ctrl+C with a selection copies, Ctrl+V / Cmd+V pastes: leave those to the browser.
      if (e.type === 'keydown' && (e.ctrlKey || e.metaKey) && e.key === 'c' && this.term.hasSelection()) return false;
      if (e.type === 'keydown' && (e.ctrlKey || e.metaKey) && e.key === 'v') return false;
      return true;
    });
    this.term.onData((data) => this.onData(data));
    this.resize();
    this.clears = useConsoleStore.getState().clears;
    this.sync(useConsoleStore.getState());
    this.unsubscribe = useConsoleStore.subscribe((s) => this.sync(s));
    // The theme switch sets data-theme on <html>; the terminal's colours follow it.
    this.observer = new MutationObserver(() => {
      this.term.options.theme = themeFrom(host);
    });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
  }

  /** The screen reader's name for the input, again after the language changes. */
  setLabel(label: string): void {
    this.term.textarea?.setAttribute('aria-label', label);
  }

  focus(): void {
    this.term.focus();
  }

  dispose(): void {
    this.unsubscribe();
    this.observer.disconnect();
    this.resizeObserver.disconnect();
    this.term.dispose();
  }

  private resize(): void {
    const dims = this.fit.proposeDimensions();
    if (!dims || !Number.isFinite(dims.cols) || !Number.isFinite(dims.rows)) return;
    this.visibleCols = dims.cols;
    const cols = Math.max(MIN_COLS, dims.cols);
    const rows = Math.max(5, dims.rows);
    if (cols === this.term.cols && rows === this.term.rows) return;
    this.erasePrompt();
    this.term.resize(cols, rows);
    if (!this.busy) this.drawPrompt();
  }

  // ── the transcript ────────────────────────────────────────────────────────────

  private sync(s: ConsoleState): void {
    if (s.clears !== this.clears) {
      this.clears = s.clears;
      this.drawn = null;
      this.term.clear();
      // clear() keeps the cursor's row; wipe it too and start at the top
      this.term.write('\x1b[2J\x1b[H');
      this.printed.clear();
    }
    let busy = false;
    for (const e of s.entries) {
      if (!this.printed.has(e.id)) {
        this.erasePrompt();
        this.term.write(commandText(displayed(e.line)));
        this.printed.set(e.id, 'command');
      }
      if (e.pending) {
        busy = true;
        break;
      }
      if (this.printed.get(e.id) === 'command') {
        this.erasePrompt();
        if (e.result) this.term.write(resultText(e.result));
        this.printed.set(e.id, 'done');
        this.runs++;
      }
    }
    if (s.entries.length === 0 && this.runs === 0 && !this.drawn && this.deps.welcome && !this.welcomed) {
      this.welcomed = true;
      this.term.write(`\x1b[2m${safe(this.deps.welcome)}\x1b[0m\r\n`);
    }
    this.busy = busy;
    this.host.dataset.busy = String(busy);
    this.host.dataset.runs = String(this.runs);
    if (busy) return;
    if (this.queue.length > 0) {
      const next = this.queue.shift() as string;
      this.state = { line: next, cursor: next.length };
      this.submit();
      return;
    }
    if (this.afterQueue) {
      this.state = this.afterQueue;
      this.afterQueue = null;
    }
    if (!this.drawn) this.drawPrompt();
    while (this.typeahead.length > 0 && !this.busy) this.onData(this.typeahead.shift() as string);
  }

  // ── the prompt line ───────────────────────────────────────────────────────────

  /** Draws prompt + line and puts the cursor where it belongs, wrapping over rows. */
  private drawPrompt(): void {
    this.erasePrompt();
    const cols = this.term.cols;
    const { line, cursor } = this.state;
    let out = promptText() + safe(line);
    const total = PROMPT_WIDTH + line.length;
    // at an exact multiple the terminal waits to wrap; move to the next row ourselves
    if (line.length > 0 && total % cols === 0) out += '\r\n';
    const endRow = Math.floor(total / cols);
    const target = PROMPT_WIDTH + cursor;
    const row = Math.floor(target / cols);
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += `\x1b[${(target % cols) + 1}G`;
    this.term.write(out);
    this.drawn = { cursorRow: row };
  }

  private erasePrompt(): void {
    if (!this.drawn) return;
    const up = this.drawn.cursorRow;
    this.term.write(`\r${up > 0 ? `\x1b[${up}A` : ''}\x1b[J`);
    this.drawn = null;
  }

  /** Leaves the prompt line on screen as it is, cursor after it on a fresh row. */
  private finishPromptLine(suffix = ''): void {
    this.state = { ...this.state, cursor: this.state.line.length };
    this.drawPrompt();
    this.term.write(`${suffix}\r\n`);
    this.drawn = null;
  }

  private onData(data: string): void {
    if (this.busy) {
      // Ctrl+C while a command runs drops what was typed ahead; the command itself is instant.
      if (data === '\x03') this.typeahead = [];
      else this.typeahead.push(data);
      return;
    }
    const r = applyKey(this.state, data);
    if (r.kind !== 'complete') this.lastTab = null;
    switch (r.kind) {
      case 'edit':
        this.state = r.state;
        this.drawPrompt();
        return;
      case 'submit':
        this.submit();
        return;
      case 'cancel':
        this.finishPromptLine('^C');
        this.state = EMPTY;
        this.historyIndex = null;
        this.drawPrompt();
        return;
      case 'clearScreen':
        // like bash: the screen goes, the line being typed stays
        this.deps.clear();
        return;
      case 'history':
        this.recall(r.direction);
        return;
      case 'complete':
        void this.complete();
        return;
      case 'paste':
        this.paste(r.text);
        return;
      case 'ignore':
        return;
    }
  }

  private submit(): void {
    const line = this.state.line;
    this.historyIndex = null;
    this.draft = '';
    if (line.trim() === '') {
      this.finishPromptLine();
      this.state = EMPTY;
      this.drawPrompt();
      return;
    }
    this.erasePrompt();
    this.state = EMPTY;
    // The store entry prints the command (bold) and, once answered, its output.
    this.deps.run(line);
  }

  private recall(direction: -1 | 1): void {
    const history = useConsoleStore.getState().history;
    if (history.length === 0) return;
    if (this.historyIndex === null) {
      if (direction === 1) return;
      this.draft = this.state.line;
      this.historyIndex = history.length - 1;
    } else {
      const next = this.historyIndex + direction;
      if (next < 0) return;
      this.historyIndex = next >= history.length ? null : next;
    }
    const line = this.historyIndex === null ? this.draft : history[this.historyIndex];
    this.state = { line, cursor: line.length };
    this.drawPrompt();
  }

  private async complete(): Promise<void> {
    const before = this.state;
    const key = `${before.cursor}:${before.line}`;
    const seq = ++this.completionSeq;
    const answer = await this.deps.complete(before.line, before.cursor);
    // typed on meanwhile: this answer is for a line that is gone
    if (seq !== this.completionSeq || this.state !== before || this.busy) return;
    const { state, list } = applyCompletion(before, answer.candidates, answer.replaceFrom);
    if (!list) {
      this.lastTab = null;
      if (state !== before) {
        this.state = state;
        this.drawPrompt();
        // still ambiguous after the common prefix: the next Tab lists
        if (answer.candidates.length > 1) this.lastTab = `${state.cursor}:${state.line}`;
      } else this.term.write('\x07');
      return;
    }
    if (this.lastTab === key) {
      this.finishPromptLine();
      this.term.write(columnsText(answer.candidates, Math.min(this.visibleCols, this.term.cols)));
      this.state = before;
      this.drawPrompt();
      this.lastTab = null;
      return;
    }
    this.lastTab = key;
    this.term.write('\x07');
  }

  private paste(raw: string): void {
    if (raw.length > MAX_PASTE) {
      this.finishPromptLine();
      this.term.write(warningText(this.deps.pasteTooLong(raw.length)));
      this.drawPrompt();
      return;
    }
    const parts = raw.replace(/\r\n?/g, '\n').split('\n');
    if (parts.length === 1) {
      this.state = insertText(this.state, raw);
      this.drawPrompt();
      return;
    }
    // every complete line runs in turn; what follows the last break stays on the prompt
    const first = insertText(this.state, parts[0]);
    const tail = this.state.line.slice(this.state.cursor);
    const lines = [first.line.slice(0, first.cursor), ...parts.slice(1, -1)];
    const rest = insertText(EMPTY, parts.at(-1) ?? '');
    this.afterQueue = { line: rest.line + tail, cursor: rest.cursor };
    this.queue = lines.slice(1).filter((l) => l.trim() !== '');
    this.state = { line: lines[0], cursor: lines[0].length };
    this.submit();
    if (!this.busy) this.sync(useConsoleStore.getState());
  }
}

/** The transcript shows what was run as a shell would: with `kubectl` in front. */
function displayed(line: string): string {
  return /^kubectl(\s|$)/.test(line) || line === 'help' || line === 'clear' ? line : `kubectl ${line}`;
}

/** xterm colours from the CSS custom properties the console's stylesheet sets per theme. */
export function themeFrom(el: HTMLElement): ITheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--term-bg', '#ffffff'),
    foreground: v('--term-fg', '#1c2430'),
    cursor: v('--term-cursor', '#326ce5'),
    cursorAccent: v('--term-bg', '#ffffff'),
    selectionBackground: v('--term-selection', '#cfdcf5'),
    black: v('--term-fg', '#1c2430'),
    red: v('--term-red', '#b3261e'),
    green: v('--term-green', '#1f7a3f'),
    yellow: v('--term-yellow', '#8a5a00'),
    blue: v('--term-blue', '#1d5fbf'),
    brightBlack: v('--term-dim', '#5b6778'),
    brightRed: v('--term-red', '#b3261e'),
    brightYellow: v('--term-yellow', '#8a5a00'),
  };
}
