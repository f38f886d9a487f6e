import type { KubeObject } from '../../api/types';

/** layoutContainerCells (printers.go): the pod template's container names and images, comma-separated. */
export function containerCells(obj: KubeObject): [string, string] {
  const cs: { name: string; image: string }[] = obj.spec?.template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}
