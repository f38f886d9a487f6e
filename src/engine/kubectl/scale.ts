/**
 * kubectl scale --replicas=N TYPE NAME (kubectl pkg/cmd/scale/scale.go with the
 * generic scaler of pkg/scale/scale.go): sets spec.replicas of a Deployment,
 * ReplicaSet, ReplicationController or StatefulSet, the kinds that serve a /scale
 * subresource. A Job has none any more (its scaler went away with kubectl 1.15), so
 * the server answers 404 as it does for any kind without one.
 */
import { flagInt, flagString, hasFlag } from './args';
import type { Invocation } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { KubectlError } from './errors';
import { parseGoDuration, waitVirtual } from './virtual-wait';
import {
  finish,
  hasFilename,
  NO_RESOURCES,
  printResult,
  recordChangeCause,
  resolveTargets,
  type Target,
  updateObject,
} from './workload-targets';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

export function scale(inv: Invocation): number {
  const { p } = inv;
  // cobra's MarkFlagRequired("replicas") runs before anything else.
  if (!hasFlag(p, 'replicas')) throw new KubectlError('error: required flag(s) "replicas" not set');
  const replicas = flagInt(p, 'replicas') ?? 0;
  const current = hasFlag(p, 'current-replicas') ? (flagInt(p, 'current-replicas') ?? -1) : -1;
  const resourceVersion = flagString(p, 'resource-version') ?? '';
  const timeoutMs = parseGoDuration('timeout', flagString(p, 'timeout') ?? '0');
  const dry = dryRunOf(p);
  // ScaleOptions.Validate
  if (replicas < 0) {
    throw new KubectlError(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  if (current < -1) throw new KubectlError('error: The --current-replicas must specify an integer of -1 or greater');
  if (p.args.length === 0 && !hasFilename(inv)) throw new KubectlError(NO_RESOURCES);
  const { targets, errors } = resolveTargets(inv, p.args, false);
  if (resourceVersion !== '' && targets.length > 1) {
    throw new KubectlError('error: cannot use --resource-version with multiple resources');
  }
  if (targets.length === 0) {
    if (errors.length > 0) return finish(inv, errors);
    throw new KubectlError('error: no objects passed to scale');
  }
  for (const t of targets) {
    // RunScale stops at the first failing object, after printing the ones before it.
    if (dry !== 'client') {
      checkPrecondition(t, current, resourceVersion);
      scaleOne(inv, t, replicas, dry === 'server');
      if (timeoutMs > 0 && dry === 'none') waitForReplicas(inv, t, replicas, timeoutMs);
    }
    if (dry === 'client') t.obj.spec = { ...(t.obj.spec ?? {}), replicas };
    printResult(inv, t, t.obj, `scaled${dryRunSuffix(dry)}`);
  }
  return finish(inv, errors);
}

function checkPrecondition(t: Target, current: number, resourceVersion: string): void {
  if (!SCALABLE.has(t.obj.kind)) return;
  const spec = (t.obj.spec?.replicas as number | undefined) ?? 1;
  if (current !== -1 && spec !== current) {
    throw new KubectlError(`error: Expected replicas to be ${current}, was ${spec}`);
  }
  const rv = t.obj.metadata.resourceVersion ?? '';
  if (resourceVersion !== '' && rv !== resourceVersion) {
    throw new KubectlError(`error: Expected resource version to be ${resourceVersion}, was ${rv}`);
  }
}

function scaleOne(inv: Invocation, t: Target, replicas: number, dryRun: boolean): void {
  if (!SCALABLE.has(t.obj.kind)) {
    throw new KubectlError('Error from server (NotFound): the server could not find the requested resource');
  }
  t.obj.spec = { ...(t.obj.spec ?? {}), replicas };
  // --record lands with the scale itself here; kubectl sends it as a second patch
  recordChangeCause(inv, 'scale', inv.p.args, t.obj);
  updateObject(inv, t.obj, dryRun);
}

/** --timeout: WaitForScaleHasDesiredReplicas, polling status.replicas once a second. */
function waitForReplicas(inv: Invocation, t: Target, replicas: number, timeoutMs: number): void {
  const ns = t.obj.metadata.namespace;
  const synced = () => {
    const live = inv.cluster.get(t.obj.kind, t.obj.metadata.name, ns);
    if (!live) return true;
    const spec = (live.spec?.replicas as number | undefined) ?? 1;
    // the desired count was changed by someone else: nothing left to wait for
    if (spec !== replicas) return true;
    return ((live.status?.replicas as number | undefined) ?? 0) === replicas;
  };
  if (!waitVirtual(inv, timeoutMs, synced)) {
    throw new KubectlError(`error: timed out waiting for "${t.obj.metadata.name}" to be synced`);
  }
}
