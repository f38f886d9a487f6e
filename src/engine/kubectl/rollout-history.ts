/**
 * kubectl rollout history (kubectl pkg/cmd/rollout/rollout_history.go with the
 * viewers of polymorphichelpers/history.go): a REVISION / CHANGE-CAUSE table, or with
 * --revision=N the pod template of that revision. The name printer frames it, so the
 * first line is `deployment.apps/web ` (the operation is empty, the space stays) and
 * a blank line ends it. With -o the revisions' own objects are printed instead.
 */
import type { KubeObject } from '../api/types';
import type { PodTemplateSpec } from '../api/workload-types';
import { flagInt, flagString } from './args';
import type { Invocation } from './cmd';
import { describePodTemplate } from './describe-podtemplate';
import { DescribeWriter } from './describe-util';
import { KubectlError } from './errors';
import { forOutput, nameOf, type OutputFormat, parseOutput, printJsonPath, toJson, toYaml } from './output';
import { ownedReplicaSets, ownedRevisions, revisionOf, revisionTemplate } from './rollout-revisions';
import { DESCRIBE_TABWRITER, formatTable } from './tabwriter';
import { CHANGE_CAUSE_ANNOTATION, finish, hasFilename, refOf, resolveTargets } from './workload-targets';

interface HistoryEntry {
  revision: number;
  template: PodTemplateSpec | undefined;
  changeCause?: string;
  /** what GetHistory hands to -o: the ReplicaSet or ControllerRevision itself */
  object: KubeObject;
}

/** printTemplate: DescribePodTemplate through a prefix writer. */
export function templateText(template: PodTemplateSpec | undefined): string {
  const w = new DescribeWriter();
  describePodTemplate(w, template);
  return w.toString();
}

/** The revisions a workload has, or undefined for a kind without a history viewer. */
export function historyOf(inv: Invocation, obj: KubeObject): HistoryEntry[] | undefined {
  if (obj.kind === 'Deployment') {
    // keyed by revision: two ReplicaSets claiming one number show once, as in the map upstream
    const byRevision = new Map<number, HistoryEntry>();
    for (const rs of ownedReplicaSets(inv.cluster, obj)) {
      const revision = revisionOf(rs);
      if (revision === undefined) continue;
      const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
      // upstream writes the change-cause into the template it prints, so --revision shows it
      const template = structuredClone(rs.spec.template);
      if (changeCause) {
        template.metadata = {
          ...(template.metadata ?? {}),
          annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: changeCause },
        };
      }
      byRevision.set(revision, { revision, template, changeCause, object: rs });
    }
    return [...byRevision.values()].sort((a, b) => a.revision - b.revision);
  }
  if (obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') {
    return ownedRevisions(inv.cluster, obj).map((r) => ({
      revision: r.revision,
      template: revisionTemplate(r),
      changeCause: r.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
      object: r,
    }));
  }
  return undefined;
}

/** kind.String() of a GroupKind: `ReplicaSet.apps`, `Pod`. */
export function groupKind(obj: KubeObject, group: string): string {
  return group ? `${obj.kind}.${group}` : obj.kind;
}

function viewHistory(obj: KubeObject, entries: HistoryEntry[], revision: number): string {
  if (entries.length === 0) return 'No rollout history found.';
  if (revision > 0) {
    const entry = entries.find((e) => e.revision === revision);
    if (!entry) throw new KubectlError('error: unable to find the specified revision');
    return templateText(entry.template);
  }
  // The StatefulSet viewer prints revision numbers only.
  if (obj.kind === 'StatefulSet') {
    return formatTable([['REVISION'], ...entries.map((e) => [String(e.revision)])], DESCRIBE_TABWRITER);
  }
  const rows = entries.map((e) => [String(e.revision), e.changeCause || '<none>']);
  return formatTable([['REVISION', 'CHANGE-CAUSE'], ...rows], DESCRIBE_TABWRITER);
}

/**
 * With -o, newer kubectl prints the revisions themselves (GetHistory): the ReplicaSets
 * or ControllerRevisions in revision order, one object per print, so YAML documents
 * are separated by `---` as the YAML printer does from its second object on.
 */
function printRevisions(inv: Invocation, format: OutputFormat, entries: HistoryEntry[], revision: number): void {
  let chosen = entries;
  if (revision > 0) {
    chosen = entries.filter((e) => e.revision === revision);
    if (chosen.length === 0) throw new KubectlError('error: unable to find the specified revision');
  }
  chosen.forEach((e, i) => {
    const obj = forOutput(e.object);
    if (format.kind === 'yaml') inv.io.out(`${i > 0 ? '---\n' : ''}${toYaml(obj)}`);
    else if (format.kind === 'json') inv.io.out(toJson(obj));
    else if (format.kind === 'jsonpath') inv.io.out(printJsonPath(format.template, obj));
    else if (format.kind === 'name') inv.io.out(`${nameOf(obj)}\n`);
    else throw new KubectlError('error: rollout history prints -o yaml, json, jsonpath or name');
  });
}

export function rolloutHistory(inv: Invocation, args: string[]): number {
  const revision = flagInt(inv.p, 'revision') ?? 0;
  if (args.length === 0 && !hasFilename(inv)) throw new KubectlError('error: required resource not specified');
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
  const format = parseOutput(flagString(inv.p, 'output'));
  const { targets, errors } = resolveTargets(inv, args, true);
  for (const t of targets) {
    const entries = historyOf(inv, t.obj);
    if (!entries) {
      throw new KubectlError(`error: no history viewer has been implemented for "${groupKind(t.obj, t.info.group)}"`);
    }
    if (format.kind !== 'table') {
      printRevisions(inv, format, entries, revision);
      continue;
    }
    const text = viewHistory(t.obj, entries, revision);
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    inv.io.out(`${refOf(t)} ${withRevision}\n${text}\n`);
  }
  return finish(inv, errors);
}
