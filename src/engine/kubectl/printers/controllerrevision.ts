/**
 * printControllerRevision (pkg/printers/internalversion/printers.go): NAME CONTROLLER
 * REVISION AGE; CONTROLLER is the controllerRef as `<kind>.<group>/<name>` in lower
 * case (statefulset.apps/web), or <none>.
 */
import type { KubeObject } from '../../api/types';
import { since } from '../age';
import type { Printer } from './types';

export function controllerName(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion?.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: Printer = {
  headers: () => ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  row: (obj, ctx) => [
    obj.metadata.name,
    controllerName(obj),
    String(obj.revision ?? 0),
    since(obj.metadata.creationTimestamp, ctx.now),
  ],
};
