/** What the learner chose to see in the graph: hidden namespaces and opened pod groups. */
import { create } from 'zustand';

export interface GraphUiState {
  hiddenNamespaces: string[];
  /** toggle keys (<box key>|<group key>) of the pod groups the learner opened */
  expanded: string[];
}

export const useGraphStore = create<GraphUiState>(() => ({ hiddenNamespaces: [], expanded: [] }));

export function toggleNamespace(namespace: string): void {
  useGraphStore.setState((s) => ({ hiddenNamespaces: toggled(s.hiddenNamespaces, namespace) }));
}

export function toggleGroup(toggleKey: string): void {
  useGraphStore.setState((s) => ({ expanded: toggled(s.expanded, toggleKey) }));
}

/** Folds every group of one box again. */
export function foldBox(boxKey: string): void {
  useGraphStore.setState((s) => ({ expanded: s.expanded.filter((k) => !k.startsWith(`${boxKey}|`)) }));
}

function toggled(list: readonly string[], x: string): string[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x].sort();
}
