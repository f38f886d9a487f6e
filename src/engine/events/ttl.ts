/**
 * The API server's --event-ttl (1h by default): etcd keeps every Event under a lease
 * renewed on each write, so an Event disappears about an hour after its last write.
 * (The API server shares one etcd lease among objects written close together, so
 * upstream expiry is not to the second either.) Here a sweep every minute removes
 * the Events whose lastTimestamp is an hour old: no per-event timers or state, and a
 * sweep is one string comparison per Event (RFC 3339 at second precision sorts by time).
 */
import type { KubeEvent } from '../api/types';
import type { Controller } from '../controllers/manager';
import { toTimestamp } from '../sim/clock';

export const EVENT_TTL = 'event-ttl';
export const EVENT_TTL_SWEEP_MS = 60_000;

export function createEventTtlController(): Controller {
  return {
    name: EVENT_TTL,
    start(ctx) {
      ctx.after(EVENT_TTL_SWEEP_MS, 'sweep');
    },
    reconcile(key, ctx) {
      if (key !== 'sweep') return;
      const now = ctx.clock.now();
      ctx.after(EVENT_TTL_SWEEP_MS, 'sweep');
      if (now < ctx.timings.eventTtlMs) return;
      const cutoff = toTimestamp(now - ctx.timings.eventTtlMs);
      for (const e of ctx.store.list('Event') as KubeEvent[]) {
        const written = e.lastTimestamp || e.metadata.creationTimestamp;
        if (written <= cutoff) ctx.api.delete('Event', e.metadata.namespace, e.metadata.name);
      }
    },
  };
}
