/** printLease: NAME HOLDER AGE. */
import { since } from '../age';
import type { Printer } from './types';

export const leasePrinter: Printer = {
  headers: () => ['NAME', 'HOLDER', 'AGE'],
  row: (obj, ctx) => [
    obj.metadata.name,
    obj.spec?.holderIdentity ?? '',
    since(obj.metadata.creationTimestamp, ctx.now),
  ],
};
