/**
 * Every lesson in lessons/ loads (both languages, every step covered) and can be
 * solved: played from its start through each step's solution, every check holds
 * within the step's time. A lesson that breaks — or an engine change that breaks a
 * lesson — fails here with the lesson, the step and what the check saw.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import { lessonCatalog } from './catalog';
import { playThrough } from './playthrough';

const catalog = lessonCatalog();

describe('lesson catalog', () => {
  it('finds the lessons and loads each without an error', () => {
    expect(catalog.length).toBeGreaterThan(0);
    expect(catalog.filter((e) => e.error).map((e) => e.error)).toEqual([]);
  });

  it('gives every lesson a distinct id and order', () => {
    const lessons = catalog.flatMap((e) => (e.lesson ? [e.lesson] : []));
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
    expect(new Set(lessons.map((l) => l.order)).size).toBe(lessons.length);
  });

  it('has Korean and English text for every step, title and check', () => {
    for (const { lesson } of catalog) {
      if (!lesson) continue;
      for (const s of lesson.steps) {
        expect(s.prose.ko.body, `${lesson.id}/${s.id}`).not.toBe('');
        expect(s.prose.en.body, `${lesson.id}/${s.id}`).not.toBe('');
        expect(s.prose.ko.hints.length, `${lesson.id}/${s.id} hints`).toBe(s.prose.en.hints.length);
        for (const c of s.checks) expect(c.label.ko).not.toBe(c.label.en);
      }
    }
  });
});

describe.each(catalog.flatMap((e) => (e.lesson ? [e.lesson] : [])))('lesson $id is solvable', (lesson) => {
  it('every step passes after its solution', () => {
    const reports = playThrough(lesson, createCluster);
    expect(reports.filter((r) => !r.ok)).toEqual([]);
  });
});
