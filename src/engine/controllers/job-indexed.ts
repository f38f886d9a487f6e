/**
 * Indexed Jobs, after pkg/controller/job/indexed_job_utils.go: each pod carries its
 * completion index (annotation and label `batch.kubernetes.io/job-completion-index`),
 * and the succeeded indexes are kept as ordered intervals, written like "0-2,5"
 * in status.completedIndexes. Pure functions over pods and strings.
 */
import type { Container, Pod } from '../api/types';
import type { Job } from '../api/workload-types';

export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
export const UNKNOWN_INDEX = -1;
/** names.MaxGeneratedNameLength: 63 minus the 5 random characters */
const MAX_GENERATED_NAME_LENGTH = 58;

export interface Interval {
  first: number;
  last: number;
}

export type Intervals = Interval[];

export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** getCompletionIndex: the annotation as a non-negative integer, or -1. */
export function completionIndex(pod: Pod): number {
  const v = pod.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return UNKNOWN_INDEX;
  const i = Number(v);
  return i < 0 ? UNKNOWN_INDEX : i;
}

/**
 * parseIndexesFromString: corrupt intervals are skipped, the list stops at the first
 * index beyond `completions`, and a range running past it is cut at completions-1.
 */
export function parseIntervals(s: string | undefined, completions: number): Intervals {
  if (!s) return [];
  const out: Intervals = [];
  for (const part of s.split(',')) {
    const limits = part.split('-');
    const first = parseInt10(limits[0]);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const l = parseInt10(limits[1]);
      if (l === undefined) continue;
      last = Math.min(l, completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

function parseInt10(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** merge: two ordered lists into one, adjacent and overlapping intervals joined. */
export function mergeIntervals(a: Intervals, b: Intervals): Intervals {
  const out: Intervals = [];
  const push = (iv: Interval) => {
    const last = out[out.length - 1];
    if (!last || iv.first > last.last + 1) out.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) push(a[i].first < b[j].first ? a[i++] : b[j++]);
  while (i < a.length) push(a[i++]);
  while (j < b.length) push(b[j++]);
  return out;
}

/** withOrderedIndexes: adds indexes given in increasing order. */
export function withIndexes(oi: Intervals, indexes: number[]): Intervals {
  return mergeIntervals(
    oi,
    indexes.map((i) => ({ first: i, last: i })),
  );
}

export function totalIndexes(oi: Intervals): number {
  return oi.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

export function hasIndex(oi: Intervals, ix: number): boolean {
  return oi.some((iv) => iv.first <= ix && ix <= iv.last);
}

/** orderedIntervals.String: "1-3,5" — two neighbours are written "5,6", not "5-6". */
export function formatIntervals(oi: Intervals): string {
  return oi
    .map((iv) => {
      if (iv.last === iv.first) return `${iv.first}`;
      return iv.last === iv.first + 1 ? `${iv.first},${iv.last}` : `${iv.first}-${iv.last}`;
    })
    .join(',');
}

/**
 * calculateSucceededIndexes: the indexes already in status, and those plus every
 * succeeded pod with a valid index that still has the tracking finalizer.
 */
export function succeededIndexes(
  job: Job,
  pods: Pod[],
  hasFinalizer: (p: Pod) => boolean,
): { prev: Intervals; next: Intervals } {
  const completions = job.spec.completions ?? 0;
  const prev = parseIntervals(job.status?.completedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (p.status?.phase === 'Succeeded' && ix !== UNKNOWN_INDEX && ix < completions && hasFinalizer(p)) fresh.add(ix);
  }
  return {
    prev,
    next: withIndexes(
      prev,
      [...fresh].sort((a, b) => a - b),
    ),
  };
}

/**
 * firstPendingIndexes: the lowest `count` indexes below `completions` that no active
 * pod (nor, where only failed pods are replaced, a terminating one) holds and that
 * have not succeeded.
 */
export function firstPendingIndexes(
  succeeded: Intervals,
  activePods: Pod[],
  terminatingPods: Pod[],
  count: number,
  completions: number,
): number[] {
  if (count === 0) return [];
  const taken = new Set<number>();
  for (const p of [...activePods, ...terminatingPods]) {
    const ix = completionIndex(p);
    if (ix !== UNKNOWN_INDEX) taken.add(ix);
  }
  const nonPending = withIndexes(
    succeeded,
    [...taken].sort((a, b) => a - b),
  );
  const out: number[] = [];
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && out.length < count && candidate < iv.first; candidate++) out.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}

/**
 * appendDuplicatedIndexPodsForRemoval: pods without an index or with one beyond
 * completions go, and of several pods sharing an index all but the one `rank` puts
 * last (the most advanced) go.
 */
export function duplicatedIndexPods(
  pods: Pod[],
  completions: number,
  rank: (pods: Pod[]) => Pod[],
): { remove: Pod[]; keep: Pod[] } {
  const remove: Pod[] = [];
  const keep: Pod[] = [];
  const byIndex = new Map<number, Pod[]>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === UNKNOWN_INDEX || ix >= completions) {
      remove.push(p);
      continue;
    }
    byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
  }
  for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
    const same = byIndex.get(ix) as Pod[];
    if (same.length === 1) {
      keep.push(same[0]);
      continue;
    }
    const ranked = rank(same);
    remove.push(...ranked.slice(0, -1));
    keep.push(ranked[ranked.length - 1]);
  }
  return { remove, keep };
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the whole fits. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH
    ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix
    : prefix;
}

/**
 * addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the pod's index label
 * (the PodIndexLabel feature, GA since 1.32), unless the container sets it already.
 */
export function addCompletionIndexEnv(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    if ((c.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV)) continue;
    c.env = [
      ...(c.env ?? []),
      {
        name: COMPLETION_INDEX_ENV,
        valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } },
      },
    ];
  }
}
