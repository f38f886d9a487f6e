/**
 * printDeployment (pkg/printers/internalversion/printers.go): NAME READY UP-TO-DATE
 * AVAILABLE AGE, READY as ready/desired; with -o wide CONTAINERS IMAGES SELECTOR.
 */
import { formatLabelSelector } from '../../api/labels';
import { since } from '../age';
import { containerCells } from './containers';
import type { Printer } from './types';

export const deploymentPrinter: Printer = {
  headers: (wide) => [
    'NAME',
    'READY',
    'UP-TO-DATE',
    'AVAILABLE',
    'AGE',
    ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
  ],
  row: (obj, ctx) => {
    const s = obj.status ?? {};
    const cells = [
      obj.metadata.name,
      `${s.readyReplicas ?? 0}/${obj.spec?.replicas ?? 0}`,
      String(s.updatedReplicas ?? 0),
      String(s.availableReplicas ?? 0),
      since(obj.metadata.creationTimestamp, ctx.now),
    ];
    if (!ctx.wide) return cells;
    return [...cells, ...containerCells(obj), formatLabelSelector(obj.spec?.selector)];
  },
};
