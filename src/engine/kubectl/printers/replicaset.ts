/**
 * printReplicaSet and printReplicationController (pkg/printers/internalversion/printers.go):
 * NAME DESIRED CURRENT READY AGE, and with -o wide CONTAINERS IMAGES SELECTOR.
 */
import { formatLabelSelector, formatLabels } from '../../api/labels';
import type { KubeObject } from '../../api/types';
import { since } from '../age';
import { containerCells } from './containers';
import type { Printer } from './types';

function replicasPrinter(selectorText: (obj: KubeObject) => string): Printer {
  return {
    headers: (wide) => [
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'AGE',
      ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
    ],
    row: (obj, ctx) => {
      const cells = [
        obj.metadata.name,
        String(obj.spec?.replicas ?? 0),
        String(obj.status?.replicas ?? 0),
        String(obj.status?.readyReplicas ?? 0),
        since(obj.metadata.creationTimestamp, ctx.now),
      ];
      if (!ctx.wide) return cells;
      return [...cells, ...containerCells(obj), selectorText(obj)];
    },
  };
}

/** metav1.FormatLabelSelector of spec.selector */
export const replicaSetPrinter = replicasPrinter((o) => formatLabelSelector(o.spec?.selector));

/** labels.FormatLabels of the equality selector */
export const replicationControllerPrinter = replicasPrinter((o) => formatLabels(o.spec?.selector));
