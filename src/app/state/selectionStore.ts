/**
 * The object the learner selected (a pod card, a node box, a workload row, an event)
 * and the worker's latest inspection of it. Selecting only changes this store; the
 * worker client follows it and asks the worker to inspect (see engineClient.ts).
 */
import { create } from 'zustand';
import type { Inspection, InspectRef } from '../../protocol/messages';

export interface SelectionState {
  selected: InspectRef | null;
  /** the worker's answer for `selected` (null until it arrives) */
  inspection: Inspection | null;
}

export const useSelectionStore = create<SelectionState>(() => ({ selected: null, inspection: null }));

/** Cluster-scoped kinds carry no namespace, so the same node selected twice is one ref. */
const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'PersistentVolume', 'StorageClass', 'ClusterRole']);

export function select(ref: InspectRef): void {
  const next: InspectRef = CLUSTER_SCOPED.has(ref.kind)
    ? { kind: ref.kind, name: ref.name }
    : { kind: ref.kind, namespace: ref.namespace || 'default', name: ref.name };
  const cur = useSelectionStore.getState().selected;
  if (cur && sameRef(cur, next)) return;
  useSelectionStore.setState({ selected: next, inspection: null });
}

export function clearSelection(): void {
  useSelectionStore.setState({ selected: null, inspection: null });
}

/** The worker's inspection; ignored when it answers an object no longer selected. */
export function receiveInspection(data: Inspection): void {
  const cur = useSelectionStore.getState().selected;
  if (!cur || cur.kind !== data.ref.kind || cur.name !== data.ref.name) return;
  // The worker drops the namespace of cluster-scoped kinds this page does not know as such.
  if (data.ref.namespace !== undefined && data.ref.namespace !== (cur.namespace || 'default')) return;
  useSelectionStore.setState({ inspection: data });
}

export function sameRef(a: InspectRef, b: InspectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace || '') === (b.namespace || '');
}

/** A hook-friendly test: is this object the selected one? */
export function isSelected(s: SelectionState, kind: string, name: string, namespace?: string): boolean {
  const cur = s.selected;
  return cur !== null && cur.kind === kind && cur.name === name && (cur.namespace || '') === (namespace || '');
}
