/**
 * Heap per running pod, and where it goes: 10,000 pods running on 100 nodes, then the
 * parts are taken away one at a time (on this throw-away cluster) and each drop in the
 * heap is that part's cost. Parts: Events, the kubelet's container logs, the rest of
 * the kubelet's records, the scheduler's decisions, and what is left (the Pod objects
 * in the store plus the indexes and caches that hold them).
 *
 * Run on its own: node --expose-gc --import tsx src/bench/memory.bench.ts
 */

import { createCluster } from '../engine/index';
import type { KubeletState } from '../engine/kubelet/state';
import { gc, heapUsed, podManifests } from './util';

const PODS = 10_000;
const NODES = 100;
/** docs/performance.md */
const TARGET = 4096;

function main(): void {
  if (!gc) console.log('(run with --expose-gc: without it the figures are meaningless)');
  const empty = heapUsed();
  const cluster = createCluster({
    nodes: Array.from({ length: NODES }, () => ({ cpu: 16, memory: '64Gi', pods: 110 })),
  });
  const docs = podManifests(PODS, 'mem');
  for (let i = 0; i < docs.length; i += 500) cluster.apply(docs.slice(i, i + 500).join('---\n'));
  cluster.advance(5 * 60_000);
  const running = cluster
    .list('Pod', 'default')
    .filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length;
  const core = cluster.core;
  const total = heapUsed();
  const pods = core.store.list('Pod');
  // Taking parts away must not set the controllers to work (queued keys would be counted).
  (core.store as unknown as { watchers: unknown[] }).watchers = [];
  const perPod = (bytes: number) => Math.round(bytes / PODS);
  const parts: [string, number][] = [];
  let last = total;
  const measure = (name: string, drop: () => void) => {
    drop();
    const now = heapUsed();
    parts.push([name, last - now]);
    last = now;
  };
  const kubelet = core.state.kubelet as KubeletState;
  measure('kubelet container logs', () => {
    for (const rec of Object.values(kubelet.pods)) {
      for (const c of [...rec.init, ...rec.containers]) {
        delete c.log;
        delete c.prevLog;
      }
    }
  });
  const events = core.store.list('Event').length;
  measure(`Events (${(events / PODS).toFixed(1)} per pod)`, () => {
    for (const e of core.store.list('Event')) core.store.remove('Event', e.metadata.namespace, e.metadata.name);
  });
  measure("the event recorder's correlation caches", () => {
    (core.events as unknown as { correlator: unknown }).correlator = undefined;
  });
  measure('kubelet pod records (sandbox, containers, processes)', () => {
    kubelet.pods = {};
  });
  measure("scheduler's recorded decisions", () => {
    (core.state.scheduler as { decisions: unknown }).decisions = undefined;
  });
  measure('Pod objects in the store', () => {
    for (const p of pods) core.store.remove('Pod', p.metadata.namespace, p.metadata.name);
    pods.length = 0;
  });
  const rest = last - empty;
  console.log(
    `memory: ${perPod(total - empty)} heap bytes per running pod (${running} running; target ≤ ${TARGET.toLocaleString('en')}) — ${perPod(total - empty) <= TARGET ? 'met' : 'missed'}`,
  );
  for (const [name, bytes] of parts) console.log(`  ${String(perPod(bytes)).padStart(6)}  ${name}`);
  console.log(
    `  ${String(perPod(rest)).padStart(6)}  the rest: nodes, leases, indexes and caches still holding pods, system pods`,
  );
}

main();
