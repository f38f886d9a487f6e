/**
 * A lesson's prose in one language (`en.md`, `ko.md`):
 *
 *   # Lesson title
 *   Intro Markdown…
 *   ## Step title {#step-id}
 *   Step Markdown…
 *   ### Hints {#hints}
 *   - first hint
 *   - second hint, continued on
 *     an indented line
 *
 * Headings carry the step id, so the two languages are matched by id, not by order,
 * and a translator may word the titles freely.
 */
import { LessonError, type StepProse } from './types';

export interface Prose {
  title: string;
  intro: string;
  steps: Map<string, StepProse & { line: number }>;
}

const STEP_HEADING = /^##\s+(.+?)\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;
const HINTS_HEADING = /^###\s+.+?\{#hints\}\s*$/;

export function parseProse(file: string, text: string): Prose {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const fail = (i: number, detail: string): never => {
    throw new LessonError(file, i + 1, 1, detail);
  };
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || !/^#\s+\S/.test(lines[first]))
    fail(Math.max(first, 0), 'the prose must start with "# <lesson title>"');
  const title = lines[first].replace(/^#\s+/, '').trim();
  const steps: Prose['steps'] = new Map();
  let intro: string[] = [];
  let current: { id: string; title: string; line: number; body: string[]; hints: string[]; inHints: boolean } | null =
    null;
  const close = () => {
    if (!current) return;
    steps.set(current.id, {
      title: current.title,
      body: current.body.join('\n').trim(),
      hints: current.hints.map((h) => h.trim()),
      line: current.line,
    });
  };
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i];
    const step = STEP_HEADING.exec(line);
    if (step) {
      close();
      if (steps.has(step[2])) fail(i, `step "${step[2]}" appears twice`);
      current = { id: step[2], title: step[1], line: i + 1, body: [], hints: [], inHints: false };
      continue;
    }
    if (/^##\s/.test(line)) fail(i, 'a step heading needs its id: "## Title {#step-id}"');
    if (!current) {
      intro.push(line);
      continue;
    }
    if (HINTS_HEADING.test(line)) {
      if (current.inHints) fail(i, 'a step has one hints list');
      current.inHints = true;
      continue;
    }
    if (!current.inHints) current.body.push(line);
    else if (/^[-*]\s+/.test(line)) current.hints.push(line.replace(/^[-*]\s+/, ''));
    else if (/^\s+\S/.test(line) && current.hints.length > 0)
      current.hints[current.hints.length - 1] += ` ${line.trim()}`;
    else if (line.trim() !== '') fail(i, 'under the hints heading only list items ("- …") may follow');
  }
  close();
  intro = intro.join('\n').trim().split('\n');
  return { title, intro: intro.join('\n'), steps };
}
