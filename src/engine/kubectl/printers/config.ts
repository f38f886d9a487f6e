/**
 * printConfigMap (NAME DATA AGE, DATA counting data and binaryData keys) and
 * printSecret (NAME TYPE DATA AGE) from pkg/printers/internalversion/printers.go.
 */
import { since } from '../age';
import type { Printer } from './types';

const keys = (m: unknown) => (m && typeof m === 'object' ? Object.keys(m).length : 0);

export const configMapPrinter: Printer = {
  headers: () => ['NAME', 'DATA', 'AGE'],
  row: (obj, ctx) => [
    obj.metadata.name,
    String(keys(obj.data) + keys(obj.binaryData)),
    since(obj.metadata.creationTimestamp, ctx.now),
  ],
};

export const secretPrinter: Printer = {
  headers: () => ['NAME', 'TYPE', 'DATA', 'AGE'],
  row: (obj, ctx) => [
    obj.metadata.name,
    String(obj.type ?? ''),
    String(keys(obj.data)),
    since(obj.metadata.creationTimestamp, ctx.now),
  ],
};
