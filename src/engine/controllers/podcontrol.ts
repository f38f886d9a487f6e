/**
 * How a workload controller creates and deletes its pods, after
 * pkg/controller/controller_utils.go (GetPodFromTemplate, RealPodControl.CreatePods,
 * DeletePod) and slowStartBatch in pkg/controller/replicaset/replica_set.go. Every
 * create and delete leaves the Event upstream's pod control records on the owner.
 */
import { ApiError } from '../api/errors';
import type { KubeObject, OwnerReference, Pod } from '../api/types';
import type { PodTemplateSpec } from '../api/workload-types';
import type { EventSource } from '../events/recorder';
import type { ControllerContext } from './context';

/** controller.SlowStartInitialBatchSize */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * GetPodFromTemplate: the template's labels, annotations and finalizers, the spec
 * copied, `generateName: <owner>-` and the controllerRef.
 */
export function getPodFromTemplate(template: PodTemplateSpec, owner: KubeObject, controllerRef?: OwnerReference): Pod {
  const meta = template.metadata ?? {};
  const labels = { ...(meta.labels ?? {}) };
  const annotations = { ...(meta.annotations ?? {}) };
  const finalizers = [...(meta.finalizers ?? [])];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      ...(finalizers.length > 0 ? { finalizers } : {}),
      ...(controllerRef ? { ownerReferences: [controllerRef] } : {}),
    } as Pod['metadata'],
    spec: structuredClone(template.spec),
  } as Pod;
}

/**
 * The error as the API server words it: kubectl prefixes Invalid errors with "The ",
 * the StatusError a controller gets back does not.
 */
function messageOf(e: unknown): string {
  if (e instanceof ApiError && e.reason === 'Invalid') return e.message.replace(/^The /, '');
  return e instanceof Error ? e.message : String(e);
}

/** HasStatusCause(err, NamespaceTerminatingCause): creates into a terminating namespace fail quietly. */
function namespaceTerminating(e: unknown): boolean {
  return e instanceof ApiError && e.reason === 'Forbidden' && e.message.includes('because it is being terminated');
}

export type CreateOutcome = { pod: Pod } | { error: string } | { skipped: true };

/**
 * RealPodControl.CreatePods: refuses a template without labels (the pods could never
 * be found again), records `SuccessfulCreate` "Created pod: <name>" or
 * `FailedCreate` "Error creating: <API error>". A namespace being terminated is not
 * an error worth an event: `skipped`.
 */
export function createPod(
  ctx: ControllerContext,
  source: EventSource,
  owner: KubeObject,
  template: PodTemplateSpec,
  controllerRef: OwnerReference,
): CreateOutcome {
  const pod = getPodFromTemplate(template, owner, controllerRef);
  if (Object.keys(pod.metadata.labels ?? {}).length === 0) return { error: 'unable to create pods, no labels' };
  try {
    const created = ctx.api.create(pod) as Pod;
    ctx.events.normal(source, owner, 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    return { pod: created };
  } catch (e) {
    if (namespaceTerminating(e)) return { skipped: true };
    ctx.events.warning(source, owner, 'FailedCreate', `Error creating: ${messageOf(e)}`);
    return { error: messageOf(e) };
  }
}

/**
 * RealPodControl.DeletePod: `SuccessfulDelete` "Deleted pod: <name>", or
 * `FailedDelete` "Error deleting: <API error>". A pod already gone is no error
 * worth reporting (returns undefined, as for success).
 */
export function deletePod(
  ctx: ControllerContext,
  source: EventSource,
  owner: KubeObject,
  pod: Pod,
): string | undefined {
  const cur = ctx.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
  if (!cur || cur.metadata.uid !== pod.metadata.uid) return undefined;
  try {
    ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    ctx.events.normal(source, owner, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    return undefined;
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'NotFound') return undefined;
    ctx.events.warning(source, owner, 'FailedDelete', `Error deleting: ${messageOf(e)}`);
    return messageOf(e);
  }
}

/**
 * slowStartBatch: calls `fn` `count` times in batches of 1, 2, 4, … (each batch runs
 * whole), stopping after the first batch with a failure, so a create that fails for
 * every pod (quota, a bad template) costs one request and one event, not hundreds.
 * Returns the successes and the first error.
 */
export function slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => string | undefined,
): { successes: number; error?: string } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let firstError: string | undefined;
    for (let i = 0; i < batch; i++) {
      const err = fn();
      if (err === undefined) successes++;
      else firstError ??= err;
    }
    if (firstError !== undefined) return { successes, error: firstError };
    remaining -= batch;
  }
  return { successes };
}
