/**
 * kubectl describe (kubectl pkg/cmd/describe/describe.go): names match exactly or, failing
 * that, by prefix; several objects are separated by two blank lines. Pods and nodes
 * have their own describers; other kinds get the generic one (fields as a tree).
 */
import type { Service } from '../api/network-types';
import type { KubeObject, Node, Pod } from '../api/types';
import type { CronJob, Job } from '../api/workload-types';
import { parseResourceArgs } from './args';
import type { Invocation } from './cmd';
import { describeConfigMap, describeSecret } from './describe-config';
import { describeCronJob } from './describe-cronjob';
import { describeDaemonSet } from './describe-daemonset';
import { describeDeployment } from './describe-deployment';
import { describeJob } from './describe-job';
import { describeNode } from './describe-node';
import { describePod } from './describe-pod';
import { describeReplicaSet, describeReplicationController } from './describe-replicaset';
import { describeService } from './describe-service';
import { describeStatefulSet } from './describe-statefulset';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './describe-util';
import { KubectlError } from './errors';
import { fetchObjects, noResourcesMessage } from './resources';

const NO_TYPE = `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
See 'kubectl describe -h' for help and examples`;

type Describer = (inv: Invocation, obj: KubeObject) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: (inv, o) => describePod(inv.cluster, o as Pod),
  Node: (inv, o) => describeNode(inv.cluster, o as Node),
  Namespace: (_inv, o) => describeNamespace(o),
  Job: (inv, o) => describeJob(inv.cluster, o as Job),
  CronJob: (inv, o) => describeCronJob(inv.cluster, o as CronJob),
  ReplicaSet: (inv, o) => describeReplicaSet(inv.cluster, o),
  ReplicationController: (inv, o) => describeReplicationController(inv.cluster, o),
  DaemonSet: (inv, o) => describeDaemonSet(inv.cluster, o),
  Deployment: (inv, o) => describeDeployment(inv.cluster, o),
  StatefulSet: (inv, o) => describeStatefulSet(inv.cluster, o),
  Service: (inv, o) => describeService(inv.cluster, o as Service),
  ConfigMap: (inv, o) => describeConfigMap(inv.cluster, o),
  Secret: (_inv, o) => describeSecret(o),
};

/** describeNamespace: quotas and limit ranges do not exist yet, so it says so as kubectl does. */
function describeNamespace(ns: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(0, '\nNo resource quota.\n\nNo LimitRange resource.\n');
  return w.toString();
}

/** Lets a feature that adds a kind register its describer. */
export function registerDescriber(kind: string, d: Describer): void {
  DESCRIBERS[kind] = d;
}

export function describe(inv: Invocation): number {
  if (inv.p.args.length === 0) throw new KubectlError(NO_TYPE);
  const requests = parseResourceArgs(inv.p.args);
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  for (const r of requests) {
    if (r.names.length === 0) {
      objects.push(...fetchObjects(inv, r.info, []).objects);
      continue;
    }
    for (const name of r.names) {
      const exact = fetchObjects(inv, r.info, [name]);
      if (exact.objects.length > 0) {
        objects.push(...exact.objects);
        continue;
      }
      // describe falls back to a name prefix: `kubectl describe pod web` finds web-7d9f-abcde.
      const prefixed = fetchObjects(inv, r.info, []).objects.filter((o) => o.metadata.name.startsWith(name));
      if (prefixed.length > 0) objects.push(...prefixed);
      else errors.push(...exact.errors);
    }
  }
  if (objects.length === 0 && errors.length === 0) {
    inv.io.err(noResourcesMessage(inv));
    return 0;
  }
  inv.io.out(objects.map((o) => (DESCRIBERS[o.kind] ?? describeGeneric)(inv, o)).join('\n\n'));
  for (const e of errors) inv.io.err(e);
  return errors.length > 0 ? 1 : 0;
}

/**
 * genericDescriber: name, namespace, labels and annotations, then every other field as
 * an indented tree with smartLabelFor names ("holderIdentity" → "Holder Identity").
 */
function describeGeneric(inv: Invocation, obj: KubeObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  const skip = [
    '.metadata.managedFields',
    '.metadata.name',
    '.metadata.namespace',
    '.metadata.labels',
    '.metadata.annotations',
  ];
  writeUnstructured(w, 0, obj as Record<string, unknown>, '', skip);
  writeEvents(w, eventsFor(inv.cluster, obj), inv.cluster.now());
  return w.toString();
}

function writeUnstructured(
  w: DescribeWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
  skip: string[],
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (skip.includes(path) || value === undefined) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
          writeUnstructured(w, level + 1, child as Record<string, unknown>, path, skip);
        } else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      writeUnstructured(w, level + 1, value as Record<string, unknown>, path, skip);
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

const goValue = (v: unknown) => (v === null ? '<nil>' : String(v));

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor over fatih/camelcase.Split; names with anything but letters and '-' stay as they are. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/\p{Lu}+(?![\p{Ll}])|\p{Lu}?\p{Ll}+|-+/gu) ?? [field];
  return parts
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}
