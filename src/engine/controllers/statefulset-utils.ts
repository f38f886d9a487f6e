/**
 * Pure helpers of the StatefulSet controller, after
 * pkg/controller/statefulset/stateful_set_utils.go: the identity of pod `<set>-<N>`
 * (name, labels, hostname and subdomain), its storage (one claim
 * `<template>-<set>-<N>` per volumeClaimTemplate), the revision a pod belongs to,
 * and the health tests the ordered rollout waits on.
 */
import type { KubeObject, Pod } from '../api/types';
import type { ControllerRevision, StatefulSet } from '../api/workload-types';
import { newControllerRef } from './controllerref';
import { CONTROLLER_REVISION_HASH_LABEL } from './history';
import { getPodFromTemplate } from './podcontrol';
import { isPodAvailable, isPodReady } from './podutil';

/** apps.StatefulSetPodNameLabel */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel (PodIndexLabel, on by default) */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const ORDINAL = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: `web-2` → ["web", 2]; ordinal -1 when the name has none. */
export function parentAndOrdinal(pod: Pod): [string, number] {
  const m = ORDINAL.exec(pod.metadata.name ?? '');
  if (!m) return ['', -1];
  const n = Number(m[2]);
  return n > 2147483647 ? ['', -1] : [m[1], n];
}

export function getOrdinal(pod: Pod): number {
  return parentAndOrdinal(pod)[1];
}

/** isMemberOf: named after this set. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentAndOrdinal(pod)[0] === set.metadata.name;
}

export function startOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

export function endOrdinal(set: StatefulSet): number {
  return startOrdinal(set) + (set.spec.replicas ?? 1) - 1;
}

export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const o = getOrdinal(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** getPersistentVolumeClaimName */
export function claimName(set: StatefulSet, template: KubeObject, ordinal: number): string {
  return `${template.metadata?.name}-${set.metadata.name}-${ordinal}`;
}

/**
 * getPersistentVolumeClaims: one claim per template, in the set's namespace, labelled
 * with the set's matchLabels (added to the template's own labels).
 */
export function podClaims(set: StatefulSet, pod: Pod): KubeObject[] {
  const ordinal = getOrdinal(pod);
  const selectorLabels = set.spec.selector?.matchLabels ?? {};
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const claim = structuredClone(t);
    return {
      ...claim,
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...(claim.metadata ?? {}),
        name: claimName(set, t, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...(claim.metadata?.labels ?? {}), ...selectorLabels },
      },
    } as KubeObject;
  });
}

/** updateIdentity: name, namespace and the pod-name and pod-index labels. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.name = podName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: pod.metadata.name };
  pod.metadata.labels[POD_INDEX_LABEL] = String(ordinal);
}

/** initIdentity: also hostname and subdomain, which can only be set at creation. */
function initIdentity(set: StatefulSet, pod: Pod): void {
  updateIdentity(set, pod);
  pod.spec.hostname = pod.metadata.name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
}

/** identityMatches */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const [parent, ordinal] = parentAndOrdinal(pod);
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.name === podName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name &&
    pod.metadata.labels?.[POD_INDEX_LABEL] === String(ordinal)
  );
}

/** storageMatches: every claim template is a volume of the pod pointing at its claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v: { name: string }) => [v.name, v]));
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const v = volumes.get(t.metadata?.name ?? '') as { persistentVolumeClaim?: { claimName?: string } } | undefined;
    if (v?.persistentVolumeClaim?.claimName !== claimName(set, t, ordinal)) return false;
  }
  return true;
}

/** updateStorage: the claim volumes first (in template order), then the pod's other volumes. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  const templates = set.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) return;
  const names = new Set(templates.map((t) => t.metadata?.name));
  const claimVolumes = templates.map((t) => ({
    name: t.metadata?.name,
    persistentVolumeClaim: { claimName: claimName(set, t, ordinal) },
  }));
  const others = (pod.spec.volumes ?? []).filter((v: { name: string }) => !names.has(v.name));
  pod.spec.volumes = [...claimVolumes, ...others];
}

/** newStatefulSetPod: the template as a pod of this ordinal, owned by the set. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const pod = getPodFromTemplate(set.spec.template, set, newControllerRef(set));
  pod.metadata.name = podName(set, ordinal);
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

/** ApplyRevision: the set with the revision's template (the patch replaces the whole template). */
export function applyRevision(set: StatefulSet, rev: ControllerRevision): StatefulSet {
  const data = structuredClone((rev.data ?? {}) as { spec?: { template?: Record<string, unknown> } });
  const template = { ...(data.spec?.template ?? {}) };
  delete template.$patch;
  return { ...structuredClone(set), spec: { ...structuredClone(set.spec), template } } as unknown as StatefulSet;
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition are made from the current
 * revision, the rest from the update revision.
 */
export function newVersionedStatefulSetPod(
  currentSet: StatefulSet,
  updateSet: StatefulSet,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): Pod {
  const s = currentSet.spec.updateStrategy;
  const partition = s?.rollingUpdate?.partition ?? 0;
  const useCurrent = s?.type === 'RollingUpdate' && ordinal < startOrdinal(currentSet) + partition;
  const pod = newStatefulSetPod(useCurrent ? currentSet : updateSet, ordinal);
  setPodRevision(pod, useCurrent ? currentRevision : updateRevision);
  return pod;
}

export function setPodRevision(pod: Pod, revision: string): void {
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: revision };
}

export function getPodRevision(pod: Pod): string {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

/** A pod exists once it has a phase (a pod built this sync has none). */
export const isCreated = (p: Pod) => Boolean(p.status?.phase);
export const isPending = (p: Pod) => p.status?.phase === 'Pending';
export const isFailed = (p: Pod) => p.status?.phase === 'Failed';
export const isSucceeded = (p: Pod) => p.status?.phase === 'Succeeded';
export const isTerminating = (p: Pod) => Boolean(p.metadata.deletionTimestamp);
export const isRunningAndReady = (p: Pod) => p.status?.phase === 'Running' && isPodReady(p);
export const isRunningAndAvailable = (p: Pod, minReadySeconds: number, now: number) =>
  isPodAvailable(p, minReadySeconds, now);
export const isHealthy = (p: Pod) => isRunningAndReady(p) && !isTerminating(p);

/** allowsBurst: Parallel pod management creates and deletes without waiting. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel';
}
