/**
 * Every lesson in the top-level lessons/ folder, read at build time (Vite inlines the
 * files, so the worker needs no fetch and the app works offline). Each entry is loaded
 * and checked on first use; a broken lesson becomes an entry with its error, so one bad
 * file cannot take the others down.
 */
import { loadLesson } from './load';
import type { Lesson } from './types';

const yamls = import.meta.glob('../../lessons/*/lesson.yaml', { query: '?raw', import: 'default', eager: true });
const prose = import.meta.glob('../../lessons/*/*.md', { query: '?raw', import: 'default', eager: true });

export interface CatalogEntry {
  dir: string;
  lesson?: Lesson;
  error?: string;
}

function dirOf(path: string): string {
  return path.replace(/^(\.\.\/)+/, '').replace(/\/[^/]+$/, '');
}

let cache: CatalogEntry[] | undefined;

export function lessonCatalog(): CatalogEntry[] {
  if (cache) return cache;
  cache = Object.entries(yamls)
    .map(([path, yaml]) => {
      const dir = dirOf(path);
      const md = (locale: string) => prose[path.replace(/lesson\.yaml$/, `${locale}.md`)] as string | undefined;
      try {
        return { dir, lesson: loadLesson({ dir, yaml: yaml as string, prose: { en: md('en'), ko: md('ko') } }) };
      } catch (e) {
        return { dir, error: e instanceof Error ? e.message : String(e) };
      }
    })
    .sort((a, b) => (a.lesson?.order ?? 1e9) - (b.lesson?.order ?? 1e9) || (a.dir < b.dir ? -1 : 1));
  return cache;
}

export function findLesson(id: string): Lesson | undefined {
  return lessonCatalog().find((e) => e.lesson?.id === id)?.lesson;
}
