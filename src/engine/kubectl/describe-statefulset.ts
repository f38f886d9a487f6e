/**
 * kubectl describe statefulset, in the order of StatefulSetDescriber and
 * describeVolumeClaimTemplates (kubectl pkg/describe/describe.go).
 */
import { fromLabelSelector, selectorString } from '../api/labels';
import type { KubeObject } from '../api/types';
import type { Cluster } from '../index';
import { rfc1123z } from './age';
import { podsStatusLine } from './describe-daemonset';
import { describePodTemplate } from './describe-podtemplate';
import { DescribeWriter, eventsFor, quantityText, writeAnnotations, writeEvents, writeLabels } from './describe-util';
import { claimClass } from './printers/persistentvolumeclaim';

/** printLabelsMultilineWithIndent("  ", title, "\t", ...) */
function writeIndented(w: DescribeWriter, title: string, m: Record<string, string> | undefined): void {
  w.write(0, `  ${title}:\t`);
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, '  \t');
    w.write(0, `${k}=${(m as Record<string, string>)[k]}\n`);
  });
}

/** describeVolumeClaimTemplates */
function describeClaimTemplates(w: DescribeWriter, templates: KubeObject[] | undefined): void {
  if (!templates || templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const t of templates) {
    w.write(1, `Name:\t${t.metadata?.name ?? ''}\n`);
    w.write(1, `StorageClass:\t${claimClass(t)}\n`);
    writeIndented(w, 'Labels', t.metadata?.labels);
    writeIndented(w, 'Annotations', t.metadata?.annotations);
    const storage = t.spec?.resources?.requests?.storage;
    w.write(1, `Capacity:\t${storage !== undefined ? quantityText(storage) : '<default>'}\n`);
    w.write(1, `Access Modes:\t[${(t.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet(cluster: Cluster, sts: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${sts.metadata.name}\n`);
  w.write(0, `Namespace:\t${sts.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(fromLabelSelector(sts.spec?.selector))}\n`);
  writeLabels(w, 'Labels', sts.metadata.labels);
  writeAnnotations(w, 'Annotations', sts.metadata.annotations);
  w.write(0, `Replicas:\t${sts.spec?.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`);
  const us = sts.spec?.updateStrategy ?? {};
  w.write(0, `Update Strategy:\t${us.type ?? ''}\n`);
  if (us.rollingUpdate?.partition !== undefined) {
    w.write(1, `Partition:\t${us.rollingUpdate.partition}\n`);
    if (us.rollingUpdate.maxUnavailable !== undefined)
      w.write(2, `MaxUnavailable:\t${us.rollingUpdate.maxUnavailable}\n`);
  }
  podsStatusLine(w, cluster, sts);
  describePodTemplate(w, sts.spec?.template);
  describeClaimTemplates(w, sts.spec?.volumeClaimTemplates);
  writeEvents(w, eventsFor(cluster, sts), cluster.now());
  return w.toString();
}
