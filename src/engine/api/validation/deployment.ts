/**
 * Deployment validation: ValidateDeployment / ValidateDeploymentSpec /
 * ValidateDeploymentUpdate (pkg/apis/apps/validation/validation.go) and the apps/v1
 * strategy's immutable selector (pkg/registry/apps/deployment/strategy.go). ObjectMeta
 * update rules come from validateObject.
 */
// Loaded with the validators: registers the kind's Go types for strict decoding.
import '../schema/deployment';
import { jsonEqual } from '../store';
import { nonNegative } from './daemonset';
import { type ErrorList, invalid, isRecord, Path, required } from './field';
import { validateObjectMeta } from './meta';
import { validateLabelSelector } from './replicaset';
import { validateDeploymentStrategy, validatePodTemplateForReplicaSet } from './workload';

/** ValidateDeploymentSpec */
function validateDeploymentSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  errs.push(...nonNegative(spec.replicas, path.child('replicas')));
  const selector = spec.selector;
  if (!isRecord(selector)) {
    errs.push(required(path.child('selector'), ''));
  } else {
    errs.push(...validateLabelSelector(selector, path.child('selector')));
    const n = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length;
    if (n === 0) errs.push(invalid(path.child('selector'), selector, 'empty selector is invalid for deployment'));
  }
  errs.push(...validatePodTemplateForReplicaSet(spec.template, selector, path.child('template')));
  errs.push(...validateDeploymentStrategy(spec.strategy, path.child('strategy')));
  errs.push(...nonNegative(spec.minReadySeconds, path.child('minReadySeconds')));
  errs.push(...nonNegative(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  const pds = spec.progressDeadlineSeconds;
  if (typeof pds === 'number') {
    errs.push(...nonNegative(pds, path.child('progressDeadlineSeconds')));
    if (pds <= (typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0)) {
      errs.push(invalid(path.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** ValidateDeployment, and on update ValidateDeploymentUpdate plus the apps/v1 immutable selector. */
export function validateDeployment(d: Record<string, any>, old?: Record<string, any>): ErrorList {
  const meta = isRecord(d.metadata) ? d.metadata : {};
  const spec = isRecord(d.spec) ? d.spec : {};
  const errs: ErrorList = validateObjectMeta(meta, true, 'subdomain', Path.root('metadata'));
  errs.push(...validateDeploymentSpec(spec, Path.root('spec')));
  if (old && !jsonEqual(spec.selector, old.spec?.selector)) {
    errs.push(invalid(Path.root('spec').child('selector'), spec.selector ?? null, 'field is immutable'));
  }
  return errs;
}
