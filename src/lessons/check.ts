/**
 * Evaluates a step's checks against a live cluster. A kubectl check runs the very
 * command the learner could type and compares its output; an event check looks for an
 * event recorded since the step began. Each result says what was seen, so the panel can
 * show "expected 3, got 2" instead of a bare cross.
 */
import { type Cluster, fromTimestamp } from '../engine/index';
import type { Check, EventCheck, Expectation, KubectlCheck } from './types';

export interface CheckResult {
  ok: boolean;
  /** what the cluster showed (trimmed output, a line count, or the matching event) */
  actual: string;
}

/** Longest output a result carries back (a check on `get pods -o yaml` must not flood the protocol). */
const MAX_ACTUAL = 200;

export function evaluateCheck(cluster: Cluster, check: Check, stepStartedAt: number): CheckResult {
  return check.kind === 'kubectl' ? kubectlCheck(cluster, check) : eventCheck(cluster, check, stepStartedAt);
}

function kubectlCheck(cluster: Cluster, check: KubectlCheck): CheckResult {
  const r = cluster.kubectl(check.kubectl);
  if (r.exitCode !== 0) return { ok: false, actual: clip(r.stderr.trim() || `exit code ${r.exitCode}`) };
  const out = r.stdout.trim();
  if (check.count === 'lines') {
    const n = out === '' ? 0 : out.split('\n').filter((l) => l.trim() !== '').length;
    return { ok: compare(String(n), check.expect), actual: String(n) };
  }
  return { ok: compare(out, check.expect), actual: clip(out) };
}

export function compare(actual: string, expect: Expectation): boolean {
  if ('equals' in expect) return actual === expect.equals;
  if ('contains' in expect) return actual.includes(expect.contains);
  if ('matches' in expect) return new RegExp(expect.matches).test(actual);
  const n = Number(actual);
  if (actual === '' || !Number.isFinite(n)) return false;
  return 'atLeast' in expect ? n >= expect.atLeast : n <= expect.atMost;
}

function eventCheck(cluster: Cluster, check: EventCheck, since: number): CheckResult {
  // API timestamps have whole seconds: an event in the step's first second counts.
  const from = Math.floor(since / 1000) * 1000;
  const hit = cluster.events().find((e) => {
    if (fromTimestamp(e.lastTimestamp) < from) return false;
    if (e.reason !== check.reason) return false;
    if (check.type && e.type !== check.type) return false;
    if (check.objectKind && e.involvedObject.kind !== check.objectKind) return false;
    return !check.objectName || nameMatches(e.involvedObject.name ?? '', check.objectName);
  });
  if (!hit) return { ok: false, actual: '' };
  return {
    ok: true,
    actual: clip(`${hit.reason} ${hit.involvedObject.kind?.toLowerCase()}/${hit.involvedObject.name}`),
  };
}

function nameMatches(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function clip(s: string): string {
  return s.length > MAX_ACTUAL ? `${s.slice(0, MAX_ACTUAL)}…` : s;
}
