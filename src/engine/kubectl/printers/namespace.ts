/** printNamespace: NAME STATUS AGE. */
import { since } from '../age';
import type { Printer } from './types';

export const namespacePrinter: Printer = {
  headers: () => ['NAME', 'STATUS', 'AGE'],
  row: (obj, ctx) => [
    obj.metadata.name,
    obj.status?.phase ?? (obj.metadata.deletionTimestamp ? 'Terminating' : 'Active'),
    since(obj.metadata.creationTimestamp, ctx.now),
  ],
};
