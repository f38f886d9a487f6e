import type { Controller } from './manager';

export function createGarbageCollector(): Controller {
  return {
    name: 'garbagecollector',
    reconcile() {},
  };
}
