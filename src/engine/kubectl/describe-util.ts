/**
 * The building blocks of kubectl describe (kubectl pkg/describe/describe.go): a
 * prefix writer whose text goes through a tabwriter (minwidth 0, padding 2), the
 * multi-line label / annotation / toleration / taint fields and the Events table.
 */
import { LAST_APPLIED } from '../api/apply';
import type { KubeEvent, KubeObject, Taint, Toleration } from '../api/types';
import type { Cluster } from '../index';
import { since } from './age';
import { DESCRIBE_TABWRITER, tabwrite } from './tabwriter';

export class DescribeWriter {
  private buf = '';
  /** Like PrefixWriter.Write: the level's indent once, then the text as given. */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }
  toString(): string {
    return tabwrite(this.buf, DESCRIBE_TABWRITER);
  }
}

/** printLabelsMultiline: sorted `k=v`, one per line, `<none>` when empty. */
export function writeLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, '\t');
    w.write(0, `${k}=${(labels as Record<string, string>)[k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline: last-applied-configuration is skipped; long values wrap below the key. */
export function writeAnnotations(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, '\t');
    const value = String((annotations as Record<string, string>)[k]).replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

export function taintString(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** printNodeTaintsMultiline: sorted by effect then key. */
export function writeTaints(w: DescribeWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i > 0) w.write(0, '\t');
    w.write(0, `${taintString(t)}\n`);
  });
}

/** printPodTolerationsMultiline: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i > 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** The events about one object (searchEvents matches kind, name, namespace and uid). */
export function eventsFor(cluster: Cluster, obj: KubeObject): KubeEvent[] {
  return cluster
    .events()
    .filter((e) => {
      const io = e.involvedObject;
      if (!io || io.kind !== obj.kind || io.name !== obj.metadata.name) return false;
      if (obj.metadata.namespace && (io.namespace ?? e.metadata.namespace) !== obj.metadata.namespace) return false;
      return !io.uid || io.uid === obj.metadata.uid || io.uid === obj.metadata.name;
    })
    .sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? -1 : a.lastTimestamp > b.lastTimestamp ? 1 : 0));
}

/** DescribeEvents: `Type Reason Age From Message`, the age as `5m (x3 over 10m)` for repeats. */
export function writeEvents(w: DescribeWriter, events: KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = since(e.firstTimestamp, now);
    const interval = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const from = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${from}\t${String(e.message ?? '').trim()}\n`);
  }
}

/** A quantity as Quantity.String() would print it for the usual inputs. */
export function quantityText(q: unknown): string {
  return q === undefined || q === null ? '0' : String(q);
}
