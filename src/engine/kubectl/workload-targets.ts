/**
 * What the workload verbs (scale, set image, rollout) share: turning TYPE NAME /
 * TYPE/NAME arguments into live objects the way kubectl's resource builder does, the
 * names kubectl prints them by, the pod template each kind carries
 * (polymorphichelpers.UpdatePodSpecForObject) and the one write path, the API's update.
 */
import { ApiError } from '../api/errors';
import { type KindInfo, lookupKind, resourceRef } from '../api/kinds';
import { parseStream } from '../api/parse';
import type { KubeObject, PodSpec } from '../api/types';
import type { PodTemplateSpec } from '../api/workload-types';
import { flagArray, flagBool, flagString, hasFlag, parseResourceArgs } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { api, KubectlError } from './errors';
import { forOutput, parseOutput, printJsonPath, toJson, toYaml } from './output';
import { fetchObjects } from './resources';
import { readSource } from './source';

export interface Target {
  info: KindInfo;
  obj: KubeObject;
}

export interface Targets {
  targets: Target[];
  /** NotFound texts for named objects that are missing; the others still run (ContinueOnError) */
  errors: string[];
}

/** The builder's complaint when neither an argument nor -f names anything. */
export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/**
 * ResourceTypeOrNameArgs(allowEmptySelector, args...): `deploy web`, `deploy/web`,
 * `deploy a b`. A bare type selects every object of it only when the verb allows that
 * (rollout does) or --all / -l say so.
 */
export function resolveTargets(inv: Invocation, args: string[], allowBareType: boolean): Targets {
  const src = readSource(inv, inv.p.verb);
  if (src) {
    if (args.length > 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    return fromManifests(inv, src.text, src.name);
  }
  const targets: Target[] = [];
  const errors: string[] = [];
  const selector = hasFlag(inv.p, 'selector') ? flagString(inv.p, 'selector') : undefined;
  const all = hasFlag(inv.p, 'all') && flagBool(inv.p, 'all');
  for (const r of parseResourceArgs(args)) {
    if (r.names.length === 0 && !allowBareType && !all && selector === undefined) {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
    const f = fetchObjects(inv, r.info, r.names);
    for (const obj of f.objects) targets.push({ info: r.info, obj: structuredClone(obj) });
    errors.push(...f.errors);
  }
  return { targets, errors };
}

/** Whether -f names the objects instead of arguments (IsFilenameSliceEmpty's negation). */
export function hasFilename(inv: Invocation): boolean {
  return flagArray(inv.p, 'filename').length > 0;
}

/** -f: the objects the manifests name (kind, name, namespace), fetched live from the cluster. */
function fromManifests(inv: Invocation, text: string, source: string): Targets {
  const targets: Target[] = [];
  const errors: string[] = [];
  const stream = parseStream(text);
  if (stream.error) throw new KubectlError(`error: ${stream.error.message.replaceAll('STDIN', source)}`);
  for (const d of stream.documents) {
    const o = d.value as { kind?: string; apiVersion?: string; metadata?: { name?: string; namespace?: string } };
    if (!o || typeof o !== 'object') continue;
    const info = lookupKind(String(o.kind ?? ''));
    const name = String(o.metadata?.name ?? '');
    if (!info) {
      throw new KubectlError(
        `error: resource mapping not found for name: "${name}" namespace: "${o.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`,
      );
    }
    const ns = info.namespaced ? (o.metadata?.namespace ?? namespaceOf(inv)) : undefined;
    const live = inv.cluster.get(info.kind, name, ns);
    if (live) targets.push({ info, obj: structuredClone(live) });
    else
      errors.push(
        `Error from server (NotFound): ${info.plural}${info.group ? `.${info.group}` : ''} "${name}" not found`,
      );
  }
  return { targets, errors };
}

/** `deployment.apps/web`: the name printers' resource/name. */
export function refOf(t: Target): string {
  return resourceRef(t.info, t.obj.metadata.name);
}

/** `deployments.apps`: the resource string kubectl's patch errors start with. */
export function resourceString(info: KindInfo): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

/** Where each kind keeps its pod template; a Pod is its own spec. */
export function podTemplateOf(obj: KubeObject): PodTemplateSpec | undefined {
  const spec = obj.spec as Record<string, any> | undefined;
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return spec?.template;
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template;
    default:
      return undefined;
  }
}

/** UpdatePodSpecForObject: the pod spec to edit in place, or undefined when the kind has none. */
export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  return podTemplateOf(obj)?.spec;
}

