/**
 * kubectl rollout undo [--to-revision=N] (kubectl pkg/cmd/rollout/rollout_undo.go and
 * the rollbackers of polymorphichelpers/rollback.go). Done on the client, as kubectl
 * has done since the server-side rollback went away: the old revision's template is
 * written back into the workload, and its controller then rolls out to it as to any
 * other change (a Deployment re-numbers that old ReplicaSet as the newest revision).
 * Revision 0 means the one before the current.
 */
import type { KubeObject } from '../api/types';
import type { ControllerRevision, ReplicaSet } from '../api/workload-types';
import { flagInt } from './args';
import type { Invocation } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { KubectlError } from './errors';
import { groupKind, templateText } from './rollout-history';
import {
  equalIgnoreHash,
  ownedReplicaSets,
  ownedRevisions,
  POD_TEMPLATE_HASH_LABEL,
  revisionOf,
  revisionTemplate,
  templateMatches,
} from './rollout-revisions';
import { finish, hasFilename, printResult, resolveTargets, type Target, updateWrapped } from './workload-targets';

/** annotationsToSkip: kept from the Deployment, never copied from the ReplicaSet. */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const notFound = (r: number) => new KubectlError(`error: unable to find specified revision ${r} in history`);

/** deploymentRevision: the ReplicaSet of that revision, or (0) the second newest one. */
export function deploymentRevision(rss: ReplicaSet[], toRevision: number, name: string): ReplicaSet {
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw notFound(toRevision);
  if (!previous) throw new KubectlError(`error: no rollout history found for deployment "${name}"`);
  return previous;
}

/** findHistory: the ControllerRevision of that revision, or (0) the second newest one. */
export function findHistory(history: ControllerRevision[], toRevision: number): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (history.length <= 1) return undefined;
    return [...history].sort((a, b) => a.revision - b.revision)[history.length - 2];
  }
  return history.find((h) => h.revision === toRevision);
}

type Outcome = { operation: string; object?: KubeObject };

function rollbackDeployment(inv: Invocation, t: Target, toRevision: number): Outcome {
  const d = t.obj;
  const name = d.metadata.name;
  const rs = structuredClone(deploymentRevision(ownedReplicaSets(inv.cluster, d), toRevision, name));
  const dry = dryRunOf(inv.p);
  if (dry === 'client') return { operation: templateText(rs.spec.template) };
  if (d.spec?.paused) {
    throw new KubectlError(
      `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`,
    );
  }
  if (equalIgnoreHash(rs.spec.template, d.spec?.template)) {
    return { operation: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = rs.spec.template;
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  d.spec = { ...d.spec, template };
  d.metadata.annotations = annotations;
  // an empty map is omitted from the stored object, as Go's omitempty does
  if (Object.keys(annotations).length === 0) delete d.metadata.annotations;
  const object = updateWrapped(inv, d, `failed restoring revision ${toRevision}`, dry === 'server');
  return { operation: 'rolled back', object };
}

function rollbackFromHistory(inv: Invocation, t: Target, toRevision: number): Outcome {
  const history = ownedRevisions(inv.cluster, t.obj);
  if (toRevision === 0 && history.length <= 1) throw new KubectlError('error: no last revision to roll back to');
  const to = findHistory(history, toRevision);
  if (!to) throw notFound(toRevision);
  const template = revisionTemplate(to);
  const dry = dryRunOf(inv.p);
  if (dry === 'client') return { operation: `will roll back to ${templateText(template)}` };
  if (templateMatches(t.obj, to)) {
    return { operation: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  t.obj.spec = { ...t.obj.spec, template };
  const object = updateWrapped(inv, t.obj, `failed restoring revision ${toRevision}`, dry === 'server');
  return { operation: 'rolled back', object };
}

export function rolloutUndo(inv: Invocation, args: string[]): number {
  const toRevision = flagInt(inv.p, 'to-revision') ?? 0;
  if (args.length === 0 && !hasFilename(inv)) throw new KubectlError('error: required resource not specified');
  const { targets, errors } = resolveTargets(inv, args, true);
  const suffix = dryRunSuffix(dryRunOf(inv.p));
  for (const t of targets) {
    if (t.obj.kind !== 'Deployment' && t.obj.kind !== 'DaemonSet' && t.obj.kind !== 'StatefulSet') {
      throw new KubectlError(`error: no rollbacker has been implemented for "${groupKind(t.obj, t.info.group)}"`);
    }
    if (toRevision < 0) throw notFound(toRevision);
    const outcome =
      t.obj.kind === 'Deployment' ? rollbackDeployment(inv, t, toRevision) : rollbackFromHistory(inv, t, toRevision);
    printResult(inv, t, outcome.object ?? t.obj, `${outcome.operation}${suffix}`);
  }
  return finish(inv, errors);
}
