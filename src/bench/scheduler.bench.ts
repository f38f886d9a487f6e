/**
 * The scheduler alone: 10,000 pending pods on 1,000 nodes, one cycle of filter + score +
 * bind for each (scheduleBacklog, the entry point src/engine/scheduler/README.md names).
 * The bindings' watch events are queued for the kubelets but not run, so their reaction
 * is left out; it is timed separately afterwards as one settle of the queues.
 *
 * Run on its own: node --expose-gc --import tsx src/bench/scheduler.bench.ts
 */
import { createCluster } from '../engine/index';
import { scheduleBacklog } from '../engine/scheduler/public';
import { cpuMs, podManifests } from './util';

const NODES = 1000;
const PODS = 10_000;
/** docs/performance.md */
const TARGET = 20_000;

function main(): void {
  const cluster = createCluster({ nodes: NODES });
  const docs = podManifests(PODS, 'sched');
  // Applied in chunks without advancing time: every pod waits, none is scheduled yet.
  for (let i = 0; i < docs.length; i += 500) {
    const r = cluster.apply(docs.slice(i, i + 500).join('---\n'));
    if (!r.ok) throw new Error(`apply failed: ${r.errors[0]?.message}`);
  }
  const sched = cpuMs(() => scheduleBacklog(cluster.core));
  const bound = sched.value;
  const rate = Math.round((bound / sched.ms) * 1000);
  console.log(
    `scheduler only: ${rate} pods/CPU-second (${bound} of ${PODS} pods bound on ${NODES} nodes in ${Math.round(sched.ms)} ms CPU; target ≥ ${TARGET.toLocaleString('en')}) — ${rate >= TARGET ? 'met' : 'missed'}`,
  );
  const kubelets = cpuMs(() => cluster.advance(1));
  console.log(
    `kubelets reacting to those bindings: ${Math.round(kubelets.ms)} ms CPU (${Math.round((bound / kubelets.ms) * 1000)} pods/CPU-second)`,
  );
}

main();
