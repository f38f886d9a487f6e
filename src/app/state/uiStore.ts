/** View preferences that belong to the page, not to the cluster. */
import { create } from 'zustand';

export interface UiState {
  /** kube-system pods (control plane, kube-proxy, CoreDNS) in the node cards */
  showSystemPods: boolean;
}

export const useUiStore = create<UiState>(() => ({ showSystemPods: true }));

export function setShowSystemPods(show: boolean): void {
  useUiStore.setState({ showSystemPods: show });
}
