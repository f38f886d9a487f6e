/**
 * kubectl create deployment | job | cronjob NAME (kubectl pkg/cmd/create/
 * create_deployment.go, create_job.go, create_cronjob.go): the objects those
 * generators build, field for field, so `--dry-run=client -o yaml` prints what kubectl
 * prints (`strategy: {}`, `resources: {}`, `status: {}` included: Go writes empty
 * structs). Words after NAME (or after `--`) become the container's command.
 */
import { ApiError } from '../api/errors';
import { lookupKind, resourceRef } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { flagArray, flagString, parseResourceArgs } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { KubectlError } from './errors';
import { forOutput, parseOutput, printJsonPath, toJson, toYaml } from './output';
import { fetchObjects } from './resources';
import { serverMessage } from './workload-targets';

type Generator = (inv: Invocation, name: string, command: string[]) => KubeObject;

const usage = (sub: string, message: string) =>
  new KubectlError(`error: ${message}\nSee 'kubectl create ${sub} -h' for help and examples`);

function requireFlags(inv: Invocation, names: string[]): void {
  const missing = names.filter((n) => !flagString(inv.p, n));
  if (missing.length > 0) {
    throw new KubectlError(`error: required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
  }
}

/** pflag's Int32 parsing, with its error text. */
function int32Flag(inv: Invocation, name: string, fallback: number): number {
  const v = flagString(inv.p, name);
  if (v === undefined) return fallback;
  if (!/^[+-]?\d+$/.test(v)) {
    throw new KubectlError(
      `error: invalid argument "${v}" for "--${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`,
    );
  }
  return Number(v);
}

/**
 * buildPodSpec's container name: the image's last path element without tag or digest;
 * `_` and `.` become `-` plus a random 5-character suffix (sanitizeAndUniquify).
 */
export function containerNameFor(image: string, suffix: () => string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0].split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replaceAll('_', '-').replaceAll('.', '-')}-${suffix()}`;
  return name;
}

/** Only -n puts a namespace into the generated object (EnforceNamespace). */
function metadata(inv: Invocation, name: string, extra: Record<string, unknown> = {}): KubeObject['metadata'] {
  const ns = flagString(inv.p, 'namespace');
  return { ...extra, name, ...(ns ? { namespace: ns } : {}) } as KubeObject['metadata'];
}

const deployment: Generator = (inv, name, command) => {
  requireFlags(inv, ['image']);
  // --image is a string slice: repeated or comma-separated, one container per image
  const images = flagArray(inv.p, 'image')
    .flatMap((v) => v.split(','))
    .filter((i) => i !== '');
  if (images.length > 1 && command.length > 0) {
    throw new KubectlError('error: cannot specify multiple --image options and command');
  }
  const replicas = int32Flag(inv, 'replicas', 1);
  const port = int32Flag(inv, 'port', -1);
  const labels = { app: name };
  const containers: Record<string, unknown>[] = images.map((image) => ({
    ...(command.length > 0 ? { command } : {}),
    image,
    name: containerNameFor(image, () => inv.cluster.core.rng.suffix(5)),
    resources: {},
  }));
  if (port >= 0 && containers.length > 0) containers[0].ports = [{ containerPort: port }];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(inv, name, { labels }),
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { labels }, spec: { containers } },
    },
    status: {},
  };
};

const job: Generator = (inv, name, command) => {
  const image = flagString(inv.p, 'image') ?? '';
  const from = flagString(inv.p, 'from') ?? '';
  if ((image === '') === (from === '')) throw new KubectlError('error: either --image or --from must be specified');
  if (command.length > 0 && from !== '') throw new KubectlError('error: cannot specify --from and command');
  if (from !== '') return jobFromCronJob(inv, name, from);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(inv, name),
    spec: {
      template: {
        metadata: {},
        spec: {
          containers: [{ ...(command.length > 0 ? { command } : {}), image, name, resources: {} }],
          restartPolicy: 'Never',
        },
      },
    },
    status: {},
  };
};

/** createJobFromCronJob: the CronJob's job template, marked as started by hand. */
function jobFromCronJob(inv: Invocation, name: string, from: string): KubeObject {
  const [request] = parseResourceArgs([from]);
  if (request.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const found = fetchObjects(inv, request.info, request.names);
  if (found.errors.length > 0) throw new KubectlError(found.errors[0]);
  if (found.objects.length !== 1) throw new KubectlError('error: from must be an existing cronjob');
  const cj = found.objects[0];
  if (cj.kind !== 'CronJob') throw new KubectlError(`error: unknown object type *v1.${cj.kind}`);
  const template = structuredClone(cj.spec?.jobTemplate ?? {});
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const ownerReferences = [
    { apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true },
  ];
  const labels = template.metadata?.labels;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(inv, name, { annotations, ...(labels ? { labels } : {}), ownerReferences }),
    spec: template.spec ?? {},
    status: {},
  };
}

const cronjob: Generator = (inv, name, command) => {
  requireFlags(inv, ['image', 'schedule']);
  const restartPolicy = flagString(inv.p, 'restart') || 'OnFailure';
  const container = {
    ...(command.length > 0 ? { command } : {}),
    image: flagString(inv.p, 'image'),
    name,
    resources: {},
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: metadata(inv, name),
    spec: {
      jobTemplate: {
        metadata: { name },
        spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy } } },
      },
      schedule: flagString(inv.p, 'schedule'),
    },
    status: {},
  };
};

export const WORKLOAD_GENERATORS: Record<string, Generator> = { deployment, job, cronjob };
export const WORKLOAD_ALIASES: Record<string, string> = { deploy: 'deployment', cj: 'cronjob' };

export function createWorkload(inv: Invocation, word: string): number {
  const { p, io } = inv;
  const sub = WORKLOAD_ALIASES[word] ?? word;
  const generate = WORKLOAD_GENERATORS[sub];
  // args[0] is the subcommand; NAME follows, then the command (before or after `--`)
  const name = p.argsLenAtDash === 1 ? undefined : p.args[1];
  if (!name) throw usage(sub, 'NAME is required');
  const command = p.args.slice(2);
  const obj = generate(inv, name, command);
  const dry = dryRunOf(p);
  const format = parseOutput(flagString(p, 'output'));
  let result = obj;
  if (dry !== 'client') {
    const { status: _status, ...input } = obj;
    const ns = namespaceOf(inv);
    input.metadata = { ...input.metadata, namespace: ns };
    try {
      const written = inv.cluster.core.api.createWithWarnings(input as KubeObject, { dryRun: dry === 'server' });
      for (const w of written.warnings) io.err(`Warning: ${w}`);
      result = written.object;
    } catch (e) {
      if (e instanceof ApiError)
        throw new KubectlError(`error: failed to create ${sub}: ${serverMessage(e, obj.kind)}`);
      throw e;
    }
  }
  const info = lookupKind(obj.kind);
  const ref = info ? resourceRef(info, name) : `${sub}/${name}`;
  if (format.kind === 'yaml') io.out(toYaml(forOutput(result)));
  else if (format.kind === 'json') io.out(toJson(forOutput(result)));
  else if (format.kind === 'jsonpath') io.out(printJsonPath(format.template, result));
  else if (format.kind === 'name') io.out(`${ref}\n`);
  else io.out(`${ref} created${dryRunSuffix(dry)}\n`);
  return 0;
}

/** Whether `kubectl create WORD` is one of the workload generators here. */
export function isWorkloadGenerator(word: string | undefined): boolean {
  return word !== undefined && (word in WORKLOAD_GENERATORS || word in WORKLOAD_ALIASES);
}
