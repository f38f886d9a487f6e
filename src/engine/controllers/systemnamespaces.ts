/**
 * The API server's system-namespaces loop, after
 * pkg/controlplane/controller/systemnamespaces: once a minute it creates default,
 * kube-system, kube-public and kube-node-lease when they are missing. Only
 * kube-node-lease can really go (the other three are immortal), so a deleted
 * kube-node-lease comes back at the next tick and the kubelets' Leases with it.
 *
 * The ticks fall on whole minutes since start; rather than a timer every minute for
 * the whole life of the cluster, one is set when a system namespace disappears.
 */
import type { WatchEvent } from '../api/store';
import type { KubeObject } from '../api/types';
import type { Controller } from './manager';

export const SYSTEM_NAMESPACES_CONTROLLER = 'systemnamespaces';
export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease', 'default'];
const INTERVAL_MS = 60_000;

export function createSystemNamespacesController(): Controller {
  return {
    name: SYSTEM_NAMESPACES_CONTROLLER,
    onEvent(ev: WatchEvent, enqueue) {
      if (
        ev.type === 'DELETED' &&
        ev.object.kind === 'Namespace' &&
        SYSTEM_NAMESPACES.includes(ev.object.metadata.name)
      ) {
        enqueue('gone');
      }
    },
    reconcile(key, ctx) {
      if (key === 'gone') {
        ctx.after(INTERVAL_MS - (ctx.clock.now() % INTERVAL_MS), 'tick');
        return;
      }
      if (key !== 'tick') return;
      for (const name of SYSTEM_NAMESPACES) {
        if (ctx.store.get('Namespace', undefined, name)) continue;
        ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as unknown as KubeObject);
      }
    },
  };
}
