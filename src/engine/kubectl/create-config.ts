/**
 * kubectl create configmap NAME and create secret generic|docker-registry|tls NAME
 * (kubectl pkg/cmd/create/create_configmap.go, create_secret.go,
 * create_secret_docker.go, create_secret_tls.go), from --from-literal=KEY=VALUE or the
 * docker-registry flags. The playground has no local files, so --from-file,
 * --from-env-file and the certificate files of `create secret tls` are refused with
 * a message that says so.
 */
import { encodeText } from '../api/base64';
import { ApiError } from '../api/errors';
import { lookupKind, resourceRef } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { isConfigMapKey } from '../api/validation/config';
import { flagArray, flagString } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { KubectlError } from './errors';
import { forOutput, parseOutput, printJsonPath, toJson, toYaml } from './output';
import { serverMessage } from './workload-targets';

const NO_FILES =
  'is not available in the playground: there are no local files to read. Use --from-literal=KEY=VALUE (once per key) instead';

const usage = (sub: string, message: string) =>
  new KubectlError(`error: ${message}\nSee 'kubectl create ${sub} -h' for help and examples`);

/** cmdutil.ParseLiteralSource: split at the first `=`; a leading `=` or none at all is an error. */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new KubectlError(`error: invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1)];
}

function refuseFiles(inv: Invocation, names: string[]): void {
  for (const n of names) {
    if (flagArray(inv.p, n).length > 0) throw new KubectlError(`error: --${n} ${NO_FILES}`);
  }
}

/** The NAME after the subcommand words, exactly one of it (NameFromCommandArgs). */
function nameArg(inv: Invocation, words: number, sub: string): string {
  const rest = inv.p.args.slice(words);
  if (rest.length !== 1) throw usage(sub, `exactly one NAME is required, got ${rest.length}`);
  return rest[0];
}

function metadata(inv: Invocation, name: string): KubeObject['metadata'] {
  const ns = flagString(inv.p, 'namespace');
  return { name, ...(ns ? { namespace: ns } : {}) } as KubeObject['metadata'];
}

function configMap(inv: Invocation): KubeObject {
  const name = nameArg(inv, 1, 'configmap');
  refuseFiles(inv, ['from-file', 'from-env-file']);
  const data: Record<string, string> = {};
  for (const source of flagArray(inv.p, 'from-literal')) {
    const [key, value] = parseLiteralSource(source);
    const errs = isConfigMapKey(key);
    if (errs.length > 0)
      throw new KubectlError(`error: "${key}" is not a valid key name for a ConfigMap: ${errs.join(';')}`);
    if (key in data) {
      throw new KubectlError(
        `error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`,
      );
    }
    data[key] = value;
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(inv, name),
    ...(Object.keys(data).length > 0 ? { data } : {}),
  };
}

function genericSecret(inv: Invocation): KubeObject {
  const name = nameArg(inv, 2, 'secret generic');
  refuseFiles(inv, ['from-file', 'from-env-file']);
  const data: Record<string, string> = {};
  for (const source of flagArray(inv.p, 'from-literal')) {
    const [key, value] = parseLiteralSource(source);
    const errs = isConfigMapKey(key);
    if (errs.length > 0) throw new KubectlError(`error: "${key}" is not valid key name for a Secret ${errs.join(';')}`);
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`);
    data[key] = encodeText(value);
  }
  const type = flagString(inv.p, 'type');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: metadata(inv, name),
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(type ? { type } : {}),
  };
}

/** create secret tls reads --cert and --key from files, which the playground does not have. */
function tlsSecret(inv: Invocation): KubeObject {
  nameArg(inv, 2, 'secret tls');
  const missing = ['cert', 'key'].filter((n) => !flagString(inv.p, n));
  if (missing.length > 0) {
    throw new KubectlError(`error: required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
  }
  throw new KubectlError(
    'error: kubectl create secret tls reads --cert and --key from files, which are not available in the playground. Apply a Secret of type kubernetes.io/tls with stringData tls.crt and tls.key instead',
  );
}

/**
 * create secret docker-registry: a kubernetes.io/dockerconfigjson Secret whose
 * .dockerconfigjson is `{"auths":{SERVER:{username,password,email,auth}}}`, auth being
 * base64 of `user:password` (create_secret_docker.go handleDockerCfgJSONContent).
 */
function dockerRegistrySecret(inv: Invocation): KubeObject {
  const name = nameArg(inv, 2, 'secret docker-registry');
  refuseFiles(inv, ['from-file']);
  const username = flagString(inv.p, 'docker-username') ?? '';
  const password = flagString(inv.p, 'docker-password') ?? '';
  const server = flagString(inv.p, 'docker-server') || 'https://index.docker.io/v1/';
  const email = flagString(inv.p, 'docker-email') ?? '';
  if (!username || !password) {
    throw new KubectlError(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
    );
  }
  const entry = {
    username,
    password,
    ...(email ? { email } : {}),
    auth: encodeText(`${username}:${password}`),
  };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: metadata(inv, name),
    data: { '.dockerconfigjson': encodeText(JSON.stringify({ auths: { [server]: entry } })) },
    type: 'kubernetes.io/dockerconfigjson',
  };
}

const SECRET_TYPES: Record<string, (inv: Invocation) => KubeObject> = {
  generic: genericSecret,
  tls: tlsSecret,
  'docker-registry': dockerRegistrySecret,
};

/** Whether `kubectl create WORD` is configmap or secret. */
export function isConfigGenerator(word: string | undefined): boolean {
  return word === 'configmap' || word === 'cm' || word === 'secret';
}

export function createConfig(inv: Invocation, word: string): number {
  const { p, io } = inv;
  let obj: KubeObject;
  let failure: string;
  if (word === 'secret') {
    const sub = p.args[1];
    const make = sub ? SECRET_TYPES[sub] : undefined;
    if (!make) {
      throw new KubectlError(
        `error: ${sub ? `unknown secret type "${sub}"` : 'a secret type is required'}: use "kubectl create secret generic", "docker-registry" or "tls"`,
      );
    }
    obj = make(inv);
    failure = 'failed to create secret ';
  } else {
    obj = configMap(inv);
    failure = 'failed to create configmap: ';
  }
  const dry = dryRunOf(p);
  let result = obj;
  if (dry !== 'client') {
    const input = { ...obj, metadata: { ...obj.metadata, namespace: namespaceOf(inv) } };
    try {
      const written = inv.cluster.core.api.createWithWarnings(input as KubeObject, { dryRun: dry === 'server' });
      for (const w of written.warnings) io.err(`Warning: ${w}`);
      result = written.object;
    } catch (e) {
      if (e instanceof ApiError) throw new KubectlError(`error: ${failure}${serverMessage(e, obj.kind)}`);
      throw e;
    }
  }
  const info = lookupKind(obj.kind);
  const ref = info ? resourceRef(info, obj.metadata.name) : obj.metadata.name;
  const format = parseOutput(flagString(p, 'output'));
  if (format.kind === 'yaml') io.out(toYaml(forOutput(result)));
  else if (format.kind === 'json') io.out(toJson(forOutput(result)));
  else if (format.kind === 'jsonpath') io.out(printJsonPath(format.template, result));
  else if (format.kind === 'name') io.out(`${ref}\n`);
  else io.out(`${ref} created${dryRunSuffix(dry)}\n`);
  return 0;
}
