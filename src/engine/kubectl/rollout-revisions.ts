/**
 * Where a workload's rollout history lives, read the way kubectl reads it: a
 * Deployment's revisions are the ReplicaSets it controls, numbered by their
 * `deployment.kubernetes.io/revision` annotation (kubectl pkg/util/deployment); a
 * DaemonSet's or StatefulSet's are the ControllerRevisions it controls, each holding
 * its template as a `$patch: replace` patch (polymorphichelpers/history.go).
 */
import { fromLabelSelector, matches } from '../api/labels';
import type { KubeObject } from '../api/types';
import type { ControllerRevision, PodTemplateSpec, ReplicaSet } from '../api/workload-types';
import type { Cluster } from '../index';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** appsv1.DefaultDeploymentUniqueLabelKey */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

function controlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid);
}

/** GetAllReplicaSets: the ReplicaSets the Deployment's selector matches and that it controls. */
export function ownedReplicaSets(cluster: Cluster, d: KubeObject): ReplicaSet[] {
  const selector = fromLabelSelector(d.spec?.selector);
  return (cluster.list('ReplicaSet', d.metadata.namespace) as ReplicaSet[]).filter(
    (rs) => matches(selector, rs.metadata.labels) && controlledBy(rs, d),
  );
}

/** deploymentutil.Revision: a missing annotation is revision 0; an unparsable one is skipped. */
export function revisionOf(rs: KubeObject): number | undefined {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** controlledHistory: the owner's ControllerRevisions, by selector and controller reference. */
export function ownedRevisions(cluster: Cluster, owner: KubeObject): ControllerRevision[] {
  const selector = fromLabelSelector(owner.spec?.selector);
  return (cluster.list('ControllerRevision', owner.metadata.namespace) as ControllerRevision[])
    .filter((r) => matches(selector, r.metadata.labels) && controlledBy(r, owner))
    .sort((a, b) => a.revision - b.revision);
}

/** The template a revision restores: its patch's spec.template without the `$patch` directive. */
export function revisionTemplate(rev: ControllerRevision): PodTemplateSpec | undefined {
  const data = rev.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const template = data?.spec?.template;
  if (!template) return undefined;
  const { $patch: _directive, ...rest } = structuredClone(template);
  return rest as unknown as PodTemplateSpec;
}

/** encoding/json of decoded JSON: keys sorted, so equal data gives equal bytes. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** daemonSetMatch / statefulsetMatch: the owner's template patch equals the stored one. */
export function templateMatches(owner: KubeObject, rev: ControllerRevision): boolean {
  const patch = { spec: { template: { ...(owner.spec?.template ?? {}), $patch: 'replace' } } };
  return canonicalJson(patch) === canonicalJson(rev.data ?? null);
}

/** equalIgnoreHash: two pod templates that differ at most in the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const copy = structuredClone(t ?? {}) as PodTemplateSpec;
    if (copy.metadata?.labels) {
      delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
    }
    if (copy.metadata && Object.keys(copy.metadata).length === 0) delete copy.metadata;
    return canonicalJson(copy);
  };
  return strip(a) === strip(b);
}
