/**
 * The text of a scheduling failure, as framework.FitError.Error builds it:
 * "0/N nodes are available: <PreFilterMsg>. <histogram of filter reasons>. <PostFilterMsg>"
 * where the histogram is "<count> <reason>" strings sorted as plain strings and joined
 * with ", " (so "1 ..." sorts before "2 ...", and "10 ..." before "2 ...").
 */

/** framework.NoNodeAvailableMsg */
export const NO_NODE_AVAILABLE = (n: number) => `0/${n} nodes are available`;
/** ErrNoNodesAvailable: the cluster has no nodes at all */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
/** validation.NoteLengthLimit: event messages are cut to this length */
export const NOTE_LENGTH_LIMIT = 1024;

export interface Diagnosis {
  numAllNodes: number;
  /** a PreFilter rejection replaces the per-node histogram */
  preFilterMsg?: string;
  /** the reasons of every node that has its own status */
  nodeReasons: string[][];
  /** the shared reasons of the nodes without their own status (numAllNodes − nodeReasons.length of them) */
  absentReasons?: string[];
  /** the PostFilter (preemption) message, appended after a space */
  postFilterMsg?: string;
}

/** The "<count> <reason>" histogram, sorted like Go's sort.Strings. */
export function reasonHistogram(d: Pick<Diagnosis, 'numAllNodes' | 'nodeReasons' | 'absentReasons'>): string[] {
  const counts = new Map<string, number>();
  for (const reasons of d.nodeReasons) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absent = d.numAllNodes - d.nodeReasons.length;
  if (absent > 0) for (const r of d.absentReasons ?? []) counts.set(r, (counts.get(r) ?? 0) + absent);
  const out = [...counts].map(([reason, n]) => `${n} ${reason}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function fitErrorMessage(d: Diagnosis): string {
  let msg = `${NO_NODE_AVAILABLE(d.numAllNodes)}:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const histogram = reasonHistogram(d);
    if (histogram.length > 0) msg += ` ${histogram.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** truncateMessage: events carry at most NoteLengthLimit characters. */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  const suffix = ' ...';
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}
