// The lesson beside the hosted cluster: start builds the lesson's cluster, the view
// follows the checks, show-me solves the step, and nothing is posted while nothing changed.
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../engine/index';
import type { LessonView, WorkerMessage } from '../protocol/messages';
import { LessonHost, lessonList } from './lessons';

function harness() {
  let cluster: Cluster = createCluster();
  const clock = { speed: 1, running: false };
  const posted: WorkerMessage[] = [];
  const host = new LessonHost({
    replaceCluster: (o) => {
      cluster = createCluster({ nodes: o.nodes, seed: o.seed });
      host.attach(cluster);
      return cluster;
    },
    setClock: (speed, running) => Object.assign(clock, { speed, running }),
  });
  const views = () => posted.flatMap((m) => (m.type === 'lesson' ? [m.view] : [])) as (LessonView | null)[];
  return { host, clock, posted, views, cluster: () => cluster, flush: () => host.flush((m) => posted.push(m)) };
}

describe('LessonHost', () => {
  it('lists the lessons in order, none broken', () => {
    const { lessons, broken } = lessonList();
    expect(broken).toEqual([]);
    expect(lessons.map((l) => l.id)).toContain('self-healing');
    expect(lessons.map((l) => l.order)).toEqual([...lessons.map((l) => l.order)].sort((a, b) => a - b));
  });

  it('starts a lesson on a fresh cluster with its setup, speed and a running clock', () => {
    const h = harness();
    h.host.handle({ action: 'start', lesson: 'self-healing' });
    expect(h.clock).toEqual({ speed: 5, running: true });
    expect(h.cluster().get('Deployment', 'web')).toBeDefined();
    h.flush();
    const v = h.views().at(-1)!;
    expect(v).toMatchObject({ id: 'self-healing', current: 0, completed: [], hintsOpen: 0, finished: false });
    expect(v.steps[0].title.ko).not.toBe(v.steps[0].title.en);
    expect(v.checks[0].ok).toBe(false); // the pods are still starting
  });

  it('ticks the check once the cluster gets there, and posts nothing when nothing changed', () => {
    const h = harness();
    h.host.handle({ action: 'start', lesson: 'self-healing' });
    h.flush();
    h.cluster().advance(60_000);
    h.host.markDirty();
    h.flush();
    expect(h.views().at(-1)!.checks[0].ok).toBe(true);
    expect(h.views().at(-1)!.completed).toEqual(['desired-state']);
    const count = h.posted.length;
    h.host.markDirty();
    h.flush();
    expect(h.posted.length).toBe(count);
  });

  it('moves between steps, opens hints one at a time, and show-me solves a step', () => {
    const h = harness();
    h.host.handle({ action: 'start', lesson: 'self-healing' });
    h.cluster().advance(60_000);
    h.host.handle({ action: 'next' });
    h.host.handle({ action: 'hint' });
    h.host.handle({ action: 'hint' });
    h.host.handle({ action: 'hint' });
    h.flush();
    expect(h.views().at(-1)).toMatchObject({ current: 1, hintsOpen: 2 });
    h.host.handle({ action: 'showMe' });
    h.cluster().advance(30_000);
    h.host.markDirty();
    h.flush();
    expect(h.views().at(-1)!.completed).toContain('delete-pod');
    h.host.handle({ action: 'back' });
    h.flush();
    expect(h.views().at(-1)!.current).toBe(0);
  });

  it('exit posts no lesson; an unknown lesson is a clear error', () => {
    const h = harness();
    expect(() => h.host.handle({ action: 'start', lesson: 'nope' })).toThrow('no lesson called "nope"');
    expect(() => h.host.handle({ action: 'next' })).toThrow('no lesson is running');
    h.host.handle({ action: 'start', lesson: 'rolling-updates' });
    h.flush();
    h.host.handle({ action: 'exit' });
    h.flush();
    expect(h.views().at(-1)).toBeNull();
  });
});

describe('LessonHost with scenarios', () => {
  it('saves the running lesson and resumes it on the restored cluster', () => {
    const h = harness();
    h.host.handle({ action: 'start', lesson: 'self-healing' });
    h.host.handle({ action: 'next' });
    h.host.handle({ action: 'hint' });
    const saved = JSON.parse(JSON.stringify(h.host.saved()));
    const other = harness();
    other.host.restore(saved, h.cluster());
    other.flush();
    expect(other.views().at(-1)).toMatchObject({ id: 'self-healing', current: 1, hintsOpen: 1 });
  });

  it('ends the lesson for progress that is damaged or names no lesson (a hostile share link)', () => {
    for (const bad of [
      { current: { lesson: 'nope', step: 0, stepStartedAt: 0, completed: [], hints: {} } },
      { current: { lesson: 'self-healing', step: 99, stepStartedAt: 0, completed: [], hints: {} } },
      { current: { lesson: 'self-healing', step: 1, stepStartedAt: 0, completed: [{}], hints: {} } },
      { current: { lesson: 'self-healing', step: 1, stepStartedAt: 'x', completed: [], hints: {} } },
      { current: 'self-healing' },
      {},
    ]) {
      const h = harness();
      h.host.handle({ action: 'start', lesson: 'self-healing' });
      h.flush();
      h.host.restore(bad as Record<string, unknown>, h.cluster());
      h.flush();
      // step 99 is out of range: the session starts the lesson from its first step instead
      const v = h.views().at(-1);
      if (v) expect(v.current).toBe(0);
      else expect(v).toBeNull();
    }
  });
});
