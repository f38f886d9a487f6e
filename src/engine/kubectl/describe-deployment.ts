/**
 * kubectl describe deployment, in the order of describeDeployment (kubectl
 * pkg/describe/describe.go) with the ReplicaSets found as kubectl's
 * util/deployment GetAllReplicaSetsInChunks finds them.
 */
import { fromLabelSelector, matches, selectorString } from '../api/labels';
import type { Condition, KubeObject } from '../api/types';
import type { Deployment, ReplicaSet } from '../api/workload-types';
import { byCreationTimestamp, findNewReplicaSet } from '../controllers/deployment-util';
import type { Cluster } from '../index';
import { rfc1123z } from './age';
import { describePodTemplate } from './describe-podtemplate';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';

/**
 * listReplicaSets + findNewReplicaSet + findOldReplicaSets: the ReplicaSets the
 * selector lists and the deployment controls, oldest first. The old ones include those
 * scaled to zero (describe shows the whole history the controller kept).
 */
export function deploymentReplicaSets(
  cluster: Cluster,
  d: Deployment,
): { oldRSs: ReplicaSet[]; newRS: ReplicaSet | undefined } {
  const selector = fromLabelSelector(d.spec?.selector);
  const owned = (cluster.list('ReplicaSet', d.metadata.namespace) as ReplicaSet[])
    .filter((rs) => matches(selector, rs.metadata.labels))
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .sort(byCreationTimestamp);
  const newRS = findNewReplicaSet(d, owned);
  return { oldRSs: owned.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid), newRS };
}

/** printReplicaSetsByLabels: `name (status.replicas/spec.replicas replicas created)`, or `<none>`. */
function replicaSetsText(rss: ReplicaSet[]): string {
  const parts = rss.map(
    (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
  );
  return parts.length > 0 ? parts.join(', ') : '<none>';
}

/** IntOrString.String(): a number as digits, a percentage as written, `<nil>` when unset. */
const intOrString = (v: unknown) => (v === undefined || v === null ? '<nil>' : String(v));

export function describeDeployment(cluster: Cluster, obj: KubeObject): string {
  const d = obj as Deployment;
  const s = d.status ?? {};
  const w = new DescribeWriter();
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(fromLabelSelector(d.spec?.selector))}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${
      s.availableReplicas ?? 0
    } available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) {
    w.write(
      0,
      `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
    );
  }
  describePodTemplate(w, d.spec?.template);
  const conditions: Condition[] = s.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const { oldRSs, newRS } = deploymentReplicaSets(cluster, d);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  writeEvents(w, eventsFor(cluster, d), cluster.now());
  return w.toString();
}
