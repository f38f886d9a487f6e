/**
 * The scheduler's recorded decisions: for the last attempt of each pod, which filter
 * rejected which node and why, and each score plugin's normalized score per feasible
 * node — what kube-scheduler-simulator writes into its result annotations, kept here
 * as plain JSON in the scheduler's state so a snapshot carries it.
 *
 * Memory: a decision holds references to arrays the cycle built anyway (node names,
 * score arrays), grouped rejections instead of one entry per node, and only the last
 * decision per pod. Pending pods always keep theirs (the app asks "why Pending?");
 * bound pods keep theirs only while they are among the most recently scheduled, within
 * a budget of scored cells, so a 1,000-node cluster does not hold 420 scores for every
 * pod it ever placed.
 */
import type { ScheduleResult } from './framework';
import type { RejectCode } from './plugins/status';

/** Bound pods whose decision is kept, at most. */
export const MAX_RECENT_SCHEDULED = 500;
/** Feasible-node entries (one row of the score table) kept over all bound pods' decisions. */
export const MAX_RECENT_CELLS = 40_000;
/**
 * Score rows kept per decision. On a large cluster upstream scores hundreds of nodes per
 * pod (42% of 1,000); the decision keeps the best ones (the chosen node always among
 * them) and counts the rest, so the arrays of a cycle die young instead of piling up.
 */
export const MAX_SCORE_ROWS = 25;

export interface RejectedGroup {
  plugin: string;
  code: RejectCode;
  reasons: string[];
  /** the nodes this plugin rejected with these reasons, in evaluation order */
  nodes: string[];
}

export interface StoredDecision {
  uid: string;
  /** recording order, to tell a live recent entry from a stale one */
  seq: number;
  at: number;
  node?: string;
  message?: string;
  reason?: 'Unschedulable' | 'SchedulerError';
  numAllNodes: number;
  rejected: RejectedGroup[];
  /** nodes PreFilter left out (NodeAffinity's matchFields metadata.name): how many, and their shared status */
  prefilter?: { plugin: string; reasons: string[]; nodes: number };
  /** the nodes that passed every filter, in evaluation order */
  feasible: string[];
  /** aligned with `feasible`; absent when a single feasible node was taken without scoring */
  scores?: { plugins: Record<string, number[]>; totals: number[] };
  /** feasible nodes scored but not kept (beyond MAX_SCORE_ROWS) */
  omitted?: number;
  /** `feasible.length`, what this decision costs against MAX_RECENT_CELLS once bound */
  cells: number;
}

export interface DecisionState {
  seq: number;
  byPod: Record<string, StoredDecision>;
  /** bound decisions in the order they were made: [pod key, seq] */
  recent: [string, number][];
  recentHead: number;
  /** live bound decisions and their cells */
  recentLive: number;
  recentCells: number;
}

export function newDecisionState(): DecisionState {
  return { seq: 0, byPod: {}, recent: [], recentHead: 0, recentLive: 0, recentCells: 0 };
}

function sameStrings(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Groups the rejected nodes by plugin, code and reasons, keeping first-seen order. */
function groupRejections(failed: ScheduleResult['failed']): RejectedGroup[] {
  const groups: RejectedGroup[] = [];
  let last: RejectedGroup | undefined;
  for (const { node, status } of failed) {
    let g =
      last && last.plugin === status.plugin && last.code === status.code && sameStrings(last.reasons, status.reasons)
        ? last
        : undefined;
    if (!g) {
      g = groups.find(
        (x) => x.plugin === status.plugin && x.code === status.code && sameStrings(x.reasons, status.reasons),
      );
    }
    if (!g) {
      g = { plugin: status.plugin, code: status.code, reasons: status.reasons, nodes: [] };
      groups.push(g);
    }
    g.nodes.push(node.name);
    last = g;
  }
  return groups;
}

function sameGroups(a: RejectedGroup[], b: RejectedGroup[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.plugin !== y.plugin || x.code !== y.code || !sameStrings(x.reasons, y.reasons)) return false;
    if (!sameStrings(x.nodes, y.nodes)) return false;
  }
  return true;
}

function forgetDecision(ds: DecisionState, d: StoredDecision): void {
  if (d.node === undefined) return;
  ds.recentLive--;
  ds.recentCells -= d.cells;
}

