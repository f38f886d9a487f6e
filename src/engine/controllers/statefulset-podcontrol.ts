/**
 * How the StatefulSet controller writes pods and claims, after
 * pkg/controller/statefulset/stateful_pod_control.go: claims before the pod, and an
 * Event for each write in its own words ("create Pod web-0 in StatefulSet web
 * successful", "create Claim www-web-0 Pod web-0 in StatefulSet web success").
 *
 * The claims are created but nothing binds them yet (no PersistentVolumes or
 * provisioner in the engine), so they stay Pending; the kubelet does not wait for
 * them, so the pods start anyway.
 */
import { ApiError } from '../api/errors';
import type { KubeObject, Pod } from '../api/types';
import type { StatefulSet } from '../api/workload-types';
import type { EventSource } from '../events/recorder';
import type { ControllerContext } from './context';
import { identityMatches, podClaims, storageMatches, updateIdentity, updateStorage } from './statefulset-utils';

export const SOURCE: EventSource = { component: 'statefulset-controller' };

function message(e: unknown): string {
  if (e instanceof ApiError && e.reason === 'Invalid') return e.message.replace(/^The /, '');
  return e instanceof Error ? e.message : String(e);
}

const title = (verb: string) => verb[0].toUpperCase() + verb.slice(1);

/** recordPodEvent */
function podEvent(ctx: ControllerContext, verb: string, set: StatefulSet, pod: Pod, err?: string): void {
  if (err === undefined) {
    ctx.events.normal(
      SOURCE,
      set,
      `Successful${title(verb)}`,
      `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
    );
  } else {
    ctx.events.warning(
      SOURCE,
      set,
      `Failed${title(verb)}`,
      `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`,
    );
  }
}

/** recordClaimEvent */
function claimEvent(ctx: ControllerContext, set: StatefulSet, pod: Pod, claim: KubeObject, err?: string): void {
  const c = claim.metadata.name;
  const p = pod.metadata.name;
  if (err === undefined) {
    ctx.events.normal(
      SOURCE,
      set,
      'SuccessfulCreate',
      `create Claim ${c} Pod ${p} in StatefulSet ${set.metadata.name} success`,
    );
  } else {
    ctx.events.warning(
      SOURCE,
      set,
      'FailedCreate',
      `create Claim ${c} for Pod ${p} in StatefulSet ${set.metadata.name} failed error: ${err}`,
    );
  }
}

/** createPersistentVolumeClaims: the missing claims of a pod; the joined errors, if any. */
export function createMissingClaims(ctx: ControllerContext, set: StatefulSet, pod: Pod): string | undefined {
  const errs: string[] = [];
  for (const claim of podClaims(set, pod)) {
    const existing = ctx.store.get('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name);
    if (existing) {
      if (existing.metadata.deletionTimestamp) errs.push(`pvc ${claim.metadata.name} is being deleted`);
      continue;
    }
    try {
      ctx.api.create(claim);
      claimEvent(ctx, set, pod, claim);
    } catch (e) {
      errs.push(`failed to create PVC ${claim.metadata.name}: ${message(e)}`);
      if (!(e instanceof ApiError && e.reason === 'AlreadyExists')) claimEvent(ctx, set, pod, claim, message(e));
    }
  }
  return errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** CreateStatefulPod: claims first, then the pod. */
export function createStatefulPod(ctx: ControllerContext, set: StatefulSet, pod: Pod): string | undefined {
  const claimErr = createMissingClaims(ctx, set, pod);
  if (claimErr !== undefined) {
    podEvent(ctx, 'create', set, pod, claimErr);
    return claimErr;
  }
  try {
    ctx.api.create(pod);
  } catch (e) {
    // an AlreadyExists is sunk without an event: the next sync sees the pod
    if (e instanceof ApiError && e.reason === 'AlreadyExists') return message(e);
    podEvent(ctx, 'create', set, pod, message(e));
    return message(e);
  }
  podEvent(ctx, 'create', set, pod);
  return undefined;
}

/** DeleteStatefulPod */
export function deleteStatefulPod(ctx: ControllerContext, set: StatefulSet, pod: Pod): string | undefined {
  try {
    ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  } catch (e) {
    podEvent(ctx, 'delete', set, pod, message(e));
    return message(e);
  }
  podEvent(ctx, 'delete', set, pod);
  return undefined;
}

/** UpdateStatefulPod: restore the identity and storage of a pod that lost them. */
export function updateStatefulPod(ctx: ControllerContext, set: StatefulSet, live: Pod): string | undefined {
  const pod = structuredClone(live);
  let consistent = true;
  if (!identityMatches(set, pod)) {
    updateIdentity(set, pod);
    consistent = false;
  }
  if (!storageMatches(set, pod)) {
    updateStorage(set, pod);
    consistent = false;
    const err = createMissingClaims(ctx, set, pod);
    if (err !== undefined) {
      podEvent(ctx, 'update', set, pod, err);
      return err;
    }
  }
  if (consistent) return undefined;
  try {
    ctx.api.update(pod);
  } catch (e) {
    podEvent(ctx, 'update', set, pod, message(e));
    return message(e);
  }
  podEvent(ctx, 'update', set, pod);
  return undefined;
}
