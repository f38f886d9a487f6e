/**
 * Warnings the API server returns with a successful write (pkg/api/pod/warnings.go);
 * kubectl prints each as "Warning: <text>".
 */
import type { Container, KubeObject } from './types';

export function collectWarnings(obj: KubeObject): string[] {
  if (obj.kind === 'Pod' && obj.spec) return podSpecWarnings(obj.spec, 'spec');
  return [];
}

/** Duplicate containerPort+protocol (+hostIP/hostPort) across or within containers. */
export function podSpecWarnings(spec: { containers?: Container[] }, prefix: string): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  (spec.containers ?? []).forEach((c, ci) => {
    (c?.ports ?? []).forEach((p, pi) => {
      const path = `${prefix}.containers[${ci}].ports[${pi}]`;
      const key = `${p.containerPort}/${p.protocol ?? 'TCP'}/${p.hostIP ?? ''}/${p.hostPort ?? 0}`;
      const first = seen.get(key);
      if (first) warnings.push(`${path}: duplicate port definition with ${first}`);
      else seen.set(key, path);
    });
  });
  return warnings;
}
