/**
 * A table printer for one kind, like the TableGenerator handlers of kubernetes
 * pkg/printers/internalversion/printers.go: column names (the wide ones included
 * when -o wide) and the cells of one row.
 */
import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../index';

export interface PrintContext {
  now: number;
  wide: boolean;
  cluster: Cluster;
}

export interface Printer {
  headers(wide: boolean): string[];
  row(obj: KubeObject, ctx: PrintContext): string[];
}
