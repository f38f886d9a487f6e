/**
 * `npm run bench`: the engine's three headline figures (a benchmark, not a test).
 *
 *  1. pods scheduled per CPU-second on a 1,000-node cluster, the whole `advance` that
 *     binds them (kubelets reacting included; scheduler.bench.ts times the scheduler alone)
 *  2. ms of CPU per simulated second at steady state with 10,000 running pods
 *  3. heap bytes per pod at that steady state
 *
 * CPU time is process.cpuUsage (user + system). Record the figures with the date in
 * docs/performance.md. Run on its own: node --expose-gc --import tsx src/bench/engine.bench.ts
 */
import { createCluster } from '../engine/index';
import { cpuMs, gc, heapUsed, podManifests as manifests } from './util';

function boundCount(cluster: ReturnType<typeof createCluster>): number {
  let n = 0;
  for (const p of cluster.list('Pod', 'default')) if ((p as { spec?: { nodeName?: string } }).spec?.nodeName) n++;
  return n;
}

/** 1: pods created pending, then one advance schedules them all; only that advance is timed. */
function schedulingThroughput(nodes: number, pods: number): { podsPerCpuSecond: number; bound: number; ms: number } {
  const cluster = createCluster({ nodes });
  const docs = manifests(pods, 'sched');
  // Apply in chunks without advancing time, so every pod is waiting in the queue.
  for (let i = 0; i < docs.length; i += 500) {
    const r = cluster.apply(docs.slice(i, i + 500).join('---\n'));
    if (!r.ok) throw new Error(`apply failed: ${r.errors[0]?.message}`);
  }
  const { ms } = cpuMs(() => cluster.advance(1));
  const bound = boundCount(cluster);
  return { podsPerCpuSecond: Math.round((bound / ms) * 1000), bound, ms: Math.round(ms) };
}

/** 2 and 3: 10,000 pods running, then simulated minutes of nothing happening. */
function steadyState(pods: number, nodes: number): { msPerSimSecond: number; bytesPerPod: number; running: number } {
  const before = heapUsed();
  const cluster = createCluster({
    nodes: Array.from({ length: nodes }, () => ({ cpu: 16, memory: '64Gi', pods: 110 })),
  });
  const docs = manifests(pods, 'steady');
  for (let i = 0; i < docs.length; i += 500) cluster.apply(docs.slice(i, i + 500).join('---\n'));
  cluster.advance(5 * 60_000);
  const running = cluster
    .list('Pod', 'default')
    .filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length;
  const simSeconds = 120;
  const { ms } = cpuMs(() => {
    for (let s = 0; s < simSeconds; s++) cluster.advance(1000);
  });
  const after = heapUsed();
  return { msPerSimSecond: ms / simSeconds, bytesPerPod: Math.round((after - before) / pods), running };
}

function main(): void {
  console.log(
    `Kube Playground engine benchmark — node ${process.version}${gc ? '' : ' (run with --expose-gc for heap figures)'}`,
  );
  const s = schedulingThroughput(1000, 5000);
  console.log(
    `scheduling + kubelets: ${s.podsPerCpuSecond} pods/CPU-second on 1,000 nodes (${s.bound} pods bound and started in ${s.ms} ms CPU)`,
  );
  const st = steadyState(10_000, 100);
  console.log(
    `steady state: ${st.msPerSimSecond.toFixed(2)} ms CPU per simulated second with ${st.running} running pods (target < 5)`,
  );
  console.log(`memory: ${st.bytesPerPod} heap bytes per pod (target < 4,096)`);
}

main();
