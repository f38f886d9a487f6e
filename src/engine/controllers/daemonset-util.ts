/**
 * Pure helpers of the DaemonSet controller, after pkg/controller/daemon/util/daemonset_util.go
 * and NodeShouldRunDaemonPod / predicates in pkg/controller/daemon/daemon_controller.go.
 * The node-affinity matching is component-helpers' nodeaffinity, which the scheduler
 * plugin implements; it is shared rather than written twice.
 */
import type { Node, Pod, PodSpec, Taint, Toleration } from '../api/types';
import type { DaemonSet, IntOrString, PodTemplateSpec } from '../api/workload-types';
import { matchesRequired, podNodeAffinity } from '../scheduler/plugins/nodeaffinity';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import {
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
  toleratesTaint,
} from './taints';

/** extensions.DaemonSetTemplateGenerationKey: deprecated, still set on every daemon pod. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** apps.DeprecatedTemplateGeneration: where apps/v1 keeps spec.templateGeneration. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** GetTemplateGeneration: the annotation as an integer, undefined when absent or not a number. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '') &&
    (a.effect ?? '') === (b.effect ?? '')
  );
}

/**
 * v1helper.AddOrUpdateTolerationInPodSpec: a toleration with the same key, operator,
 * value and effect is replaced (so a user's tolerationSeconds on it is dropped), or
 * the toleration is appended.
 */
export function addOrUpdateToleration(spec: PodSpec, t: Toleration): void {
  const list = spec.tolerations ?? [];
  const i = list.findIndex((x) => sameToleration(x, t));
  if (i >= 0) list[i] = { ...t };
  else list.push({ ...t });
  spec.tolerations = list;
}

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive node problems (not-ready and
 * unreachable NoExecute, forever) and go onto nodes under pressure or cordoned, and
 * host-network pods onto nodes whose network is not set up yet.
 */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): void {
  const exists = (key: string, effect: Toleration['effect']): Toleration => ({ key, operator: 'Exists', effect });
  addOrUpdateToleration(spec, exists(TAINT_NOT_READY, 'NoExecute'));
  addOrUpdateToleration(spec, exists(TAINT_UNREACHABLE, 'NoExecute'));
  addOrUpdateToleration(spec, exists(TAINT_DISK_PRESSURE, 'NoSchedule'));
  addOrUpdateToleration(spec, exists(TAINT_MEMORY_PRESSURE, 'NoSchedule'));
  addOrUpdateToleration(spec, exists(TAINT_PID_PRESSURE, 'NoSchedule'));
  addOrUpdateToleration(spec, exists(TAINT_UNSCHEDULABLE, 'NoSchedule'));
  if (spec.hostNetwork) addOrUpdateToleration(spec, exists(TAINT_NETWORK_UNAVAILABLE, 'NoSchedule'));
}

/** CreatePodTemplate: the template with the daemon tolerations, template generation and hash labels. */
export function createPodTemplate(
  template: PodTemplateSpec,
  generation: number | undefined,
  hash: string,
): PodTemplateSpec {
  const t = structuredClone(template);
  addOrUpdateDaemonPodTolerations(t.spec);
  t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}) } };
  const labels = t.metadata.labels as Record<string, string>;
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  return t;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes the one
 * term `matchFields metadata.name In [node]`, so the scheduler binds the pod to that
 * node (and reports why, when it cannot). Preferred terms stay.
 */
export function replaceNodeNameAffinity(affinity: PodSpec['affinity'], nodeName: string): PodSpec['affinity'] {
  const required = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  const a: Record<string, any> = structuredClone(affinity ?? {});
  a.nodeAffinity = { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required };
  return a;
}

/** GetTargetNodeName: spec.nodeName, or the node a pending pod's matchFields pins it to. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/**
 * NewPod, reduced to what the node tests read: the template's node selector, affinity
 * and tolerations plus the daemon defaults (no copy of the containers for every node).
 */
function newPodScheduling(ds: DaemonSet): PodSpec {
  const t = ds.spec.template.spec;
  const spec = {
    nodeSelector: t?.nodeSelector,
    affinity: t?.affinity,
    hostNetwork: t?.hostNetwork,
    tolerations: (t?.tolerations ?? []).map((x) => ({ ...x })),
    containers: [],
  } as unknown as PodSpec;
  addOrUpdateDaemonPodTolerations(spec);
  return spec;
}

/** FindMatchingUntoleratedTaint over the taints `filter` keeps. */
function hasUntoleratedTaint(taints: Taint[], tolerations: Toleration[], filter: (t: Taint) => boolean): boolean {
  return taints.filter(filter).some((taint) => !tolerations.some((t) => toleratesTaint(t, taint)));
}

/**
 * NodeShouldRunDaemonPod: `shouldRun` — a daemon pod belongs there (create one if
 * missing); `shouldContinueRunning` — an existing one may stay. A node with a
 * NoSchedule taint the pod does not tolerate gets no new pod, but a pod already there
 * stays unless a NoExecute taint is untolerated too.
 */
export function nodeShouldRunDaemonPod(
  node: Node,
  ds: DaemonSet,
): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const templateNode = ds.spec.template.spec?.nodeName;
  if (templateNode && templateNode !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const spec = newPodScheduling(ds);
  const fitsAffinity = matchesRequired(podNodeAffinity(spec), node.metadata.labels ?? {}, node.metadata.name);
  if (!fitsAffinity) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  const tolerations = spec.tolerations ?? [];
  const hard = (t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
  if (!hasUntoleratedTaint(taints, tolerations, hard)) return { shouldRun: true, shouldContinueRunning: true };
  const noExecute = (t: Taint) => t.effect === 'NoExecute';
  return { shouldRun: false, shouldContinueRunning: !hasUntoleratedTaint(taints, tolerations, noExecute) };
}

/**
 * intstr.GetScaledValueFromIntOrPercent with roundUp: an int as is, "n%" of `total`
 * rounded up. Returns undefined for a string that is not a percentage.
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number | undefined {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : undefined;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** SurgeCount: how many nodes may run an extra new pod at once (0 unless RollingUpdate with maxSurge). */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number {
  const s = ds.spec.updateStrategy;
  if (s?.type !== 'RollingUpdate' || s.rollingUpdate?.maxSurge === undefined) return 0;
  return scaledValue(s.rollingUpdate.maxSurge, numberToSchedule, true) ?? 0;
}

/** UnavailableCount: how many nodes may be without an available daemon pod during an update. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number {
  const s = ds.spec.updateStrategy;
  if (s?.type !== 'RollingUpdate' || !s.rollingUpdate) return 0;
  return scaledValue(s.rollingUpdate.maxUnavailable, numberToSchedule, true) ?? 0;
}

/** AllowsSurge */
export function allowsSurge(ds: DaemonSet): boolean {
  return surgeCount(ds, 1) > 0;
}

/**
 * IsPodUpdated: the pod carries the current hash. Upstream also compares the
 * pod-template-generation label, but with fmt.Sprint of a *pointer*, which never
 * equals a label value; so in practice only the hash counts, and here too.
 */
export function isPodUpdated(pod: Pod, hash: string): boolean {
  return hash.length > 0 && pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
}
