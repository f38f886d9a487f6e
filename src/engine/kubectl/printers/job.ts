/**
 * printJob (pkg/printers/internalversion/printers.go): NAME STATUS COMPLETIONS
 * DURATION AGE, and with -o wide CONTAINERS IMAGES SELECTOR.
 */
import { fromLabelSelector, selectorString } from '../../api/labels';
import type { KubeObject } from '../../api/types';
import { fromTimestamp } from '../../sim/clock';
import { humanDuration, since } from '../age';
import { containerCells } from './containers';
import type { Printer } from './types';

function hasCondition(obj: KubeObject, type: string): boolean {
  return (obj.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === type && c.status === 'True',
  );
}

/** The STATUS column: the terminal condition first, then Terminating, Suspended, the interim ones. */
export function jobStatusText(obj: KubeObject): string {
  if (hasCondition(obj, 'Complete')) return 'Complete';
  if (hasCondition(obj, 'Failed')) return 'Failed';
  if (obj.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(obj, 'Suspended')) return 'Suspended';
  if (hasCondition(obj, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(obj, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** COMPLETIONS: "succeeded/completions"; a work-queue Job shows "n/1" (of its parallelism). */
export function jobCompletionsText(obj: KubeObject): string {
  const succeeded = obj.status?.succeeded ?? 0;
  if (obj.spec?.completions != null) return `${succeeded}/${obj.spec.completions}`;
  const parallelism = obj.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: from startTime to completionTime, or to now while it runs. */
export function jobDurationText(obj: KubeObject, now: number): string {
  const start = obj.status?.startTime;
  if (!start) return '';
  const end = obj.status?.completionTime;
  if (!end) return since(start, now);
  return humanDuration(fromTimestamp(end) - fromTimestamp(start));
}

export const jobPrinter: Printer = {
  headers: (wide) => [
    'NAME',
    'STATUS',
    'COMPLETIONS',
    'DURATION',
    'AGE',
    ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
  ],
  row: (obj, ctx) => {
    const cells = [
      obj.metadata.name,
      jobStatusText(obj),
      jobCompletionsText(obj),
      jobDurationText(obj, ctx.now),
      since(obj.metadata.creationTimestamp, ctx.now),
    ];
    if (!ctx.wide) return cells;
    const [names, images] = containerCells(obj);
    const selector = obj.spec?.selector ? selectorString(fromLabelSelector(obj.spec.selector)) : '<none>';
    return [...cells, names, images, selector];
  },
};
