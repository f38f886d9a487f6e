/**
 * Validation for the cluster-level kinds served today: Namespace (ValidateNamespace,
 * a DNS label name and qualified finalizer names), Node (ValidateNode: taints),
 * Lease (coordination ValidateLease) and Event (metadata only).
 */
import { type ErrorList, invalid, isRecord, notSupported, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { isQualifiedName } from './names';

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNamespace(ns: Record<string, any>): ErrorList {
  const errs = validateObjectMeta(ns.metadata, false, 'label', Path.root('metadata'));
  const finalizers = ns.spec?.finalizers;
  if (Array.isArray(finalizers)) {
    const p = Path.root('spec').child('finalizers');
    for (const f of finalizers) {
      const name = String(f);
      const msgs = isQualifiedName(name);
      for (const m of msgs) errs.push(invalid(p, name, m));
      if (msgs.length === 0 && !name.includes('/') && !STANDARD_FINALIZERS.includes(name)) {
        errs.push(invalid(p, name, 'name is neither a standard finalizer name nor is it fully qualified'));
      }
    }
  }
  return errs;
}

export function validateNode(node: Record<string, any>): ErrorList {
  const errs = validateObjectMeta(node.metadata, false, 'subdomain', Path.root('metadata'));
  const taints = node.spec?.taints;
  if (Array.isArray(taints)) {
    const seen = new Set<string>();
    taints.forEach((t: unknown, i: number) => {
      const p = Path.root('spec').child('taints').index(i);
      const taint = isRecord(t) ? t : {};
      if (!taint.key) errs.push(required(p.child('key'), ''));
      else for (const m of isQualifiedName(taint.key)) errs.push(invalid(p.child('key'), taint.key, m));
      if (!taint.effect) errs.push(required(p.child('effect'), ''));
      else if (!TAINT_EFFECTS.includes(taint.effect))
        errs.push(notSupported(p.child('effect'), taint.effect, TAINT_EFFECTS));
      const key = `${taint.key}:${taint.effect}`;
      if (seen.has(key)) {
        errs.push({
          ...invalid(p.child('effect'), taint.effect, 'taints must be unique by key and effect pair'),
          type: 'Duplicate value',
          detail: undefined,
        });
      }
      seen.add(key);
    });
  }
  return errs;
}

export function validateLease(lease: Record<string, any>): ErrorList {
  const errs = validateObjectMeta(lease.metadata, true, 'subdomain', Path.root('metadata'));
  const spec = isRecord(lease.spec) ? lease.spec : {};
  const p = Path.root('spec');
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid(p.child('leaseDurationSeconds'), spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
    errs.push(invalid(p.child('leaseTransitions'), spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

export function validateEvent(ev: Record<string, any>): ErrorList {
  return validateObjectMeta(ev.metadata, true, 'subdomain', Path.root('metadata'));
}
