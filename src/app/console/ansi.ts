/**
 * What the terminal writes, as ANSI text: the echoed command dim and bold, stderr and
 * `error:` lines red, `Warning:` lines yellow, tables byte for byte as kubectl printed
 * them. Escape characters in output are neutralised so a pod's log cannot drive the
 * terminal.
 */
import type { ExecResult } from '../../protocol/messages';

export const PROMPT = '$ ';
/** the prompt's width in cells, for cursor arithmetic */
export const PROMPT_WIDTH = PROMPT.length;

const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';

export function promptText(): string {
  return `${DIM}${PROMPT}${RESET}`;
}

export function commandText(line: string): string {
  return `${promptText()}${BOLD}${safe(line)}${RESET}\r\n`;
}

/** A result's stdout then stderr, each line coloured by what it says. */
export function resultText(result: ExecResult): string {
  return block(result.stdout, false) + block(result.stderr, true);
}

export function warningText(text: string): string {
  return block(text, false, YELLOW);
}

export function errorText(text: string): string {
  return block(text, true);
}

function block(text: string, isErr: boolean, colour?: string): string {
  if (text === '') return '';
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines
    .map((l) => {
      const c = colour ?? lineColour(l, isErr);
      return c ? `${c}${safe(l)}${RESET}\r\n` : `${safe(l)}\r\n`;
    })
    .join('');
}

function lineColour(line: string, isErr: boolean): string | undefined {
  if (/^Warning:/.test(line)) return YELLOW;
  if (isErr || /^error:/i.test(line)) return RED;
  return undefined;
}

/** ESC and other C0 controls (but tab) shown as visible symbols instead of obeyed. */
export function safe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) =>
    c === '\x7f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0)),
  );
}

/** Candidates in columns across the terminal's width, as bash lists completions. */
export function columnsText(items: string[], cols: number): string {
  if (items.length === 0) return '';
  const width = Math.max(...items.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let row = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item !== undefined) row += item.padEnd(width);
    }
    out += `${safe(row.trimEnd())}\r\n`;
  }
  return out;
}

/**
 * The console's `help`: a header, the verbs kubectl describes, one line naming the rest,
 * then the tips. Kept short: it has to fit a small terminal.
 */
export function helpText(
  header: string,
  verbs: { name: string; summary: string }[],
  tips: string[],
  alsoLabel = 'Also:',
): string {
  const described = verbs.filter((v) => v.summary !== '');
  const others = verbs.filter((v) => v.summary === '').map((v) => v.name);
  const width = Math.max(...described.map((v) => v.name.length), 0) + 2;
  let out = `${header}\n\n`;
  for (const v of described) out += `  ${v.name.padEnd(width)}${v.summary}\n`;
  if (others.length > 0) out += `  ${alsoLabel} ${others.join(', ')}\n`;
  out += '\n';
  for (const tip of tips) out += `${tip}\n`;
  return out;
}