/** Keeps `result` as the pod's last decision, and trims old bound decisions. */
export function recordDecision(
  ds: DecisionState,
  key: string,
  uid: string,
  at: number,
  result: ScheduleResult,
): StoredDecision {
  const previous = ds.byPod[key];
  let rejected = groupRejections(result.failed);
  // A pod that keeps failing the same way shares its previous grouping instead of a copy.
  if (previous && sameGroups(previous.rejected, rejected)) rejected = previous.rejected;
  const all = result.feasible;
  let rows: number[] | undefined;
  if (result.scores && all.length > MAX_SCORE_ROWS) {
    rows = bestRows(result.scores.totals, MAX_SCORE_ROWS, result.chosen ?? -1);
  }
  const omitted = rows ? all.length - rows.length : 0;
  const feasible: string[] = [];
  if (rows) for (const i of rows) feasible.push(all[i].name);
  else for (const ni of all) feasible.push(ni.name);
  let scores: StoredDecision['scores'];
  if (result.scores) {
    const src = result.scores;
    const totals: number[] = rows ? rows.map((i) => src.totals[i]) : src.totals;
    scores = { plugins: src.pluginScores(rows), totals };
  }
  const d: StoredDecision = {
    uid,
    seq: ++ds.seq,
    at,
    numAllNodes: result.totalNodes,
    rejected,
    feasible,
    cells: feasible.length,
  };
  if (result.node !== undefined) d.node = result.node;
  if (result.message !== undefined) d.message = result.message;
  if (result.reason !== undefined) d.reason = result.reason;
  if (result.absent) {
    d.prefilter = {
      plugin: result.absent.status.plugin,
      reasons: result.absent.status.reasons,
      nodes: result.totalNodes - result.failed.length - result.feasible.length,
    };
  }
  if (scores) d.scores = scores;
  if (omitted > 0) d.omitted = omitted;
  if (previous) forgetDecision(ds, previous);
  ds.byPod[key] = d;
  if (d.node !== undefined) {
    ds.recent.push([key, d.seq]);
    ds.recentLive++;
    ds.recentCells += d.cells;
    trimRecent(ds);
  }
  return d;
}

/**
 * The rows of the `k` highest totals, in evaluation order; ties at the cut go to the
 * earliest, and `keep` (the chosen node) is always among them. Totals are small
 * non-negative integers (weights × 0-100), so a histogram finds the cut in one pass.
 */
let scratch = new Int32Array(1024);

export function bestRows(totals: number[], k: number, keep: number): number[] {
  let max = 0;
  for (const t of totals) if (t > max) max = t;
  if (scratch.length <= max) scratch = new Int32Array(max + 1);
  const hist = scratch;
  hist.fill(0, 0, max + 1);
  for (const t of totals) hist[t | 0]++;
  let cut = max;
  let atCut = k;
  while (cut > 0 && atCut > hist[cut]) {
    atCut -= hist[cut];
    cut--;
  }
  const rows: number[] = [];
  for (let i = 0; i < totals.length; i++) {
    if (totals[i] > cut || (totals[i] === cut && atCut-- > 0)) rows.push(i);
  }
  if (keep >= 0 && !rows.includes(keep)) {
    // Only possible when more than k nodes tie for the best total: swap the chosen one in.
    rows.pop();
    rows.push(keep);
    rows.sort((a, b) => a - b);
  }
  return rows;
}

function trimRecent(ds: DecisionState): void {
  while (ds.recentLive > MAX_RECENT_SCHEDULED || (ds.recentCells > MAX_RECENT_CELLS && ds.recentLive > 1)) {
    const [key, seq] = ds.recent[ds.recentHead++];
    const d = ds.byPod[key];
    if (d && d.seq === seq) {
      forgetDecision(ds, d);
      delete ds.byPod[key];
    }
  }
  if (ds.recentHead > 1024 && ds.recentHead * 2 > ds.recent.length) {
    ds.recent = ds.recent.slice(ds.recentHead);
    ds.recentHead = 0;
  }
}

/** The pod is gone (or is another pod now): its decision goes with it. */
export function dropDecision(ds: DecisionState, key: string): void {
  const d = ds.byPod[key];
  if (!d) return;
  forgetDecision(ds, d);
  delete ds.byPod[key];
}
