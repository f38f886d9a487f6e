/** kubectl describe cronjob, in describeCronJob's order (kubectl pkg/describe/describe.go). */
import { fromLabelSelector, selectorString } from '../api/labels';
import type { CronJob, JobTemplateSpec } from '../api/workload-types';
import type { Cluster } from '../index';
import { rfc1123z } from './age';
import { describePodTemplate } from './describe-podtemplate';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';
import { boolPtrText } from './printers/cronjob';

const orUnset = (v: unknown, suffix = ''): string => (v == null ? '<unset>' : `${v}${suffix}`);

/** describeJobTemplate: the template's selector, parallelism, completions, deadline and pods. */
function describeJobTemplate(w: DescribeWriter, template: JobTemplateSpec | undefined): void {
  const spec = template?.spec;
  w.write(0, `Selector:\t${spec?.selector ? selectorString(fromLabelSelector(spec.selector)) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${orUnset(spec?.parallelism)}\n`);
  w.write(0, `Completions:\t${orUnset(spec?.completions)}\n`);
  if (spec?.activeDeadlineSeconds != null) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}

export function describeCronJob(cluster: Cluster, cj: CronJob): string {
  const w = new DescribeWriter();
  const spec = cj.spec ?? ({} as CronJob['spec']);
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace}\n`);
  writeLabels(w, 'Labels', cj.metadata.labels);
  writeAnnotations(w, 'Annotations', cj.metadata.annotations);
  w.write(0, `Schedule:\t${spec.schedule}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${boolPtrText(spec.suspend)}\n`);
  w.write(0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, 's')}\n`);
  describeJobTemplate(w, spec.jobTemplate);
  const last = cj.status?.lastScheduleTime;
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = cj.status?.active ?? [];
  w.write(0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.map((r) => r.name).join(', ')}\n`);
  writeEvents(w, eventsFor(cluster, cj), cluster.now());
  return w.toString();
}
