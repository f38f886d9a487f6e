/**
 * printCronJob (pkg/printers/internalversion/printers.go): NAME SCHEDULE TIMEZONE
 * SUSPEND ACTIVE LAST SCHEDULE AGE, and with -o wide CONTAINERS IMAGES SELECTOR (the
 * job template's).
 */
import { fromLabelSelector, selectorString } from '../../api/labels';
import { since } from '../age';
import type { Printer } from './types';

/** printBoolPtr: True / False, or <unset> when nil. */
export function boolPtrText(v: unknown): string {
  if (v == null) return '<unset>';
  return v ? 'True' : 'False';
}

export const cronJobPrinter: Printer = {
  headers: (wide) => [
    'NAME',
    'SCHEDULE',
    'TIMEZONE',
    'SUSPEND',
    'ACTIVE',
    'LAST SCHEDULE',
    'AGE',
    ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
  ],
  row: (obj, ctx) => {
    const spec = obj.spec ?? {};
    const last = obj.status?.lastScheduleTime;
    const cells = [
      obj.metadata.name,
      String(spec.schedule ?? ''),
      spec.timeZone != null ? String(spec.timeZone) : '<none>',
      boolPtrText(spec.suspend),
      String((obj.status?.active ?? []).length),
      last ? since(last, ctx.now) : '<none>',
      since(obj.metadata.creationTimestamp, ctx.now),
    ];
    if (!ctx.wide) return cells;
    const jobSpec = spec.jobTemplate?.spec ?? {};
    const cs: { name: string; image: string }[] = jobSpec.template?.spec?.containers ?? [];
    const selector = jobSpec.selector ? selectorString(fromLabelSelector(jobSpec.selector)) : '<none>';
    return [...cells, cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), selector];
  },
};
