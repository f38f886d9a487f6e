/**
 * One lesson from its three files: lesson.yaml (structure, checks, solutions) and the
 * prose in each language. Both languages must cover exactly the steps the YAML names,
 * so a half-translated lesson fails with the file and line of what is missing.
 */
import { parseLessonFile } from './lesson-file';
import { LESSON_LOCALES, type Locale } from './locale';
import { parseProse } from './prose';
import { type Lesson, LessonError, type Localized, type StepProse } from './types';

export interface LessonSources {
  /** the lesson folder, for messages: "lessons/self-healing" */
  dir: string;
  yaml: string;
  prose: Partial<Record<Locale, string>>;
}

export function loadLesson(src: LessonSources): Lesson {
  const file = parseLessonFile(`${src.dir}/lesson.yaml`, src.yaml);
  const prose = {} as Record<Locale, ReturnType<typeof parseProse>>;
  for (const locale of LESSON_LOCALES) {
    const text = src.prose[locale];
    const path = `${src.dir}/${locale}.md`;
    if (text === undefined) throw new LessonError(path, 1, 1, `the ${locale} prose is missing`);
    prose[locale] = parseProse(path, text);
    const known = new Set(file.steps.map((s) => s.id));
    for (const [id, p] of prose[locale].steps) {
      if (!known.has(id)) throw new LessonError(path, p.line, 1, `step "${id}" is not in lesson.yaml`);
    }
    for (const s of file.steps) {
      if (!prose[locale].steps.has(s.id)) {
        throw new LessonError(
          path,
          1,
          1,
          `no "## … {#${s.id}}" section for step "${s.id}" (lesson.yaml line ${s.line})`,
        );
      }
    }
  }
  const byLocale = <T>(f: (l: Locale) => T) =>
    Object.fromEntries(LESSON_LOCALES.map((l) => [l, f(l)])) as Record<Locale, T>;
  return {
    id: file.id,
    order: file.order,
    minutes: file.minutes,
    title: byLocale((l) => prose[l].title) as Localized,
    intro: byLocale((l) => prose[l].intro) as Localized,
    cluster: file.cluster,
    steps: file.steps.map((s) => {
      const { line: _line, ...rest } = s;
      return {
        ...rest,
        prose: byLocale((l) => {
          const { line: _l, ...p } = prose[l].steps.get(s.id) as StepProse & { line: number };
          return p;
        }),
      };
    }),
  };
}
