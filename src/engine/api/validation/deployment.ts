/**
 * Deployment validation: ValidateDeployment / ValidateDeploymentSpec /
 * ValidateDeploymentUpdate (pkg/apis/apps/validation/validation.go) and the apps/v1
 * strategy's immutable selector (pkg/registry/apps/deployment/strategy.go). ObjectMeta
 * update rules come from validateObject.
 */
// Loaded with the validators: registers the kind's Go types for strict decoding.
import '../schema/deployment';
import { nonNegative } from './daemonset';
import { type ErrorList, invalid, isRecord, Path } from './field';
import { validateObjectMeta } from './meta';
import { immutableSelector, validateSelectorAndTemplate } from './replicaset';
import { validateDeploymentStrategy } from './workload';

/** ValidateDeploymentSpec */
function validateDeploymentSpec(spec: Record<string, any>, path: Path): ErrorList {
  const errs: ErrorList = [];
  errs.push(...nonNegative(spec.replicas, path.child('replicas')));
  errs.push(...validateSelectorAndTemplate(spec, path));
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
  errs.push(...immutableSelector(spec, old));
  return errs;
}
