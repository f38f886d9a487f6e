/**
 * The prompt's line editing, as readline does it: the keys a terminal sends (xterm's
 * onData strings) turn into a new line and cursor, or into an action for the console
 * (run the line, recall history, complete, cancel, clear). Pure, so it is tested in Node.
 */

export interface LineState {
  line: string;
  /** index into line, 0..line.length */
  cursor: number;
}

export type KeyResult =
  | { kind: 'edit'; state: LineState }
  | { kind: 'submit' }
  | { kind: 'cancel' }
  | { kind: 'clearScreen' }
  | { kind: 'history'; direction: -1 | 1 }
  | { kind: 'complete' }
  | { kind: 'paste'; text: string }
  | { kind: 'ignore' };

export const EMPTY: LineState = { line: '', cursor: 0 };

const HOME = ['\x1b[H', '\x1bOH', '\x1b[1~', '\x01'];
const END = ['\x1b[F', '\x1bOF', '\x1b[4~', '\x05'];

export function applyKey(s: LineState, data: string): KeyResult {
  const edit = (line: string, cursor: number): KeyResult => ({ kind: 'edit', state: { line, cursor } });
  const { line, cursor } = s;
  switch (data) {
    case '\r':
      return { kind: 'submit' };
    case '\x03':
      return { kind: 'cancel' };
    case '\x0c':
      return { kind: 'clearScreen' };
    case '\t':
      return { kind: 'complete' };
    case '\x1b[A':
    case '\x1bOA':
    case '\x10': // Ctrl+P
      return { kind: 'history', direction: -1 };
    case '\x1b[B':
    case '\x1bOB':
    case '\x0e': // Ctrl+N
      return { kind: 'history', direction: 1 };
    case '\x1b[D':
    case '\x1bOD':
    case '\x02': // Ctrl+B
      return edit(line, Math.max(0, cursor - 1));
    case '\x1b[C':
    case '\x1bOC':
    case '\x06': // Ctrl+F
      return edit(line, Math.min(line.length, cursor + 1));
    case '\x1b[1;5D':
    case '\x1bb':
      return edit(line, wordStart(line, cursor));
    case '\x1b[1;5C':
    case '\x1bf':
      return edit(line, wordEnd(line, cursor));
    case '\x7f':
    case '\b':
      return cursor === 0 ? { kind: 'ignore' } : edit(line.slice(0, cursor - 1) + line.slice(cursor), cursor - 1);
    case '\x1b[3~':
    case '\x04': // Ctrl+D deletes under the cursor (there is no shell to leave)
      return cursor >= line.length ? { kind: 'ignore' } : edit(line.slice(0, cursor) + line.slice(cursor + 1), cursor);
    case '\x15': // Ctrl+U: kill to the start
      return edit(line.slice(cursor), 0);
    case '\x0b': // Ctrl+K: kill to the end
      return edit(line.slice(0, cursor), cursor);
    case '\x17': {
      // Ctrl+W: the word before the cursor, as unix-word-rubout (whitespace-delimited)
      const from = wordStart(line, cursor);
      return edit(line.slice(0, from) + line.slice(cursor), from);
    }
  }
  if (HOME.includes(data)) return edit(line, 0);
  if (END.includes(data)) return edit(line, line.length);
  if (data.startsWith('\x1b')) return { kind: 'ignore' };
  // Several characters at once is a paste (or fast typing the terminal batched).
  if (data.length > 1 || data === '\n') return { kind: 'paste', text: data };
  if (data < ' ') return { kind: 'ignore' };
  return edit(line.slice(0, cursor) + data + line.slice(cursor), cursor + 1);
}

/** Inserts plain text (no line breaks) at the cursor; control characters are dropped. */
export function insertText(s: LineState, text: string): LineState {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  const clean = text.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
  return { line: s.line.slice(0, s.cursor) + clean + s.line.slice(s.cursor), cursor: s.cursor + clean.length };
}

function wordStart(line: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && line[i - 1] === ' ') i--;
  while (i > 0 && line[i - 1] !== ' ') i--;
  return i;
}

function wordEnd(line: string, cursor: number): number {
  let i = cursor;
  while (i < line.length && line[i] === ' ') i++;
  while (i < line.length && line[i] !== ' ') i++;
  return i;
}

/** The longest prefix all candidates share. */
export function commonPrefix(list: string[]): string {
  if (list.length === 0) return '';
  let prefix = list[0];
  for (const s of list) {
    while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * What Tab does with the worker's candidates, like bash: one → complete it (and a space,
 * unless it waits for more: `--image=`, `deploy/`); several → the common prefix, or, when
 * that adds nothing, `list: true` so a second Tab shows them.
 */
export function applyCompletion(
  s: LineState,
  candidates: string[],
  replaceFrom: number,
): { state: LineState; list: boolean } {
  if (candidates.length === 0) return { state: s, list: false };
  const typed = s.line.slice(replaceFrom, s.cursor);
  const replace = (text: string): LineState => ({
    line: s.line.slice(0, replaceFrom) + text + s.line.slice(s.cursor),
    cursor: replaceFrom + text.length,
  });
  if (candidates.length === 1) {
    const only = candidates[0];
    const open = /[=/,]$/.test(only);
    const next = s.line[s.cursor];
    const space = open || next === ' ' ? '' : ' ';
    const state = replace(only + space);
    // skip over a space that was already there
    return { state: next === ' ' && !open ? { ...state, cursor: state.cursor + 1 } : state, list: false };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > typed.length) return { state: replace(prefix), list: false };
  return { state: s, list: true };
}
