/** Kinds without a dedicated printer: the API server's default table, NAME and AGE. */
import { since } from '../age';
import type { Printer } from './types';

export const genericPrinter: Printer = {
  headers: () => ['NAME', 'AGE'],
  row: (obj, ctx) => [obj.metadata.name, since(obj.metadata.creationTimestamp, ctx.now)],
};
