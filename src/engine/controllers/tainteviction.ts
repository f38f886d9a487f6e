import type { Controller } from './manager';

export function createTaintEvictionController(): Controller {
  return {
    name: 'tainteviction-controller',
    reconcile() {},
  };
}
