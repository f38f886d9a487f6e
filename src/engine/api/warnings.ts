/**
 * Warnings the API server returns with a successful write (pkg/api/pod/warnings.go,
 * warningsForPodSpecAndMeta); kubectl prints each as "Warning: <text>". The write still
 * happens: two containers on one port are accepted and then collide at run time.
 */
import { formatQuantity, parseExactQuantity } from './quantity';
import type { KubeObject } from './types';

export function collectWarnings(obj: KubeObject): string[] {
  if (obj.kind === 'Pod' && obj.spec && typeof obj.spec === 'object') return podSpecWarnings(obj.spec, 'spec');
  // WarningsForJobSpec: the pod template's warnings (GetWarningsForPodTemplate).
  if (obj.kind === 'Job' && obj.spec?.template?.spec && typeof obj.spec.template.spec === 'object') {
    return podSpecWarnings(obj.spec.template.spec, 'spec.template.spec');
  }
  // rsStrategy / rcStrategy: GetWarningsForPodTemplate at spec.template.
  if (
    (obj.kind === 'ReplicaSet' || obj.kind === 'ReplicationController') &&
    obj.spec?.template?.spec &&
    typeof obj.spec.template.spec === 'object'
  ) {
    return podSpecWarnings(obj.spec.template.spec, 'spec.template.spec');
  }
  return [];
}

/** Visits init containers, then containers (pods.VisitContainersWithPath). */
function visitContainers(spec: Record<string, any>, prefix: string, fn: (c: any, path: string) => void): void {
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    if (!Array.isArray(spec[list])) continue;
    spec[list].forEach((c: unknown, i: number) => {
      if (c && typeof c === 'object') fn(c, `${prefix}.${list}[${i}]`);
    });
  }
}

/** The pod-spec warnings, for a Pod (`spec`) or a template (`spec.template.spec`). */
export function podSpecWarnings(spec: Record<string, any>, prefix: string): string[] {
  const warnings: string[] = [];
  duplicateNames(spec.hostAliases, 'ip', `${prefix}.hostAliases`, 'duplicate ip', warnings);
  duplicateNames(spec.imagePullSecrets, 'name', `${prefix}.imagePullSecrets`, 'duplicate name', warnings);
  (Array.isArray(spec.imagePullSecrets) ? spec.imagePullSecrets : []).forEach((s: any, i: number) => {
    if (!s?.name) warnings.push(`${prefix}.imagePullSecrets[${i}].name: invalid empty name ""`);
  });
  visitContainers(spec, prefix, (c, path) => {
    for (const kind of ['limits', 'requests']) {
      for (const res of ['memory', 'ephemeral-storage']) {
        const q = parseExactQuantity(c.resources?.[kind]?.[res] ?? 'x');
        if (q && q.nano % 1_000_000_000n !== 0n) {
          warnings.push(
            `${path}.resources.${kind}[${res}]: fractional byte value "${formatQuantity(q)}" is invalid, must be an integer`,
          );
        }
      }
    }
    envWarnings(c.env, path, warnings);
  });
  portWarnings(spec, prefix, warnings);
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    warnings.push(
      `${prefix}.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`,
    );
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = spec.affinity?.[kind];
    if (!a) continue;
    const base = `${prefix}.affinity.${kind}`;
    (a.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t: any, i: number) => {
      if (t && !t.labelSelector) {
        warnings.push(
          `${base}.requiredDuringSchedulingIgnoredDuringExecution[${i}].labelSelector: a null labelSelector results in matching no pod`,
        );
      }
    });
    (a.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t: any, i: number) => {
      if (t && !t.podAffinityTerm?.labelSelector) {
        warnings.push(
          `${base}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod`,
        );
      }
    });
  }
  return warnings;
}

function duplicateNames(items: unknown, key: string, path: string, what: string, out: string[]): void {
  if (!Array.isArray(items) || items.length < 2) return;
  const seen = new Set<string>();
  items.forEach((item: any, i: number) => {
    const v = item?.[key];
    if (seen.has(v)) out.push(`${path}[${i}].${key}: ${what} ${JSON.stringify(v)}`);
    else seen.add(v);
  });
}

/** A redefined env var hides the first one, which apply's merge may then drop. */
function envWarnings(env: unknown, path: string, out: string[]): void {
  if (!Array.isArray(env) || env.length < 2) return;
  const seen = new Set<string>();
  env.forEach((e: any, i: number) => {
    if (!seen.has(e?.name)) {
      seen.add(e?.name);
      return;
    }
    const ref = `$(${e.name})`;
    const value = String(e.value ?? '');
    if (e.valueFrom || value === ref || !value.includes(ref)) {
      out.push(
        `${path}.env[${i}]: hides previous definition of ${JSON.stringify(e.name)}, which may be dropped when using apply`,
      );
    }
  });
}

/** Ports with the same containerPort/protocol across all containers, as upstream compares them. */
function portWarnings(spec: Record<string, any>, prefix: string, out: string[]): void {
  const all = new Map<string, { field: string; port: any }[]>();
  visitContainers(spec, prefix, (c, path) => {
    (Array.isArray(c.ports) ? c.ports : []).forEach((port: any, i: number) => {
      if (!port || typeof port !== 'object') return;
      const field = `${path}.ports[${i}]`;
      const hostIP = port.hostIP ?? '';
      const hostPort = port.hostPort ?? 0;
      if (hostIP !== '' && hostPort === 0) out.push(`${field}: hostIP set without hostPort: ${goStruct(port)}`);
      const k = `${port.containerPort}/${port.protocol ?? ''}`;
      const others = all.get(k) ?? [];
      for (const other of others) {
        const oIP = other.port.hostIP ?? '';
        const oPort = other.port.hostPort ?? 0;
        if (hostIP === oIP && hostPort === oPort) out.push(`${field}: duplicate port definition with ${other.field}`);
        else if (hostPort === 0 || oPort === 0) out.push(`${field}: overlapping port definition with ${other.field}`);
        else if (hostPort === oPort && (hostIP === '') !== (oIP === '')) {
          out.push(`${field}: dangerously ambiguous port definition with ${other.field}`);
        }
      }
      others.push({ field, port });
      all.set(k, others);
    });
  });
}

/** Go's %+v of a ContainerPort. */
function goStruct(p: any): string {
  return `{Name:${p.name ?? ''} HostPort:${p.hostPort ?? 0} ContainerPort:${p.containerPort ?? 0} Protocol:${p.protocol ?? ''} HostIP:${p.hostIP ?? ''}}`;
}
