/**
 * NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity) with the node selector
 * matching of k8s.io/component-helpers/scheduling/corev1/nodeaffinity:
 * spec.nodeSelector (every label must be equal) AND the required node selector terms
 * (terms ORed; inside a term, matchExpressions and matchFields ANDed). Preferred terms
 * score the sum of the weights that match, normalized to 0-100.
 */
import type { NodeInfo } from '../nodeinfo';
import type { FilterStatus } from './status';

export const NODE_AFFINITY = 'NodeAffinity';
/** ErrReasonPod */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** errReasonConflict: PreFilter found no node name that every term allows */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface PreferredTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

/** What the plugin needs from a pod, parsed once per scheduling attempt. */
export interface PodNodeAffinity {
  nodeSelector?: Record<string, string>;
  /** undefined when the pod has no required node affinity */
  requiredTerms?: NodeSelectorTerm[];
  preferred: PreferredTerm[];
  /** PreFilter: the only node names the pod may go to ('conflict' when none), undefined = all */
  nodeNames?: Set<string> | 'conflict';
}

const INT64 = /^[+-]?\d+$/;

/** labels.Requirement.Matches; an invalid requirement matches nothing (parse errors are ignored upstream). */
export function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const values = r.values ?? [];
  const has = Object.hasOwn(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return values.length > 0 && has && values.includes(v);
    case 'NotIn':
      return values.length > 0 && (!has || !values.includes(v));
    case 'Exists':
      return values.length === 0 && has;
    case 'DoesNotExist':
      return values.length === 0 && !has;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !INT64.test(values[0]) || !has || !INT64.test(v)) return false;
      const want = Number(values[0]);
      const got = Number(v);
      return r.operator === 'Gt' ? got > want : got < want;
    }
    default:
      return false;
  }
}

/** Only metadata.name with In/NotIn and exactly one value is a valid node field selector. */
function fieldMatches(r: NodeSelectorRequirement, nodeName: string): boolean {
  const values = r.values ?? [];
  if (r.key !== 'metadata.name' || values.length !== 1) return false;
  if (r.operator === 'In') return nodeName === values[0];
  if (r.operator === 'NotIn') return nodeName !== values[0];
  return false;
}

/** A term with no requirements matches no node. */
export function termMatches(term: NodeSelectorTerm, labels: Record<string, string>, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, labels)) return false;
  for (const r of fields) if (!fieldMatches(r, nodeName)) return false;
  return true;
}

export function nodeSelectorTermsMatch(
  terms: NodeSelectorTerm[],
  labels: Record<string, string>,
  nodeName: string,
): boolean {
  for (const t of terms) if (termMatches(t, labels, nodeName)) return true;
  return false;
}

/** PreFilter: node names pinned by matchFields metadata.name In (how DaemonSet pods target a node). */
export function preFilterNodeNames(terms: NodeSelectorTerm[] | undefined): Set<string> | 'conflict' | undefined {
  if (!terms || terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    // A term without a node-name field allows every node: the terms are ORed.
    if (!termNames) return undefined;
    names = names ? new Set([...names, ...termNames]) : termNames;
  }
  if (names && names.size === 0) return 'conflict';
  return names;
}

export function podNodeAffinity(spec: {
  nodeSelector?: Record<string, string>;
  affinity?: { nodeAffinity?: Record<string, any> };
}): PodNodeAffinity {
  const na = spec.affinity?.nodeAffinity;
  const required = na?.requiredDuringSchedulingIgnoredDuringExecution as { nodeSelectorTerms?: NodeSelectorTerm[] };
  const requiredTerms = required ? (required.nodeSelectorTerms ?? []) : undefined;
  const preferred = ((na?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as PreferredTerm[]).filter(
    (p) => p && p.weight !== 0 && p.preference,
  );
  const nodeSelector = spec.nodeSelector && Object.keys(spec.nodeSelector).length > 0 ? spec.nodeSelector : undefined;
  return { nodeSelector, requiredTerms, preferred, nodeNames: preFilterNodeNames(requiredTerms) };
}

/** RequiredNodeAffinity.Match: nodeSelector labels, then the required terms. */
export function matchesRequired(a: PodNodeAffinity, labels: Record<string, string>, nodeName: string): boolean {
  if (a.nodeSelector) {
    for (const k of Object.keys(a.nodeSelector)) {
      if (!Object.hasOwn(labels, k) || labels[k] !== a.nodeSelector[k]) return false;
    }
  }
  if (a.requiredTerms && !nodeSelectorTermsMatch(a.requiredTerms, labels, nodeName)) return false;
  return true;
}

export function nodeAffinityFilter(a: PodNodeAffinity, ni: NodeInfo): FilterStatus | undefined {
  if (!a.nodeSelector && !a.requiredTerms) return undefined; // PreFilter: Skip
  if (matchesRequired(a, ni.labels, ni.name)) return undefined;
  return { plugin: NODE_AFFINITY, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_POD] };
}

/** Score: the sum of the weights of the preferred terms the node matches. */
export function nodeAffinityScore(a: PodNodeAffinity, ni: NodeInfo): number {
  let sum = 0;
  for (const p of a.preferred) if (termMatches(p.preference, ni.labels, ni.name)) sum += p.weight;
  return sum;
}
