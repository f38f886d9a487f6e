/**
 * Test support for the node controllers: a stand-in for the kubelet's heartbeats, so
 * node-lifecycle behaviour can be tested on its own. Every lease renew interval it
 * renews the Lease of each node whose machine is up, and answers a Ready=Unknown set
 * by the node controller with Ready=True (a kubelet that came back). It coexists with
 * the real kubelet: both only ever renew leases of running machines.
 */
import type { Node } from '../api/types';
import type { ClusterCore } from '../cluster';
import { machines } from '../kubelet/machines';
import type { Controller } from './manager';

export const FAKE_HEARTBEATS = 'test-heartbeats';

/** RFC 3339 with microseconds, as the kubelet writes Lease renewTime. */
export function microTimestamp(core: ClusterCore): string {
  const ms = core.clock.now();
  const micros = String((ms % 1000) * 1000).padStart(6, '0');
  return core.clock.timestamp(ms).replace('Z', `.${micros}Z`);
}

/**
 * Registers the stand-in. `start: false` is for a cluster restored from a snapshot,
 * whose timer queue already holds the next tick.
 */
export function installFakeHeartbeats(core: ClusterCore, opts: { start?: boolean } = {}): void {
  const c: Controller = {
    name: FAKE_HEARTBEATS,
    reconcile(_key, ctx) {
      const down = ctx.machines().down;
      for (const node of ctx.store.list('Node') as Node[]) {
        const name = node.metadata.name;
        if (down[name] !== undefined) continue;
        const lease = ctx.store.get('Lease', 'kube-node-lease', name);
        if (lease) ctx.api.replace({ ...lease, spec: { ...lease.spec, renewTime: microTimestamp(core) } });
        const ready = node.status.conditions.find((x) => x.type === 'Ready');
        if (ready?.status === 'Unknown') postReady(core, name);
      }
      ctx.after(ctx.timings.leaseRenewMs, 'tick');
    },
  };
  core.manager.register(c);
  if (opts.start === false) return;
  core.manager.enqueue(FAKE_HEARTBEATS, 'tick');
  core.settle();
}

/** What a kubelet posts when it is healthy: Ready=True and no pressure, heartbeat now. */
export function postReady(core: ClusterCore, name: string): void {
  const node = core.store.get('Node', undefined, name) as Node;
  const now = core.clock.timestamp();
  const fresh: Record<string, [string, string, string]> = {
    MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
  };
  const conditions = node.status.conditions.map((c) => {
    const f = fresh[c.type];
    if (!f) return c;
    const status = f[0] as 'True' | 'False';
    return {
      ...c,
      status,
      reason: f[1],
      message: f[2],
      lastHeartbeatTime: now,
      lastTransitionTime: c.status === status ? c.lastTransitionTime : now,
    };
  });
  core.api.updateStatus({ ...node, status: { ...node.status, conditions } });
}

/** What chaos.killNode does: the machine goes down, so its kubelet falls silent. */
export function killMachine(core: ClusterCore, name: string): void {
  machines(core).down[name] = core.clock.now();
}

export function restoreMachine(core: ClusterCore, name: string): void {
  delete machines(core).down[name];
}
