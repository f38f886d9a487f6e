/**
 * kubectl describe replicaset / replicationcontroller, in the order of
 * describeReplicaSet and describeReplicationController (kubectl pkg/describe/describe.go).
 */
import { formatLabelSelector, formatLabels } from '../api/labels';
import type { Condition, KubeObject, Pod } from '../api/types';
import type { Cluster } from '../index';
import { describePodTemplate } from './describe-podtemplate';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';

interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/**
 * getPodStatusForController: the pods the controller owns (its uid as controllerRef,
 * among those its selector lists) by phase; Pending counts as Waiting.
 */
export function podStatusForController(cluster: Cluster, owner: KubeObject): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of cluster.list('Pod', owner.metadata.namespace) as Pod[]) {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller);
    if (ref?.uid !== owner.metadata.uid) continue;
    switch (p.status?.phase) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

function writeReplicasAndPods(w: DescribeWriter, cluster: Cluster, obj: KubeObject): void {
  w.write(0, `Replicas:\t${obj.status?.replicas ?? 0} current / ${obj.spec?.replicas ?? 0} desired\n`);
  const c = podStatusForController(cluster, obj);
  w.write(
    0,
    `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`,
  );
  describePodTemplate(w, obj.spec?.template);
  const conditions: Condition[] = obj.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const cond of conditions) w.write(1, `${cond.type} \t${cond.status}\t${cond.reason ?? ''}\n`);
  }
  writeEvents(w, eventsFor(cluster, obj), cluster.now());
}

export function describeReplicaSet(cluster: Cluster, rs: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controller = rs.metadata.ownerReferences?.find((r) => r.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  writeReplicasAndPods(w, cluster, rs);
  return w.toString();
}

/** The RC describer has no Controlled By line. */
export function describeReplicationController(cluster: Cluster, rc: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${rc.metadata.name}\n`);
  w.write(0, `Namespace:\t${rc.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
  writeLabels(w, 'Labels', rc.metadata.labels);
  writeAnnotations(w, 'Annotations', rc.metadata.annotations);
  writeReplicasAndPods(w, cluster, rc);
  return w.toString();
}
