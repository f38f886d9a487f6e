import type { Controller } from './manager';

export function createNodeLifecycleController(): Controller {
  return {
    name: 'nodelifecycle',
    reconcile() {},
  };
}
