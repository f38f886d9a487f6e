/**
 * -l/--selector and --field-selector as the API server applies them to a list.
 * Label selectors use apimachinery's syntax (api/labels.ts); field selectors support
 * the fields the API server indexes for each kind (pkg/registry/core/pod/strategy.go
 * PodToSelectableFields and friends) with `=`, `==` and `!=`.
 */
import type { KindInfo } from '../api/kinds';
import { matches, parseSelector, SelectorParseError } from '../api/labels';
import type { KubeObject } from '../api/types';
import { KubectlError } from './errors';

export type ObjectFilter = (obj: KubeObject) => boolean;

export function labelFilter(selector: string | undefined): ObjectFilter {
  if (selector === undefined || selector.trim() === '') return () => true;
  try {
    const s = parseSelector(selector);
    return (o) => matches(s, o.metadata.labels);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
}

const COMMON: Record<string, (o: KubeObject) => string> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const BY_KIND: Record<string, Record<string, (o: KubeObject) => string>> = {
  Pod: {
    'spec.nodeName': (o) => str(o.spec?.nodeName),
    'spec.restartPolicy': (o) => str(o.spec?.restartPolicy),
    'spec.schedulerName': (o) => str(o.spec?.schedulerName),
    'spec.serviceAccountName': (o) => str(o.spec?.serviceAccountName),
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork === true),
    'status.phase': (o) => str(o.status?.phase),
    'status.podIP': (o) => str(o.status?.podIP),
    'status.nominatedNodeName': (o) => str(o.status?.nominatedNodeName),
  },
  Node: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable === true) },
  Event: {
    'involvedObject.kind': (o) => str((o as any).involvedObject?.kind),
    'involvedObject.namespace': (o) => str((o as any).involvedObject?.namespace),
    'involvedObject.name': (o) => str((o as any).involvedObject?.name),
    'involvedObject.uid': (o) => str((o as any).involvedObject?.uid),
    'involvedObject.fieldPath': (o) => str((o as any).involvedObject?.fieldPath),
    reason: (o) => str((o as any).reason),
    type: (o) => str((o as any).type),
    source: (o) => str((o as any).source?.component),
  },
  Namespace: { 'status.phase': (o) => str(o.status?.phase) },
};

export function fieldFilter(selector: string | undefined, info: KindInfo): ObjectFilter {
  if (selector === undefined || selector.trim() === '') return () => true;
  const terms = selector.split(',').map((t) => t.trim());
  const checks: ObjectFilter[] = [];
  for (const term of terms) {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new KubectlError(`error: invalid selector: '${selector}'; can't understand '${term}'`);
    const [, field, op, value] = m;
    const get = COMMON[field] ?? BY_KIND[info.kind]?.[field];
    if (!get) {
      throw new KubectlError(
        `Error from server (BadRequest): Unable to find "${info.group ? `${info.group}/` : '/'}${info.apiVersion.split('/').pop()}, Resource=${info.plural}" that match label selector "", field selector "${selector}": field label not supported: ${field}`,
      );
    }
    checks.push(op === '!=' ? (o) => get(o) !== value : (o) => get(o) === value);
  }
  return (o) => checks.every((c) => c(o));
}
