/**
 * Turns what a process writes into log lines, the way the container runtime's log
 * driver does: one entry per newline, a partial line kept until it is completed or the
 * process ends. A flood (a loop without sleep) is capped per step, as a real node would
 * rotate the log away.
 */
import type { LogLine, ProcessState } from './types';

const MAX_LINES = 100;
const MAX_LINE = 16 * 1024;

export class Collector {
  lines: LogLine[] = [];
  constructor(private p: ProcessState) {}

  write(fd: 1 | 2, text: string, at: number): void {
    const key = fd === 1 ? 'po' : 'pe';
    const stream = fd === 1 ? 'stdout' : 'stderr';
    const buffered = (this.p.data[key] as string | undefined) ?? '';
    const parts = (buffered + text).split('\n');
    const rest = parts.pop() ?? '';
    for (const t of parts) {
      if (this.lines.length < MAX_LINES) this.lines.push({ at, stream, text: t.slice(0, MAX_LINE) });
    }
    if (rest) this.p.data[key] = rest.slice(0, MAX_LINE);
    else delete this.p.data[key];
  }

  /** The process ended: a last line without a newline still reaches the log. */
  flush(at: number): void {
    for (const [key, stream] of [
      ['po', 'stdout'],
      ['pe', 'stderr'],
    ] as const) {
      const rest = this.p.data[key] as string | undefined;
      if (rest) this.lines.push({ at, stream, text: rest });
      delete this.p.data[key];
    }
  }
}
