/**
 * printDaemonSet (pkg/printers/internalversion/printers.go): NAME DESIRED CURRENT
 * READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE, and with -o wide CONTAINERS IMAGES
 * SELECTOR.
 */
import { formatLabelSelector, formatLabels } from '../../api/labels';
import type { KubeObject } from '../../api/types';
import { since } from '../age';
import type { Printer } from './types';

/** layoutContainerCells: the template's container names and images, comma-separated. */
export function templateContainerCells(obj: KubeObject): [string, string] {
  const cs: { name: string; image: string }[] = obj.spec?.template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

export const daemonSetPrinter: Printer = {
  headers: (wide) => [
    'NAME',
    'DESIRED',
    'CURRENT',
    'READY',
    'UP-TO-DATE',
    'AVAILABLE',
    'NODE SELECTOR',
    'AGE',
    ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
  ],
  row: (obj, ctx) => {
    const s = obj.status ?? {};
    const cells = [
      obj.metadata.name,
      String(s.desiredNumberScheduled ?? 0),
      String(s.currentNumberScheduled ?? 0),
      String(s.numberReady ?? 0),
      String(s.updatedNumberScheduled ?? 0),
      String(s.numberAvailable ?? 0),
      formatLabels(obj.spec?.template?.spec?.nodeSelector),
      since(obj.metadata.creationTimestamp, ctx.now),
    ];
    if (!ctx.wide) return cells;
    return [...cells, ...templateContainerCells(obj), formatLabelSelector(obj.spec?.selector)];
  },
};
