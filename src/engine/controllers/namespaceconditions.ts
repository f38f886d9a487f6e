/**
 * The conditions a terminating namespace carries while the namespace controller empties
 * it, after pkg/controller/namespace/deletion/status_condition_utils.go. All five types
 * are always written: a failing step sets its condition True with the failure; every
 * other type gets its "ok" variant (status False), so a condition that once failed
 * visibly recovers.
 */
import type { Condition } from '../api/types';

export const NS_DISCOVERY_FAILURE = 'NamespaceDeletionDiscoveryFailure';
export const NS_GV_PARSING_FAILURE = 'NamespaceDeletionGroupVersionParsingFailure';
export const NS_CONTENT_FAILURE = 'NamespaceDeletionContentFailure';
export const NS_CONTENT_REMAINING = 'NamespaceContentRemaining';
export const NS_FINALIZERS_REMAINING = 'NamespaceFinalizersRemaining';

/** In the order upstream appends them to status.conditions. */
const CONDITION_TYPES = [
  NS_DISCOVERY_FAILURE,
  NS_GV_PARSING_FAILURE,
  NS_CONTENT_FAILURE,
  NS_CONTENT_REMAINING,
  NS_FINALIZERS_REMAINING,
];

const OK: Record<string, { reason: string; message: string }> = {
  [NS_DISCOVERY_FAILURE]: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  [NS_GV_PARSING_FAILURE]: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  [NS_CONTENT_FAILURE]: {
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  [NS_CONTENT_REMAINING]: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  [NS_FINALIZERS_REMAINING]: {
    reason: 'ContentHasNoFinalizers',
    message: 'All content-preserving finalizers finished',
  },
};

/** What one pass over the namespace's content found. */
export interface ContentTotals {
  /** "pods." / "deployments.apps" → instances left */
  resourcesRemaining: Record<string, number>;
  /** finalizer → instances still carrying it */
  finalizersRemaining: Record<string, number>;
  /** error texts of the resource types that could not be emptied */
  deleteErrors: string[];
}

/** The failing conditions of one pass (ProcessContentTotals + makeDeleteContentCondition). */
export function failingConditions(totals: ContentTotals, now: string): Condition[] {
  const out: Condition[] = [];
  const resources = Object.entries(totals.resourcesRemaining)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${r} has ${n} resource instances`)
    .sort();
  if (resources.length > 0) {
    out.push({
      type: NS_CONTENT_REMAINING,
      status: 'True',
      lastTransitionTime: now,
      reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${resources.join(', ')}`,
    });
  }
  const finalizers = Object.entries(totals.finalizersRemaining)
    .filter(([, n]) => n > 0)
    .map(([f, n]) => `${f} in ${n} resource instances`)
    .sort();
  if (finalizers.length > 0) {
    out.push({
      type: NS_FINALIZERS_REMAINING,
      status: 'True',
      lastTransitionTime: now,
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
    });
  }
  if (totals.deleteErrors.length > 0) {
    const msgs = [...totals.deleteErrors].sort();
    out.push({
      type: NS_CONTENT_FAILURE,
      status: 'True',
      lastTransitionTime: now,
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}`,
    });
  }
  return out;
}

/**
 * updateConditions: the namespace's conditions after this pass, or undefined when
 * nothing changed (no write then). lastTransitionTime moves only when the status does.
 */
export function updatedConditions(old: Condition[], failing: Condition[], now: string): Condition[] | undefined {
  const next = old.map((c) => ({ ...c }));
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const want = failing.find((c) => c.type === type) ?? {
      type,
      status: 'False' as const,
      lastTransitionTime: now,
      ...OK[type],
    };
    const have = next.find((c) => c.type === type);
    if (!have) {
      next.push(want);
      changed = true;
    } else if (have.status !== want.status || have.message !== want.message || have.reason !== want.reason) {
      if (have.status !== want.status) have.lastTransitionTime = now;
      have.status = want.status;
      have.reason = want.reason;
      have.message = want.message;
      changed = true;
    }
  }
  return changed ? next : undefined;
}
