/**
 * printStatefulSet (pkg/printers/internalversion/printers.go): NAME READY AGE, READY
 * as readyReplicas/replicas, and with -o wide CONTAINERS IMAGES.
 */
import { since } from '../age';
import { templateContainerCells } from './daemonset';
import type { Printer } from './types';

export const statefulSetPrinter: Printer = {
  headers: (wide) => ['NAME', 'READY', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES'] : [])],
  row: (obj, ctx) => {
    const cells = [
      obj.metadata.name,
      `${obj.status?.readyReplicas ?? 0}/${obj.spec?.replicas ?? 0}`,
      since(obj.metadata.creationTimestamp, ctx.now),
    ];
    return ctx.wide ? [...cells, ...templateContainerCells(obj)] : cells;
  },
};