/** Writes a changed object through the API (validation, admission) as a client update. */
export function updateObject(inv: Invocation, obj: KubeObject, dryRun = false): KubeObject {
  const { status: _status, ...input } = obj;
  return api(() => inv.cluster.core.api.updateWithWarnings(input as KubeObject, { dryRun }).object);
}

/**
 * The API server's own text for an error, as kubectl shows it when it wraps the error
 * with fmt.Errorf (which drops the Status): resources group-qualified
 * (`deployments.apps "web" already exists`) and Invalid as `Deployment.apps "web" is
 * invalid: ...` rather than kubectl's `The Deployment "web" is invalid`.
 */
export function serverMessage(e: ApiError, kind: string): string {
  const info = lookupKind(kind);
  if (!info?.group) return e.message.replace(/^The /, '');
  const invalid = `The ${kind} "`;
  if (e.message.startsWith(invalid)) return `${kind}.${info.group} "${e.message.slice(invalid.length)}`;
  const plain = `${info.plural} "`;
  if (e.message.startsWith(plain)) return `${info.plural}.${info.group} "${e.message.slice(plain.length)}`;
  return e.message;
}

/**
 * Like updateObject, but an API failure becomes `error: <prefix>: <message>`: kubectl
 * wraps the server's error with fmt.Errorf there, which drops its Status reason.
 */
export function updateWrapped(inv: Invocation, obj: KubeObject, prefix: string, dryRun = false): KubeObject {
  try {
    const { status: _status, ...input } = obj;
    return inv.cluster.core.api.updateWithWarnings(input as KubeObject, { dryRun }).object;
  } catch (e) {
    if (e instanceof ApiError) throw new KubectlError(`error: ${prefix}: ${serverMessage(e, obj.kind)}`);
    throw e;
  }
}

/** Prints the collected errors after the successes and gives the exit code (an Aggregate). */
export function finish(inv: Invocation, errors: string[]): number {
  for (const e of errors) inv.io.err(e);
  return errors.length > 0 ? 1 : 0;
}

/**
 * The name printer with an operation (`deployment.apps/web image updated`), or the
 * object itself for -o yaml|json, or just the name for -o name (PrintFlags).
 */
export function printResult(inv: Invocation, t: Target, obj: KubeObject, operation: string): void {
  const format = parseOutput(flagString(inv.p, 'output'));
  if (format.kind === 'yaml') inv.io.out(toYaml(forOutput(obj)));
  else if (format.kind === 'json') inv.io.out(toJson(forOutput(obj)));
  else if (format.kind === 'jsonpath') inv.io.out(printJsonPath(format.template, obj));
  else if (format.kind === 'name') inv.io.out(`${refOf(t)}\n`);
  else inv.io.out(`${refOf(t)} ${operation}\n`);
}

/** kubectl's change-cause annotation, which `rollout history` shows. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/**
 * --record (deprecated, still honoured): the command line as RecordFlags writes it,
 * the command path and positional arguments, then every flag given, sorted by name,
 * as --name=value.
 */
export function recordChangeCause(inv: Invocation, commandPath: string, args: string[], obj: KubeObject): void {
  if (!hasFlag(inv.p, 'record') || !flagBool(inv.p, 'record')) return;
  let cause = `kubectl ${commandPath} ${args.join(' ')}`;
  for (const name of [...inv.p.flags.keys()].sort()) {
    const v = inv.p.flags.get(name);
    cause += ` --${name}=${Array.isArray(v) ? `[${v.join(',')}]` : v}`;
  }
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause };
}
