/**
 * kubectl rollout pause | resume | restart (kubectl pkg/cmd/rollout/rollout_pause.go,
 * rollout_resume.go, rollout_restart.go with polymorphichelpers/objectpauser.go,
 * objectresumer.go, objectrestarter.go). Each computes a change per object; a refused
 * one becomes `error: deployments.apps "web" is already paused` and the others still
 * go through. Restart stamps the template with kubectl.kubernetes.io/restartedAt, which
 * changes the template and so starts a rollout; its time is the cluster's clock.
 */
import type { KubeObject } from '../api/types';
import type { PodTemplateSpec } from '../api/workload-types';
import { toTimestamp } from '../sim/clock';
import type { Invocation } from './cmd';
import { KubectlError } from './errors';
import { finish, hasFilename, printResult, resolveTargets, resourceString, updateWrapped } from './workload-targets';

export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

/** Changes the object in place, or returns why it refuses to. */
type Patcher = (obj: KubeObject, now: number) => string | undefined;

const pause: Patcher = (obj) => {
  if (obj.kind !== 'Deployment') return 'pausing is not supported';
  if (obj.spec?.paused) return 'is already paused';
  obj.spec = { ...obj.spec, paused: true };
  return undefined;
};

const resume: Patcher = (obj) => {
  if (obj.kind !== 'Deployment') return 'resuming is not supported';
  if (!obj.spec?.paused) return 'is not paused';
  // paused is omitempty: false is not written out
  const { paused: _paused, ...spec } = obj.spec;
  obj.spec = spec;
  return undefined;
};

const restart: Patcher = (obj, now) => {
  if (obj.kind !== 'Deployment' && obj.kind !== 'DaemonSet' && obj.kind !== 'StatefulSet') {
    return 'restarting is not supported';
  }
  if (obj.kind === 'Deployment' && obj.spec?.paused)
    return "can't restart paused deployment (run rollout resume first)";
  const template = (obj.spec?.template ?? {}) as PodTemplateSpec;
  template.metadata = {
    ...(template.metadata ?? {}),
    annotations: { ...(template.metadata?.annotations ?? {}), [RESTARTED_AT_ANNOTATION]: toTimestamp(now) },
  };
  obj.spec = { ...obj.spec, template };
  return undefined;
};

const PATCHERS: Record<string, [Patcher, string]> = {
  pause: [pause, 'paused'],
  resume: [resume, 'resumed'],
  restart: [restart, 'restarted'],
};

export function rolloutPatch(inv: Invocation, sub: 'pause' | 'resume' | 'restart', args: string[]): number {
  const [patcher, operation] = PATCHERS[sub];
  if (args.length === 0 && !hasFilename(inv)) throw new KubectlError('error: required resource not specified');
  const { targets, errors } = resolveTargets(inv, args, true);
  for (const t of targets) {
    const before = JSON.stringify(t.obj);
    const refusal = patcher(t.obj, inv.cluster.now());
    if (refusal) {
      errors.push(`error: ${resourceString(t.info)} "${t.obj.metadata.name}" ${refusal}`);
      continue;
    }
    // Two restarts within one second stamp the same time: kubectl reports the empty
    // patch and still sends it (RunRestart does not skip it).
    if (JSON.stringify(t.obj) === before)
      errors.push(`error: failed to create patch for ${t.obj.metadata.name}: empty patch`);
    try {
      printResult(inv, t, updateWrapped(inv, t.obj, 'failed to patch'), operation);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      errors.push(e.text);
    }
  }
  return finish(inv, errors);
}
