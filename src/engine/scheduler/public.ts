/**
 * The scheduler's recorded decisions, read through the public API, in the shape of
 * kube-scheduler-simulator's result tables: one filter row per evaluated node, one
 * score row per feasible node.
 */
import type { ClusterCore } from '../cluster';
import type { StoredDecision } from './decisions';
import type { SchedulerController } from './index';
import { SCHEDULER_NAME, type SchedulerState } from './scheduleone';
import { DEFAULT_SCORE_WEIGHTS } from './score';

export interface SchedulingDecision {
  pod: string;
  namespace: string;
  /** sim ms of the attempt */
  at: number;
  /** the chosen node, or undefined when the pod stays Pending */
  node?: string;
  /** per evaluated node: the filter that rejected it and why (plugin absent = passed every filter) */
  filters: { node: string; plugin?: string; reasons: string[] }[];
  /** per feasible node: each score plugin's normalized score (0-100) and the weighted total, best first */
  scores: { node: string; plugins: Record<string, number>; total: number }[];
  /** the FailedScheduling message when nothing fit */
  message?: string;
  /** PodScheduled=False reason when nothing fit: Unschedulable, or SchedulerError (no nodes at all) */
  reason?: string;
  /** nodes in the cluster at the time */
  totalNodes: number;
  /** nodes the filters ran on (upstream stops once enough feasible nodes are found) */
  evaluatedNodes: number;
  /** nodes left out before filtering by NodeAffinity's PreFilter (matchFields metadata.name) */
  prefilter?: { plugin: string; reasons: string[]; nodes: number };
  /** the weight each score plugin's normalized score is multiplied by in `total` */
  weights: Record<string, number>;
  /** feasible nodes that were scored but are not listed: large clusters keep the 100 best rows */
  omittedNodes?: number;
  /** scheduling attempts so far (present while the pod is still queued) */
  attempts?: number;
}

/** node-2 before node-10, as a person reads a node list (no locale involved, so every runtime agrees). */
export function byNaturalName(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

function materialize(namespace: string, pod: string, d: StoredDecision): SchedulingDecision {
  const filters: SchedulingDecision['filters'] = [];
  for (const g of d.rejected) for (const node of g.nodes) filters.push({ node, plugin: g.plugin, reasons: g.reasons });
  for (const node of d.feasible) filters.push({ node, reasons: [] });
  filters.sort((a, b) => byNaturalName(a.node, b.node));
  const scores: SchedulingDecision['scores'] = [];
  if (d.scores) {
    const names = Object.keys(d.scores.plugins);
    d.feasible.forEach((node, i) => {
      const plugins: Record<string, number> = {};
      for (const name of names) plugins[name] = (d.scores as NonNullable<StoredDecision['scores']>).plugins[name][i];
      scores.push({ node, plugins, total: (d.scores as NonNullable<StoredDecision['scores']>).totals[i] });
    });
    // Stable: equal totals keep evaluation order.
    scores.sort((a, b) => b.total - a.total);
  }
  const out: SchedulingDecision = {
    pod,
    namespace,
    at: d.at,
    filters,
    scores,
    totalNodes: d.numAllNodes,
    evaluatedNodes: d.feasible.length + (d.omitted ?? 0) + d.rejected.reduce((n, g) => n + g.nodes.length, 0),
    weights: { ...DEFAULT_SCORE_WEIGHTS },
  };
  if (d.node !== undefined) out.node = d.node;
  if (d.message !== undefined) out.message = d.message;
  if (d.reason !== undefined) out.reason = d.reason;
  if (d.omitted) out.omittedNodes = d.omitted;
  if (d.prefilter) out.prefilter = { ...d.prefilter, reasons: [...d.prefilter.reasons] };
  return out;
}

export function schedulingDecision(core: ClusterCore, namespace: string, pod: string): SchedulingDecision | undefined {
  const st = core.state[SCHEDULER_NAME] as SchedulerState | undefined;
  const key = `${namespace}/${pod}`;
  const d = st?.decisions.byPod[key];
  if (!d) return undefined;
  // A pod recreated under the same name has not been decided on yet.
  const live = core.store.get('Pod', namespace, pod);
  if (!live || live.metadata.uid !== d.uid) return undefined;
  const out = materialize(namespace, pod, d);
  const queued = st?.queue.pods[key];
  if (queued) out.attempts = queued.attempts;
  return out;
}

/**
 * For benchmarks: runs only the scheduler over every pod waiting in its queue and
 * returns how many it bound. Time this call to measure scheduling alone; other
 * controllers react to the bindings on the next advance().
 *
 *   const c = createCluster({ nodes: 1000 });
 *   c.apply(manyPods);                       // pods are queued, nothing runs yet
 *   const t = process.cpuUsage();
 *   const bound = scheduleBacklog(c.core);
 *   const d = process.cpuUsage(t);
 *   const podsPerCpuSecond = bound / ((d.user + d.system) / 1e6);
 */
export function scheduleBacklog(core: ClusterCore): number {
  const scheduler = core.manager.get(SCHEDULER_NAME) as SchedulerController | undefined;
  return scheduler ? scheduler.scheduleBacklog(core.context(SCHEDULER_NAME)) : 0;
}
