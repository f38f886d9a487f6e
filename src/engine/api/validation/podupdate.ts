/**
 * ValidatePodUpdate: a running pod's spec is immutable except container images,
 * activeDeadlineSeconds, added tolerations and a negative grace period raised to 1.
 * The server explains with a diff of the spec; ours lists the changed fields.
 */
import { jsonEqual } from '../store';
import { type ErrorList, forbidden, invalid, isRecord, Path } from './field';

const MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export function validatePodUpdate(spec: Record<string, any>, old: Record<string, any>): ErrorList {
  const specPath = Path.root('spec');
  const errs: ErrorList = [];
  for (const list of ['containers', 'initContainers']) {
    const a = Array.isArray(spec[list]) ? spec[list] : [];
    const b = Array.isArray(old[list]) ? old[list] : [];
    if (a.length !== b.length) {
      errs.push(forbidden(specPath.child(list), 'pod updates may not add or remove containers'));
      return errs;
    }
  }
  const oldTolerations: unknown[] = Array.isArray(old.tolerations) ? old.tolerations : [];
  const newTolerations: unknown[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const kept = oldTolerations.every((t) => newTolerations.some((n) => jsonEqual(withoutSeconds(n), withoutSeconds(t))));
  if (!kept) {
    errs.push(
      forbidden(specPath.child('tolerations'), 'existing toleration can not be modified except its tolerationSeconds'),
    );
  }
  // activeDeadlineSeconds may be set, or lowered, never raised or removed
  if (typeof old.activeDeadlineSeconds === 'number') {
    const p = specPath.child('activeDeadlineSeconds');
    if (spec.activeDeadlineSeconds === undefined) {
      errs.push(invalid(p, null, 'must not update from a positive integer to nil value'));
    } else if (spec.activeDeadlineSeconds > old.activeDeadlineSeconds) {
      errs.push(invalid(p, spec.activeDeadlineSeconds, 'must be less than or equal to previous value'));
    }
  }
  // Munge the mutable fields back to the old values; whatever still differs is forbidden.
  const munged: Record<string, any> = structuredClone(spec);
  for (const list of ['containers', 'initContainers']) {
    if (!Array.isArray(munged[list])) continue;
    munged[list] = munged[list].map((c: any, i: number) => ({ ...c, image: old[list][i]?.image }));
  }
  munged.tolerations = old.tolerations;
  munged.activeDeadlineSeconds = old.activeDeadlineSeconds;
  if ((old.terminationGracePeriodSeconds ?? 0) < 0 && spec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = old.terminationGracePeriodSeconds;
  }
  for (const k of Object.keys(munged)) if (munged[k] === undefined) delete munged[k];
  if (!jsonEqual(munged, old)) errs.push(forbidden(specPath, `${MESSAGE}\n${specDiff(old, munged)}`));
  return errs;
}

function withoutSeconds(t: unknown): unknown {
  if (!isRecord(t)) return t;
  const { tolerationSeconds: _s, ...rest } = t;
  return rest;
}

/** A short form of the server's cmp.Diff: one -/+ pair per changed top-level field. */
function specDiff(old: Record<string, any>, next: Record<string, any>): string {
  const lines = ['  core.PodSpec{'];
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].sort();
  let same = 0;
  for (const k of keys) {
    if (jsonEqual(old[k], next[k])) {
      same++;
      continue;
    }
    if (old[k] !== undefined) lines.push(`- \t${goField(k)}: ${JSON.stringify(old[k])},`);
    if (next[k] !== undefined) lines.push(`+ \t${goField(k)}: ${JSON.stringify(next[k])},`);
  }
  if (same > 0) lines.splice(1, 0, `  \t... // ${same} identical fields`);
  lines.push('  }');
  return lines.join('\n');
}

function goField(jsonName: string): string {
  return jsonName.charAt(0).toUpperCase() + jsonName.slice(1);
}
