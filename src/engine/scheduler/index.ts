import type { Controller } from '../controllers/manager';

export function createScheduler(): Controller {
  return {
    name: 'scheduler',
    reconcile() {},
  };
}
