/**
 * DescribePodTemplate (kubectl pkg/describe/describe.go): the "Pod Template:" block of
 * the workload describers — labels, annotations, containers without status, volumes,
 * node selectors and tolerations, indented one level.
 */
import type { Container, Toleration } from '../api/types';
import type { PodTemplateSpec } from '../api/workload-types';
import { probeText } from './describe-pod';
import { type DescribeWriter, quantityText } from './describe-util';

/** printLabelsMultilineWithIndent with an initial indent of two spaces. */
function writeIndentedMap(w: DescribeWriter, title: string, m: Record<string, string> | undefined, sep = '='): void {
  w.write(0, `  ${title}:\t`);
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, '  \t');
    w.write(0, `${k}${sep}${(m as Record<string, string>)[k]}\n`);
  });
}

function tolerationText(t: Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds != null) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? { containers: [] };
  writeIndentedMap(w, 'Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length > 0) writeIndentedMap(w, 'Annotations', meta.annotations, ': ');
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) writeContainers(w, 'Init Containers', spec.initContainers ?? []);
  writeContainers(w, 'Containers', spec.containers ?? []);
  const volumes = (spec.volumes ?? []) as { name: string; [k: string]: unknown }[];
  if (volumes.length === 0) w.write(1, 'Volumes:\t<none>\n');
  else {
    w.write(1, 'Volumes:\n');
    for (const v of volumes) {
      const type = Object.keys(v).find((k) => k !== 'name') ?? '';
      w.write(2, `${v.name}:\n`);
      w.write(3, `Type:\t${type}\n`);
    }
  }
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  writeIndentedMap(w, 'Node-Selectors', spec.nodeSelector);
  const tolerations = spec.tolerations ?? [];
  w.write(0, '  Tolerations:\t');
  if (tolerations.length === 0) w.write(0, '<none>\n');
  tolerations.forEach((t, i) => {
    if (i > 0) w.write(0, '  \t');
    w.write(0, `${tolerationText(t)}\n`);
  });
}

/**
 * describeContainers for a template: no container IDs, states or restart counts; the
 * name is indented one space more than the block (describeContainerBasicInfo's nameIndent).
 */
function writeContainers(w: DescribeWriter, label: string, containers: Container[]): void {
  w.write(1, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    w.write(1, ` ${c.name}:\n`);
    w.write(2, `Image:\t${c.image}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    for (const [title, list] of [
      ['Command', c.command],
      ['Args', c.args],
    ] as const) {
      if (!list || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of list) for (const s of String(item).split('\n')) w.write(3, `${s}\n`);
    }
    for (const [title, list] of [
      ['Limits', c.resources?.limits],
      ['Requests', c.resources?.requests],
    ] as const) {
      const names = Object.keys(list ?? {}).sort();
      if (names.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const n of names) w.write(3, `${n}:\t${quantityText((list as Record<string, unknown>)[n])}\n`);
    }
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeText(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeText(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${probeText(c.startupProbe)}\n`);
    const env = c.env ?? [];
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      const vf = e.valueFrom as { fieldRef?: { apiVersion?: string; fieldPath?: string } } | undefined;
      if (vf?.fieldRef) w.write(3, `${e.name}:\t (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`);
      else w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) w.write(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
  }
}
