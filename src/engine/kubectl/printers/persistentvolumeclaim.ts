/**
 * printPersistentVolumeClaim (pkg/printers/internalversion/printers.go): NAME STATUS
 * VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE, and with -o wide
 * VOLUMEMODE. Capacity and access modes come from the status, so a Pending claim
 * shows them empty.
 */
import type { KubeObject } from '../../api/types';
import { since } from '../age';
import type { Printer } from './types';

const MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** helper.GetAccessModesAsString: short names in a fixed order, comma-separated. */
export function accessModesText(modes: string[] | undefined): string {
  const have = new Set(modes ?? []);
  return ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']
    .filter((m) => have.has(m))
    .map((m) => MODE_SHORT[m])
    .join(',');
}

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(obj: KubeObject): string {
  return obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? obj.spec?.storageClassName ?? '';
}

export const persistentVolumeClaimPrinter: Printer = {
  headers: (wide) => [
    'NAME',
    'STATUS',
    'VOLUME',
    'CAPACITY',
    'ACCESS MODES',
    'STORAGECLASS',
    'VOLUMEATTRIBUTESCLASS',
    'AGE',
    ...(wide ? ['VOLUMEMODE'] : []),
  ],
  row: (obj, ctx) => {
    const volume = obj.spec?.volumeName ?? '';
    const capacity = volume ? String(obj.status?.capacity?.storage ?? '') : '';
    const accessModes = volume ? accessModesText(obj.status?.accessModes) : '';
    const cells = [
      obj.metadata.name,
      obj.metadata.deletionTimestamp ? 'Terminating' : String(obj.status?.phase ?? ''),
      volume,
      capacity,
      accessModes,
      claimClass(obj),
      obj.spec?.volumeAttributesClassName ?? '<unset>',
      since(obj.metadata.creationTimestamp, ctx.now),
    ];
    return ctx.wide ? [...cells, obj.spec?.volumeMode ?? '<unset>'] : cells;
  },
};
