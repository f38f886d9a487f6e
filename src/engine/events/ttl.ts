/**
 * The API server's --event-ttl (1h by default): etcd keeps every Event under a lease
 * renewed on each write, so an Event disappears an hour after it was last written.
 * Here each write schedules an expiry check; a check finding the Event rewritten since
 * does nothing (the later write scheduled its own).
 */
import type { KubeEvent } from '../api/types';
import type { Controller } from '../controllers/manager';
import { fromTimestamp } from '../sim/clock';

export const EVENT_TTL = 'event-ttl';

export function createEventTtlController(): Controller {
  return {
    name: EVENT_TTL,
    onEvent(ev, enqueue) {
      if (ev.object.kind !== 'Event' || ev.type === 'DELETED') return;
      enqueue(`write/${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
    },
    reconcile(key, ctx) {
      const [what, ns, ...rest] = key.split('/');
      const name = rest.join('/');
      if (what === 'write') {
        ctx.after(ctx.timings.eventTtlMs, `expire/${ns}/${name}`);
        return;
      }
      const e = ctx.store.get('Event', ns, name) as KubeEvent | undefined;
      if (!e) return;
      const written = fromTimestamp(e.lastTimestamp || e.metadata.creationTimestamp);
      if (written + ctx.timings.eventTtlMs <= ctx.clock.now()) ctx.api.delete('Event', ns, name);
    },
  };
}
