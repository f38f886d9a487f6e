/**
 * Turns resource arguments into objects, the way kubectl's resource builder does:
 * named objects are fetched one by one (a missing one is a NotFound error that does not
 * stop the others), otherwise the kind is listed in the namespace (or all of them) and
 * filtered by the label and field selectors.
 */
import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { flagString } from './args';
import { allNamespaces, type Invocation, namespaceOf } from './cmd';
import { fieldFilter, labelFilter } from './selectors';

export interface Fetched {
  info: KindInfo;
  objects: KubeObject[];
  /** kubectl's text for each name that was not found */
  errors: string[];
}

export function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function fetchObjects(inv: Invocation, info: KindInfo, names: string[]): Fetched {
  const ns = namespaceOf(inv);
  const all = allNamespaces(inv);
  const errors: string[] = [];
  if (names.length > 0) {
    const objects: KubeObject[] = [];
    for (const name of names) {
      const obj = inv.cluster.get(info.kind, name, info.namespaced ? ns : undefined);
      if (obj) objects.push(obj);
      else
        errors.push(
          `Error from server (NotFound): ${info.plural}${info.group ? `.${info.group}` : ''} "${name}" not found`,
        );
    }
    return { info, objects, errors };
  }
  const byLabel = labelFilter(flagString(inv.p, 'selector'));
  const byField = fieldFilter(flagString(inv.p, 'field-selector'), info);
  const source =
    info.kind === 'Event'
      ? inv.cluster.events()
      : inv.cluster.list(info.kind, info.namespaced && !all ? ns : undefined);
  const inScope = info.namespaced && !all ? source.filter((o) => o.metadata.namespace === ns) : source;
  const objects = inScope.filter((o) => byLabel(o) && byField(o));
  // The API server lists in key order (namespace, then name); events keep time order.
  if (info.kind !== 'Event') objects.sort(byNamespaceThenName);
  return { info, objects, errors };
}

/**
 * "No resources found in default namespace.", or "No resources found" with -A. kubectl
 * decides from the flags alone, so a cluster-scoped kind gets the namespace wording too
 * (get.go Run: allResourcesNamespaced starts as !AllNamespaces).
 */
export function noResourcesMessage(inv: Invocation): string {
  return allNamespaces(inv) ? 'No resources found' : `No resources found in ${namespaceOf(inv)} namespace.`;
}
