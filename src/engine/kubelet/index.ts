import type { Controller } from '../controllers/manager';

export function createKubelet(): Controller {
  return {
    name: 'kubelet',
    reconcile() {},
  };
}
