/** kubectl describe daemonset, in the order of describeDaemonSet (kubectl pkg/describe/describe.go). */
import { formatLabels, fromLabelSelector, selectorString } from '../api/labels';
import type { KubeObject } from '../api/types';
import type { Cluster } from '../index';
import { describePodTemplate } from './describe-podtemplate';
import { podStatusForController } from './describe-replicaset';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';

export function podsStatusLine(w: DescribeWriter, cluster: Cluster, obj: KubeObject): void {
  const c = podStatusForController(cluster, obj);
  w.write(
    0,
    `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`,
  );
}

export function describeDaemonSet(cluster: Cluster, ds: KubeObject): string {
  const w = new DescribeWriter();
  const s = ds.status ?? {};
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Selector:\t${selectorString(fromLabelSelector(ds.spec?.selector))}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`);
  podsStatusLine(w, cluster, ds);
  describePodTemplate(w, ds.spec?.template);
  writeEvents(w, eventsFor(cluster, ds), cluster.now());
  return w.toString();
}
