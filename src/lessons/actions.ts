/**
 * Plays one lesson action on a cluster — a setup line, or a step of "show me". Each
 * goes through the same doors a learner uses (apply, kubectl, the chaos controls), so
 * a solution that works here works when typed.
 */
import type { Cluster } from '../engine/index';
import type { Action } from './types';

export interface ActionOutcome {
  ok: boolean;
  /** what kubectl would have printed, or why it failed */
  message: string;
}

export function playAction(cluster: Cluster, action: Action): ActionOutcome {
  if ('apply' in action) {
    const r = cluster.apply(action.apply);
    if (r.ok) return { ok: true, message: r.results.map((x) => `${x.kind}/${x.name} ${x.action}`).join('\n') };
    return { ok: false, message: r.errors.map((e) => e.message).join('\n') };
  }
  if ('kubectl' in action) {
    const r = cluster.kubectl(action.kubectl);
    return { ok: r.exitCode === 0, message: (r.exitCode === 0 ? r.stdout : r.stderr).trim() };
  }
  if ('wait' in action) {
    cluster.advance(action.wait);
    return { ok: true, message: '' };
  }
  try {
    if ('killNode' in action) cluster.chaos.killNode(action.killNode);
    else if ('deletePod' in action) cluster.chaos.killPod('default', resolvePod(cluster, 'default', action.deletePod));
    else if ('restoreNode' in action) cluster.chaos.restoreNode(action.restoreNode);
    else {
      const c = action.crashContainer;
      const namespace = c.namespace ?? 'default';
      cluster.chaos.crashContainer(namespace, resolvePod(cluster, namespace, c.pod), c.container);
    }
    return { ok: true, message: '' };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Pod names carry random suffixes, so a lesson may say `web-*`: the first running pod
 * (by name) whose name starts so — the same one every run, the engine being seeded.
 */
export function resolvePod(cluster: Cluster, namespace: string, pattern: string): string {
  if (!pattern.endsWith('*')) return pattern;
  const prefix = pattern.slice(0, -1);
  const names = cluster
    .list('Pod', namespace)
    .filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp)
    .filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running')
    .map((p) => p.metadata.name)
    .sort();
  if (names.length === 0) throw new Error(`no running pod matches ${pattern} in namespace ${namespace}`);
  return names[0];
}
