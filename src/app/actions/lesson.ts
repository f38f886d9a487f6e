import type { LessonAction } from '../../protocol/messages';
import { send } from '../engineClient';

/** Asks the worker for the lessons there are. */
export function listLessons(): void {
  send({ type: 'lessons' });
}

/** Starts, moves through or leaves a lesson; the worker answers with the lesson's view. */
export function lessonAction(action: LessonAction): void {
  send({ type: 'lesson', ...action });
}
