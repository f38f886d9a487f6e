/** kubectl describe job, in describeJob's order (kubectl pkg/describe/describe.go). */
import { fromLabelSelector, selectorString } from '../api/labels';
import type { Job } from '../api/workload-types';
import type { Cluster } from '../index';
import { fromTimestamp } from '../sim/clock';
import { humanDuration, rfc1123z } from './age';
import { describePodTemplate } from './describe-podtemplate';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';

/** capIndexesListOrNone: at most 50 characters of the interval list, cut at a comma. */
function capIndexes(s: string | undefined, max = 50): string {
  if (!s) return '<none>';
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const i = cut.lastIndexOf(',');
  return `${i >= 0 ? cut.slice(0, i) : cut}, ...`;
}

export function describeJob(cluster: Cluster, job: Job): string {
  const w = new DescribeWriter();
  const spec = job.spec ?? ({} as Job['spec']);
  const status = job.status ?? {};
  w.write(0, `Name:\t${job.metadata.name}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(0, `Selector:\t${spec.selector ? selectorString(fromLabelSelector(spec.selector)) : ''}\n`);
  writeLabels(w, 'Labels', job.metadata.labels);
  writeAnnotations(w, 'Annotations', job.metadata.annotations);
  const controller = (job.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (spec.parallelism != null) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend != null) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit != null) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished != null) {
    w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  }
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) {
    w.write(0, `Duration:\t${humanDuration(fromTimestamp(status.completionTime) - fromTimestamp(status.startTime))}\n`);
  }
  if (spec.activeDeadlineSeconds != null) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  if (status.ready == null) w.write(0, `Pods Statuses:\t${status.active ?? 0} Active / ${counts}\n`);
  else w.write(0, `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${counts}\n`);
  if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(status.completedIndexes)}\n`);
  describePodTemplate(w, spec.template);
  writeEvents(w, eventsFor(cluster, job), cluster.now());
  return w.toString();
}
