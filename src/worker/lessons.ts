/**
 * The lesson beside the cluster: starts a lesson (a fresh cluster with its setup),
 * moves through its steps, plays "show me", and re-evaluates the current step's checks
 * whenever the cluster changed, sending the panel a view only when what it shows
 * differs. Checks are kubectl calls, so evaluation follows the view throttle.
 */
import type { Cluster } from '../engine/index';
import { findLesson, lessonCatalog } from '../lessons/catalog';
import { type LessonProgress, LessonSession, prepareCluster } from '../lessons/session';
import type { Lesson } from '../lessons/types';
import type { LessonAction, LessonSummary, LessonView, ResetOptions, WorkerMessage } from '../protocol/messages';

/** What the host lets the lesson do to it: replace the cluster, set the clock. */
export interface LessonHostDeps {
  replaceCluster(options: ResetOptions): Cluster;
  setClock(speed: number, running: boolean): void;
}

export function lessonList(): { lessons: LessonSummary[]; broken: { dir: string; error: string }[] } {
  const entries = lessonCatalog();
  return {
    lessons: entries.flatMap((e) =>
      e.lesson ? [{ id: e.lesson.id, order: e.lesson.order, minutes: e.lesson.minutes, title: e.lesson.title }] : [],
    ),
    broken: entries.flatMap((e) => (e.error ? [{ dir: e.dir, error: e.error }] : [])),
  };
}

export class LessonHost {
  private session: LessonSession | null = null;
  private dirty = false;
  private lastPosted = 'null';
  private showMeError: string | undefined;

  constructor(private readonly deps: LessonHostDeps) {}

  get active(): boolean {
    return this.session !== null;
  }

  /** Any store change may change a check's answer. */
  markDirty(): void {
    if (this.session) this.dirty = true;
  }

  /** The host swapped clusters (reset, a loaded scenario): the lesson reads the new one. */
  attach(cluster: Cluster): void {
    this.session?.attach(cluster);
    this.dirty = true;
  }

  handle(cmd: LessonAction): void {
    this.showMeError = undefined;
    if (cmd.action === 'start' || cmd.action === 'restart') {
      const lesson = cmd.action === 'start' ? findLesson(cmd.lesson) : this.session?.lesson;
      if (!lesson)
        throw new Error(cmd.action === 'start' ? `no lesson called "${cmd.lesson}"` : 'no lesson is running');
      this.begin(lesson);
    } else if (cmd.action === 'exit') {
      this.session = null;
    } else {
      const s = this.session;
      if (!s) throw new Error('no lesson is running');
      if (cmd.action === 'next') s.next();
      else if (cmd.action === 'back') s.goTo(s.progress().step - 1);
      else if (cmd.action === 'goTo') s.goTo(cmd.step);
      else if (cmd.action === 'hint') s.showHint();
      else {
        const failed = s.showMe().find((r) => !r.ok);
        if (failed) this.showMeError = failed.message;
      }
    }
    this.dirty = true;
  }

  private begin(lesson: Lesson, saved?: LessonProgress): void {
    // Ended first, so the host's reset does not re-attach the old lesson to the new cluster.
    this.session = null;
    const c = lesson.cluster;
    const cluster = this.deps.replaceCluster({
      nodes: c.nodes,
      seed: c.seed,
      ...(c.timings ? { timings: c.timings } : {}),
    });
    prepareCluster(lesson, cluster);
    this.session = new LessonSession(lesson, cluster, saved);
    this.deps.setClock(lesson.cluster.speed, true);
  }

  /** Progress to save with a scenario (null when no lesson runs). */
  progress(): LessonProgress | null {
    return this.session?.progress() ?? null;
  }

  /** What a saved scenario carries: the running lesson's progress, if any. */
  saved(): { current?: LessonProgress } {
    const p = this.progress();
    return p ? { current: p } : {};
  }

  /**
   * Resumes the lesson a scenario was saved in, on the cluster it restored. The
   * scenario may come from a share link: progress that is not well-formed, or names a
   * lesson that does not exist (any more), simply ends the lesson.
   */
  restore(saved: Record<string, unknown>, cluster: Cluster): void {
    const progress = asProgress(saved.current);
    const lesson = progress ? findLesson(progress.lesson) : undefined;
    this.session = lesson && progress ? new LessonSession(lesson, cluster, progress) : null;
    this.dirty = true;
  }

  /** Posts the lesson view if the cluster changed since the last one and the view differs. */
  flush(post: (m: WorkerMessage) => void, force = false): void {
    if (!this.dirty && !force) return;
    this.dirty = false;
    const view = this.session ? this.view(this.session) : null;
    const key = JSON.stringify(view);
    if (key === this.lastPosted && !force) return;
    this.lastPosted = key;
    post({ type: 'lesson', view });
  }

  private view(s: LessonSession): LessonView {
    const lesson = s.lesson;
    const state = s.evaluate();
    const progress = s.progress();
    return {
      id: lesson.id,
      title: lesson.title,
      intro: lesson.intro,
      minutes: lesson.minutes,
      fastTimings: lesson.cluster.timings === 'fast',
      steps: lesson.steps.map((st) => ({
        id: st.id,
        title: { en: st.prose.en.title, ko: st.prose.ko.title },
        body: { en: st.prose.en.body, ko: st.prose.ko.body },
        hints: { en: st.prose.en.hints, ko: st.prose.ko.hints },
        ...(st.editor ? { editor: st.editor } : {}),
        ...(st.highlight ? { highlight: st.highlight } : {}),
      })),
      current: state.index,
      checks: lesson.steps[state.index].checks.map((c, i) => ({
        label: c.label,
        ok: state.checks[i].ok,
        actual: state.checks[i].actual,
      })),
      completed: progress.completed,
      hintsOpen: progress.hints[state.id] ?? 0,
      finished: s.finished(),
      ...(this.showMeError ? { showMeError: this.showMeError } : {}),
    };
  }
}

function asProgress(x: unknown): LessonProgress | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const p = x as Record<string, unknown>;
  const hints = p.hints && typeof p.hints === 'object' ? (p.hints as Record<string, unknown>) : undefined;
  const ok =
    typeof p.lesson === 'string' &&
    Number.isInteger(p.step) &&
    typeof p.stepStartedAt === 'number' &&
    Number.isFinite(p.stepStartedAt) &&
    Array.isArray(p.completed) &&
    p.completed.every((c) => typeof c === 'string') &&
    hints !== undefined &&
    Object.values(hints).every((n) => Number.isInteger(n) && (n as number) >= 0);
  if (!ok) return undefined;
  return {
    lesson: p.lesson as string,
    step: p.step as number,
    stepStartedAt: p.stepStartedAt as number,
    completed: [...(p.completed as string[])],
    hints: { ...(hints as Record<string, number>) },
  };
}
