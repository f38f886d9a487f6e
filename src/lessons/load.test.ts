import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';
import { loadLesson } from './load';
import { LessonError } from './types';

const YAML = `id: demo
order: 1
minutes: 5
steps:
  - id: first
    checks:
      - label: { en: "one pod", ko: "파드 하나" }
        kubectl: get pods --no-headers
        count: lines
        atLeast: 1
    solution:
      - kubectl: run web --image=nginx
`;
const EN =
  '# Demo\n\nIntro.\n\n## First step {#first}\n\nRun a pod.\n\n### Hints {#hints}\n- use kubectl run\n  with an image\n';
const KO =
  '# 데모\n\n소개.\n\n## 첫 단계 {#first}\n\n파드를 실행하세요.\n\n### 힌트 {#hints}\n- kubectl run을 쓰세요\n';

function load(yaml = YAML, en = EN, ko = KO) {
  return loadLesson({ dir: 'lessons/demo', yaml, prose: { en, ko } });
}

function errorOf(f: () => unknown): LessonError {
  try {
    f();
  } catch (e) {
    if (e instanceof LessonError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('loadLesson', () => {
  it('joins the YAML with both languages by step id', () => {
    const l = load();
    expect(l.title).toEqual({ en: 'Demo', ko: '데모' });
    expect(l.steps[0].prose.en).toEqual({
      title: 'First step',
      body: 'Run a pod.',
      hints: ['use kubectl run with an image'],
    });
    expect(l.steps[0].checks[0]).toMatchObject({ kind: 'kubectl', count: 'lines', expect: { atLeast: 1 }, line: 7 });
    expect(l.steps[0].within).toBe(120_000);
    expect(l.cluster).toEqual({ nodes: 3, seed: 1, speed: 1, setup: [] });
  });

  it('points at the line of an unknown field', () => {
    const e = errorOf(() => load(YAML.replace('    solution:', '    soluton:')));
    expect(e.message).toBe(
      'lessons/demo/lesson.yaml:11:5: steps.0.soluton: unknown field (allowed: id, editor, highlight, checks, solution, within)',
    );
  });

  it('refuses a check with two expectations', () => {
    const e = errorOf(() => load(YAML.replace('        atLeast: 1', '        atLeast: 1\n        equals: "1"')));
    expect(e.detail).toContain('exactly one of: equals, contains, matches, atLeast, atMost');
    expect(e.line).toBe(7);
  });

  it('refuses a YAML syntax error with its position', () => {
    const e = errorOf(() => load('id: demo\nsteps: [\n'));
    expect(e.file).toBe('lessons/demo/lesson.yaml');
    expect(e.line).toBeGreaterThanOrEqual(2);
  });

  it('needs every step in both languages', () => {
    const e = errorOf(() => load(YAML, EN, '# 데모\n\n소개.\n'));
    expect(e.message).toContain('lessons/demo/ko.md');
    expect(e.detail).toContain('no "## … {#first}" section');
    const missing = () => loadLesson({ dir: 'lessons/demo', yaml: YAML, prose: { en: EN } });
    expect(errorOf(missing).detail).toBe('the ko prose is missing');
  });

  it('refuses prose for a step the YAML does not have', () => {
    const e = errorOf(() => load(YAML, `${EN}\n## Extra {#extra}\n\nMore.\n`));
    expect(e.detail).toBe('step "extra" is not in lesson.yaml');
    expect(e.line).toBe(13);
  });

  it('wants kubectl commands without the word kubectl, as the console takes them', () => {
    const e = errorOf(() => load(YAML.replace('- kubectl: run web', '- kubectl: kubectl run web')));
    expect(e.detail).toContain('without "kubectl"');
  });
});

describe('parseDuration', () => {
  it('reads Go-style durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });
});
