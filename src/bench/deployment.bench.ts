/**
 * A Deployment rolling update end to end: every controller, the scheduler and the
 * kubelets take part. The deployment is first rolled out and settled; then its image
 * changes and the clock advances in 1-second steps until the rollout is complete
 * (every replica updated and available, no old pod left). The figure is the CPU time
 * of that second phase.
 *
 * Run on its own: node --expose-gc --import tsx src/bench/deployment.bench.ts
 */
import type { Deployment } from '../engine/api/workload-types';
import { type Cluster, createCluster } from '../engine/index';
import { cpuMs } from './util';

/** docs/performance.md */
const CASES = [
  { replicas: 1000, nodes: 100, targetMs: 500 },
  { replicas: 10_000, nodes: 1000, targetMs: 5000 },
];

function manifest(replicas: number, image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: bench}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: bench}}
  template:
    metadata: {labels: {app: bench}}
    spec:
      containers:
      - name: app
        image: ${image}
        resources:
          requests: {cpu: 10m, memory: 16Mi}
`;
}

function complete(cluster: Cluster, replicas: number): boolean {
  const d = cluster.get('Deployment', 'bench') as Deployment | undefined;
  const s = d?.status;
  return (
    s?.updatedReplicas === replicas &&
    s.replicas === replicas &&
    s.availableReplicas === replicas &&
    (s.observedGeneration ?? 0) >= (d?.metadata.generation ?? 0)
  );
}

/** Advances 1 s at a time until the rollout is complete; returns the simulated seconds. */
function settle(cluster: Cluster, replicas: number, limitS: number): number {
  for (let s = 1; s <= limitS; s++) {
    cluster.advance(1000);
    if (complete(cluster, replicas)) return s;
  }
  throw new Error(`rollout of ${replicas} replicas not complete after ${limitS} simulated seconds`);
}

function run(replicas: number, nodes: number, targetMs: number): void {
  const cluster = createCluster({ nodes });
  const first = cluster.apply(manifest(replicas, 'nginx:1.27'));
  if (!first.ok) throw new Error(first.errors[0]?.message);
  const initial = cpuMs(() => settle(cluster, replicas, 3600));
  const update = cluster.apply(manifest(replicas, 'nginx:1.28'));
  if (!update.ok) throw new Error(update.errors[0]?.message);
  const rollout = cpuMs(() => settle(cluster, replicas, 3600));
  const ms = Math.round(rollout.ms);
  console.log(
    `rolling update of ${replicas.toLocaleString('en')} replicas on ${nodes} nodes: ${ms} ms CPU, ${rollout.value} simulated s (target < ${targetMs} ms) — ${ms < targetMs ? 'met' : 'missed'}`,
  );
  console.log(`  first rollout of the same deployment: ${Math.round(initial.ms)} ms CPU, ${initial.value} simulated s`);
}

for (const c of CASES) run(c.replicas, c.nodes, c.targetMs);
