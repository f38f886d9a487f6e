import { useEffect } from 'react';
import Markdown from 'react-markdown';
import type { LessonView } from '../../protocol/messages';
import { lessonAction, listLessons } from '../actions/lesson';
import { useLocaleStore } from '../i18n/locale';
import { type Translate, useMessages } from '../i18n/messages';
import { useEditorStore } from '../state/editorStore';
import { catalog } from './LessonsPanel.messages';
import { useLessonStore } from './lessonStore';
import './LessonsPanel.css';

type T = Translate<keyof (typeof catalog)['en']>;

/**
 * Guided lessons: the list to pick from, then the running lesson's step — its text,
 * its goals ticking as the cluster reaches them, hints one at a time, "show me", and
 * the way back and forth. The worker evaluates the goals; this only shows them.
 */
export function LessonsPanel() {
  const t = useMessages(catalog);
  const view = useLessonStore((s) => s.view);
  const locale = useLocaleStore((s) => s.locale);
  useEffect(() => listLessons(), []);
  return (
    <section className="panel lessons" aria-labelledby="lessons-title" data-testid="lessons">
      <div className="panel-head">
        <h2 id="lessons-title">{view ? view.title[locale] : t('title')}</h2>
        <span className="panel-note">{t('subtitle')}</span>
      </div>
      {view ? <RunningLesson view={view} t={t} /> : <LessonList t={t} />}
    </section>
  );
}

function LessonList({ t }: { t: T }) {
  const locale = useLocaleStore((s) => s.locale);
  const list = useLessonStore((s) => s.list);
  const broken = useLessonStore((s) => s.broken);
  const error = useLessonStore((s) => s.error);
  return (
    <>
      {error && (
        <p className="lesson-error" role="alert">
          {error}
        </p>
      )}
      <p className="lesson-note">{t('startWarning')}</p>
      <ol className="lesson-list">
        {list.map((l) => (
          <li key={l.id}>
            <span className="lesson-name">{l.title[locale]}</span>
            <span className="lesson-minutes">{t('minutes', { n: l.minutes })}</span>
            <button type="button" onClick={() => lessonAction({ action: 'start', lesson: l.id })}>
              {t('start')}
            </button>
          </li>
        ))}
      </ol>
      {broken.map((b) => (
        <p key={b.dir} className="lesson-error" role="alert">
          {t('broken', { error: b.error })}
        </p>
      ))}
    </>
  );
}

function RunningLesson({ view, t }: { view: LessonView; t: T }) {
  const locale = useLocaleStore((s) => s.locale);
  const error = useLessonStore((s) => s.error);
  const step = view.steps[view.current];
  const complete = view.completed.includes(step.id);
  const hints = step.hints[locale];
  const last = view.current === view.steps.length - 1;
  return (
    <div className="lesson-running">
      {view.fastTimings && <p className="lesson-note">{t('fastTimings')}</p>}
      {view.current === 0 && (
        <div className="lesson-prose">
          <Markdown>{view.intro[locale]}</Markdown>
        </div>
      )}
      <nav className="lesson-steps" aria-label={t('stepOf', { n: view.current + 1, total: view.steps.length })}>
        {view.steps.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className={`lesson-dot${i === view.current ? ' current' : ''}${view.completed.includes(s.id) ? ' done' : ''}`}
            aria-current={i === view.current ? 'step' : undefined}
            aria-label={`${i + 1}. ${s.title[locale]}${view.completed.includes(s.id) ? ` (${t('checkOk')})` : ''}`}
            onClick={() => lessonAction({ action: 'goTo', step: i })}
          >
            {view.completed.includes(s.id) ? '✓' : i + 1}
          </button>
        ))}
      </nav>
      <h3 className="lesson-step-title">
        <span className="lesson-step-count">{t('stepOf', { n: view.current + 1, total: view.steps.length })}</span>
        {step.title[locale]}
      </h3>
      <div className="lesson-prose">
        <Markdown>{step.body[locale]}</Markdown>
      </div>
      {step.editor && (
        <button type="button" onClick={() => useEditorStore.getState().setText(step.editor ?? '')}>
          {t('toEditor')}
        </button>
      )}
      <h4 className="lesson-checks-title">{t('checks')}</h4>
      <ul className="lesson-checks" aria-live="polite">
        {view.checks.map((c, i) => (
          <li key={i} className={c.ok ? 'ok' : 'pending'} data-status={c.ok ? 'ok' : 'pending'}>
            <span className="lesson-check-icon" aria-hidden="true">
              {c.ok ? '✓' : '○'}
            </span>
            <span className="visually-hidden">{c.ok ? t('checkOk') : t('checkPending')}: </span>
            {c.label[locale]}
            {!c.ok && c.actual && <span className="lesson-actual">{t('now', { actual: c.actual })}</span>}
          </li>
        ))}
      </ul>
      {complete && !view.finished && <p className="lesson-done">{t('stepDone')}</p>}
      {view.finished && <p className="lesson-done">{t('finished')}</p>}
      {view.hintsOpen > 0 && (
        <ol className="lesson-hints">
          {hints.slice(0, view.hintsOpen).map((h) => (
            <li key={h}>
              <Markdown>{h}</Markdown>
            </li>
          ))}
        </ol>
      )}
      {(view.showMeError || error) && (
        <p className="lesson-error" role="alert">
          {view.showMeError ? t('showMeFailed', { error: view.showMeError }) : error}
        </p>
      )}
      <div className="lesson-actions">
        <button
          type="button"
          onClick={() => lessonAction({ action: 'hint' })}
          disabled={view.hintsOpen >= hints.length}
        >
          {view.hintsOpen >= hints.length
            ? t('noMoreHints')
            : t('hint', { n: view.hintsOpen + 1, total: hints.length })}
        </button>
        <button type="button" title={t('showMeTitle')} onClick={() => lessonAction({ action: 'showMe' })}>
          {t('showMe')}
        </button>
        <span className="lesson-spacer" />
        <button type="button" onClick={() => lessonAction({ action: 'back' })} disabled={view.current === 0}>
          {t('back')}
        </button>
        <button
          type="button"
          className={complete ? 'primary' : undefined}
          onClick={() => lessonAction({ action: 'next' })}
          disabled={last}
        >
          {complete ? t('nextDone') : t('next')}
        </button>
      </div>
      <div className="lesson-actions minor">
        <button type="button" onClick={() => lessonAction({ action: 'restart' })}>
          {t('restart')}
        </button>
        <button type="button" onClick={() => lessonAction({ action: 'exit' })}>
          {t('exit')}
        </button>
      </div>
    </div>
  );
}
