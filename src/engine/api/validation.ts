/**
 * Validation with the API server's own messages, per kind. Returns field errors (with
 * their path segments, so apply can point at the line); the API turns them into
 * `The Pod "x" is invalid: ...`. Kinds added later register their validator here.
 */
import type { FieldError } from './errors';
import type { KubeObject } from './types';
import { validateConfigMap, validateSecret } from './validation/config';
import { validateEvent, validateLease, validateNamespace, validateNode } from './validation/core';
import { validateCronJob } from './validation/cronjob';
import { validateDaemonSet } from './validation/daemonset';
import { validateDeployment } from './validation/deployment';
import { type ErrorList, Path } from './validation/field';
import { validateJob } from './validation/job';
import { validateObjectMeta, validateObjectMetaUpdate } from './validation/meta';
import type { NameRule } from './validation/names';
import { validatePod } from './validation/pod';
import { validatePodUpdate } from './validation/podupdate';
import { validateReplicaSet, validateReplicationController } from './validation/replicaset';
import { validateService } from './validation/service';
import { validateStatefulSet } from './validation/statefulset';

export type Validator = (obj: Record<string, any>, old?: Record<string, any>) => ErrorList;

const VALIDATORS = new Map<string, Validator>([
  ['Pod', (o, old) => [...validatePod(o), ...(old ? validatePodUpdate(o.spec ?? {}, old.spec ?? {}) : [])]],
  ['Namespace', (o) => validateNamespace(o)],
  ['Node', (o) => validateNode(o)],
  ['Lease', (o) => validateLease(o)],
  ['Event', (o) => validateEvent(o)],
  ['Job', (o, old) => validateJob(o, old)],
  ['DaemonSet', (o, old) => validateDaemonSet(o, old)],
  ['StatefulSet', (o, old) => validateStatefulSet(o, old)],
  ['CronJob', (o, old) => validateCronJob(o, old)],
  ['ReplicaSet', (o, old) => validateReplicaSet(o, old)],
  ['Deployment', (o, old) => validateDeployment(o, old)],
  ['ReplicationController', (o, old) => validateReplicationController(o, old)],
  ['Service', (o, old) => validateService(o, old)],
  ['ConfigMap', (o, old) => validateConfigMap(o, old)],
  ['Secret', (o, old) => validateSecret(o, old)],
]);

/** Lets a later kind plug in its validation. */
export function registerValidator(kind: string, fn: Validator): void {
  VALIDATORS.set(kind, fn);
}

/**
 * Validates a create (no `old`) or an update. Kinds without a validator still get
 * ObjectMeta checks with the DNS-subdomain name rule most kinds use.
 */
export function validateObject(
  obj: KubeObject,
  old?: KubeObject,
  opts: { namespaced?: boolean; nameRule?: NameRule } = {},
): FieldError[] {
  const o = obj as unknown as Record<string, any>;
  const fn = VALIDATORS.get(obj.kind);
  const errs: ErrorList = fn
    ? fn(o, old as unknown as Record<string, any> | undefined)
    : validateObjectMeta(
        o.metadata,
        opts.namespaced ?? Boolean(o.metadata?.namespace),
        opts.nameRule ?? 'subdomain',
        Path.root('metadata'),
      );
  if (old)
    errs.unshift(
      ...validateObjectMetaUpdate(o.metadata ?? {}, old.metadata as Record<string, any>, Path.root('metadata')),
    );
  return errs;
}
