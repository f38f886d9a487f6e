/**
 * Go's text/tabwriter (the elastic-tabstop algorithm kubectl prints with), ported so
 * columns line up byte for byte. A cell is text ended by a tab; the text after the last
 * tab of a line is not part of any column. A column block is a run of consecutive lines
 * that all have a cell in that column: a shorter line ends the block, which is why
 * `describe` sections realign after each heading.
 */

export interface TabWriterOptions {
  /** minimal cell width including padding */
  minwidth: number;
  /** padding added to the widest cell of a column */
  padding: number;
}

/** `kubectl get`: printers.GetNewTabWriter (minwidth 6, tabwidth 4, padding 3, pad ' '). */
export const GET_TABWRITER: TabWriterOptions = { minwidth: 6, padding: 3 };
/** `kubectl describe`: tabbedString (minwidth 0, tabwidth 8, padding 2, pad ' '). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, padding: 2 };

/** Formats tab-separated text; every line keeps its own trailing text untouched. */
export function tabwrite(text: string, opts: TabWriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const out: string[] = [];
  format(lines, 0, lines.length, [], opts, out);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

function width(s: string): number {
  // Go counts runes, not UTF-16 units.
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function format(
  lines: string[][],
  line0: number,
  line1: number,
  widths: number[],
  opts: TabWriterOptions,
  out: string[],
): void {
  const column = widths.length;
  let start = line0;
  let i = line0;
  while (i < line1) {
    if (column >= lines[i].length - 1) {
      i++;
      continue;
    }
    // This line has a cell in this column: print the lines before it, then find the block.
    writeLines(lines, start, i, widths, out);
    start = i;
    let w = opts.minwidth;
    for (; i < line1; i++) {
      const line = lines[i];
      if (column >= line.length - 1) break;
      const cw = width(line[column]) + opts.padding;
      if (cw > w) w = cw;
    }
    format(lines, start, i, [...widths, w], opts, out);
    start = i;
  }
  writeLines(lines, start, line1, widths, out);
}

function writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    const line = lines[i];
    let s = '';
    for (let j = 0; j < line.length; j++) {
      const cell = line[j];
      s += cell;
      if (j < widths.length && j < line.length - 1) s += ' '.repeat(Math.max(0, widths[j] - width(cell)));
    }
    out.push(s);
  }
}

/** Rows of cells joined by tabs, one row a line, then aligned like `kubectl get`. */
export function formatTable(rows: string[][], opts: TabWriterOptions = GET_TABWRITER): string {
  if (rows.length === 0) return '';
  return tabwrite(`${rows.map((r) => r.join('\t')).join('\n')}\n`, opts);
}
