/**
 * The command line: a shell-like tokenizer, then flag parsing the way cobra/pflag do it
 * (flags anywhere, `--flag=value`, `--flag value`, `-n ns`, `-nns`, `-it`, `--` ending
 * flags), then kubectl's resource arguments (`pods`, `po web`, `pod/web`, `deploy,svc`).
 */
import { allKinds, type KindInfo, lookupKind } from '../api/kinds';
import { KubectlError } from './errors';

/** Splits a line like a POSIX shell would (quotes, backslashes), without expansion. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  let inToken = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new KubectlError('error: unterminated quoted string');
      cur += line.slice(i + 1, end);
      inToken = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new KubectlError('error: unterminated quoted string');
        const c = line[i];
        if (c === '"') break;
        // Inside double quotes a backslash only escapes these, as in sh.
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          cur += line[i + 1];
          i += 2;
          continue;
        }
        cur += c;
        i++;
      }
      inToken = true;
      i++;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      inToken = true;
      i += 2;
    } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inToken) tokens.push(cur);
      cur = '';
      inToken = false;
      i++;
    } else {
      cur += ch;
      inToken = true;
      i++;
    }
  }
  if (inToken) tokens.push(cur);
  return tokens;
}

export type FlagType = 'bool' | 'string' | 'int' | 'array';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** value used when the flag is given without one (pflag NoOptDefVal) */
  noOptDefVal?: string;
}

const f = (name: string, type: FlagType, short?: string, noOptDefVal?: string): FlagSpec => ({
  name,
  type,
  short,
  noOptDefVal,
});

/** Every flag the playground's kubectl knows; verbs read the ones they use. */
const FLAGS: FlagSpec[] = [
  f('namespace', 'string', 'n'),
  f('all-namespaces', 'bool', 'A'),
  f('output', 'string', 'o'),
  f('selector', 'string', 'l'),
  f('field-selector', 'string'),
  f('label-columns', 'array', 'L'),
  f('show-labels', 'bool'),
  f('show-kind', 'bool'),
  f('no-headers', 'bool'),
  f('sort-by', 'string'),
  f('watch', 'bool', 'w'),
  f('watch-only', 'bool'),
  f('output-watch-events', 'bool'),
  f('ignore-not-found', 'bool'),
  f('chunk-size', 'int'),
  f('filename', 'array', 'f'),
  f('recursive', 'bool', 'R'),
  f('kustomize', 'string', 'k'),
  f('container', 'string', 'c'),
  f('previous', 'bool', 'p'),
  f('tail', 'int'),
  f('timestamps', 'bool'),
  f('since', 'string'),
  f('since-time', 'string'),
  f('limit-bytes', 'int'),
  f('all-containers', 'bool'),
  f('prefix', 'bool'),
  f('stdin', 'bool', 'i'),
  f('tty', 'bool', 't'),
  f('quiet', 'bool', 'q'),
  f('force', 'bool'),
  f('grace-period', 'int'),
  f('now', 'bool'),
  f('cascade', 'string', undefined, 'background'),
  f('wait', 'bool'),
  f('all', 'bool'),
  f('timeout', 'string'),
  f('overwrite', 'bool'),
  f('resource-version', 'string'),
  f('list', 'bool'),
  f('ignore-daemonsets', 'bool'),
  f('delete-emptydir-data', 'bool'),
  f('delete-local-data', 'bool'),
  f('disable-eviction', 'bool'),
  f('skip-wait-for-delete-timeout', 'int'),
  f('pod-selector', 'string'),
  f('image', 'string'),
  f('restart', 'string'),
  f('port', 'string'),
  f('labels', 'string'),
  f('env', 'array'),
  f('command', 'bool'),
  f('rm', 'bool'),
  f('attach', 'bool'),
  f('image-pull-policy', 'string'),
  f('annotations', 'array'),
  f('replicas', 'int'),
  f('dry-run', 'string', undefined, 'unchanged'),
  f('validate', 'string', undefined, 'strict'),
  f('server-side', 'bool'),
  f('force-conflicts', 'bool'),
  f('field-manager', 'string'),
  f('save-config', 'bool'),
  f('record', 'bool'),
  f('prune', 'bool'),
  f('context', 'string'),
  f('cluster', 'string'),
  f('user', 'string'),
  f('kubeconfig', 'string'),
  f('request-timeout', 'string'),
  f('v', 'int', 'v'),
  f('help', 'bool', 'h'),
  f('client', 'bool'),
  f('api-group', 'string'),
  f('namespaced', 'bool'),
  f('verbs', 'array'),
  f('template', 'string'),
  f('allow-missing-template-keys', 'bool'),
  f('show-events', 'bool'),
];

/** Flags whose meaning depends on the verb, like `kubectl logs -f` (follow, not filename). */
const VERB_FLAGS: Record<string, FlagSpec[]> = {
  logs: [f('follow', 'bool', 'f')],
  'api-resources': [f('sort-by', 'string')],
};

export interface ParsedArgs {
  verb: string;
  /** positional arguments after the verb */
  args: string[];
  /** how many positionals came before `--` (cobra's ArgsLenAtDash), or -1 */
  argsLenAtDash: number;
  flags: Map<string, string | string[]>;
}

/** Flags every command takes (kubectl's global flags). */
const GLOBAL = ['namespace', 'context', 'cluster', 'user', 'kubeconfig', 'request-timeout', 'v', 'help'];

/**
 * The flags each verb registers, so `kubectl logs --image=x` fails as `unknown flag` the
 * way cobra does. Verbs missing from this table accept every known flag.
 */
const VERB_ALLOWED: Record<string, string[]> = {
  get: [
    'output',
    'selector',
    'field-selector',
    'all-namespaces',
    'label-columns',
    'show-labels',
    'show-kind',
    'no-headers',
    'sort-by',
    'watch',
    'watch-only',
    'output-watch-events',
    'ignore-not-found',
    'chunk-size',
    'filename',
    'recursive',
    'kustomize',
    'template',
    'allow-missing-template-keys',
  ],
  describe: ['selector', 'all-namespaces', 'filename', 'recursive', 'kustomize', 'show-events', 'chunk-size'],
  apply: [
    'filename',
    'recursive',
    'kustomize',
    'dry-run',
    'server-side',
    'force-conflicts',
    'field-manager',
    'validate',
    'prune',
    'selector',
    'all',
    'output',
    'overwrite',
    'force',
    'grace-period',
    'timeout',
    'wait',
    'cascade',
    'record',
    'template',
    'allow-missing-template-keys',
  ],
  create: [
    'filename',
    'recursive',
    'kustomize',
    'dry-run',
    'validate',
    'field-manager',
    'save-config',
    'output',
    'selector',
    'record',
    'template',
    'allow-missing-template-keys',
  ],
  delete: [
    'filename',
    'recursive',
    'kustomize',
    'selector',
    'field-selector',
    'all',
    'all-namespaces',
    'ignore-not-found',
    'cascade',
    'grace-period',
    'now',
    'force',
    'wait',
    'timeout',
    'dry-run',
    'output',
  ],
  logs: [
    'container',
    'previous',
    'tail',
    'timestamps',
    'since',
    'since-time',
    'limit-bytes',
    'all-containers',
    'prefix',
    'follow',
    'selector',
  ],
  exec: ['container', 'stdin', 'tty', 'quiet', 'filename'],
  cordon: ['selector', 'dry-run'],
  uncordon: ['selector', 'dry-run'],
  drain: [
    'force',
    'grace-period',
    'ignore-daemonsets',
    'delete-emptydir-data',
    'delete-local-data',
    'disable-eviction',
    'selector',
    'pod-selector',
    'timeout',
    'dry-run',
    'skip-wait-for-delete-timeout',
    'chunk-size',
  ],
  run: [
    'image',
    'restart',
    'port',
    'labels',
    'env',
    'command',
    'rm',
    'attach',
    'stdin',
    'tty',
    'image-pull-policy',
    'annotations',
    'dry-run',
    'output',
    'quiet',
    'template',
    'allow-missing-template-keys',
  ],
  label: [
    'overwrite',
    'all',
    'all-namespaces',
    'selector',
    'field-selector',
    'filename',
    'recursive',
    'resource-version',
    'list',
    'dry-run',
    'output',
    'field-manager',
    'template',
  ],
  annotate: [
    'overwrite',
    'all',
    'all-namespaces',
    'selector',
    'field-selector',
    'filename',
    'recursive',
    'resource-version',
    'list',
    'dry-run',
    'output',
    'field-manager',
    'template',
  ],
  version: ['client', 'output'],
  'api-resources': ['namespaced', 'api-group', 'output', 'verbs', 'no-headers', 'sort-by'],
  'api-versions': [],
  'cluster-info': [],
};

function specFor(verb: string, key: string, short: boolean): FlagSpec | undefined {
  const pick = (list: FlagSpec[]) => list.find((s) => (short ? s.short === key : s.name === key));
  const spec = pick(VERB_FLAGS[verb] ?? []) ?? pick(FLAGS);
  const allowed = VERB_ALLOWED[verb];
  if (spec && allowed && !allowed.includes(spec.name) && !GLOBAL.includes(spec.name)) return undefined;
  return spec;
}

/** Parses tokens (without the leading `kubectl`) into the verb, its positionals and flags. */
export function parseArgs(tokens: string[]): ParsedArgs {
  const verb = findVerb(tokens);
  const flags = new Map<string, string | string[]>();
  const positionals: string[] = [];
  let argsLenAtDash = -1;
  let verbSeen = false;
  const set = (spec: FlagSpec, value: string) => {
    if (spec.type === 'array') {
      const prev = (flags.get(spec.name) as string[] | undefined) ?? [];
      flags.set(spec.name, [...prev, value]);
    } else {
      flags.set(spec.name, value);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === '--') {
      argsLenAtDash = positionals.length;
      positionals.push(...tokens.slice(i + 1));
      break;
    }
    if (tok.startsWith('--') && tok.length > 2) {
      const eq = tok.indexOf('=');
      const name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
      const spec = specFor(verb, name, false);
      if (!spec) throw usageError(verb, `unknown flag: --${name}`);
      if (eq >= 0) set(spec, tok.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefVal !== undefined) set(spec, spec.noOptDefVal);
      else if (i + 1 < tokens.length) set(spec, tokens[++i]);
      else throw usageError(verb, `flag needs an argument: --${name}`);
      continue;
    }
    if (tok.startsWith('-') && tok.length > 1) {
      let j = 1;
      while (j < tok.length) {
        const c = tok[j];
        const spec = specFor(verb, c, true);
        if (!spec) throw usageError(verb, `unknown shorthand flag: '${c}' in ${tok}`);
        const rest = tok.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1));
            break;
          }
          set(spec, 'true');
          j++;
          continue;
        }
        if (rest.length > 0) set(spec, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (spec.noOptDefVal !== undefined) set(spec, spec.noOptDefVal);
        else if (i + 1 < tokens.length) set(spec, tokens[++i]);
        else throw usageError(verb, `flag needs an argument: '${c}' in ${tok}`);
        break;
      }
      continue;
    }
    if (!verbSeen && tok === verb) {
      verbSeen = true;
      continue;
    }
    positionals.push(tok);
  }
  return { verb, args: positionals, argsLenAtDash, flags };
}

/** The first token that is neither a flag nor a flag's value. */
function findVerb(tokens: string[]): string {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === '--') return '';
    if (tok.startsWith('--') && tok.length > 2) {
      const spec = specFor('', tok.slice(2).split('=')[0], false);
      if (spec && !tok.includes('=') && spec.type !== 'bool' && spec.noOptDefVal === undefined) i++;
      continue;
    }
    if (tok.startsWith('-') && tok.length > 1) {
      // Walk the shorthands as pflag does: a value flag takes the rest of the token, or the next one.
      for (let j = 1; j < tok.length; j++) {
        const spec = specFor('', tok[j], true);
        if (!spec || spec.type === 'bool') continue;
        if (j === tok.length - 1 && spec.noOptDefVal === undefined) i++;
        break;
      }
      continue;
    }
    return tok;
  }
  return '';
}

function usageError(verb: string, message: string): KubectlError {
  const cmd = verb ? `kubectl ${verb}` : 'kubectl';
  return new KubectlError(`error: ${message}\nSee '${cmd} --help' for usage.`);
}

export function flagString(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  return Array.isArray(v) ? v[v.length - 1] : v;
}

export function flagArray(p: ParsedArgs, name: string): string[] {
  const v = p.flags.get(name);
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function flagBool(p: ParsedArgs, name: string): boolean {
  const v = flagString(p, name);
  if (v === undefined) return false;
  if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(v)) return true;
  if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(v)) return false;
  throw new KubectlError(
    `error: invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`,
  );
}

export function flagInt(p: ParsedArgs, name: string): number | undefined {
  const v = flagString(p, name);
  if (v === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(v)) {
    throw new KubectlError(
      `error: invalid argument "${v}" for "--${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`,
    );
  }
  return Number(v);
}

export function hasFlag(p: ParsedArgs, name: string): boolean {
  return p.flags.has(name);
}

/** One requested resource: a kind plus the names asked for (none = all). */
export interface ResourceRequest {
  info: KindInfo;
  names: string[];
}

/**
 * kubectl's ResourceTypeOrNameArgs: `pods`, `pods a b`, `pod/a deploy/b`, `deploy,svc`, `all`.
 * Throws the errors kubectl prints for unknown types and malformed arguments.
 */
export function parseResourceArgs(args: string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) {
        throw new KubectlError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      }
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (!type || !name)
        throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const info = resolveKind(type);
      const last = requests[requests.length - 1];
      if (last && last.info.kind === info.kind) last.names.push(name);
      else requests.push({ info, names: [name] });
    }
    return requests;
  }
  const [types, ...names] = args;
  return types
    .split(',')
    .filter((t) => t !== '')
    .flatMap((t) => (t === 'all' ? allCategory() : [resolveKind(t)]))
    .map((info) => ({ info, names: [...names] }));
}

export function resolveKind(type: string): KindInfo {
  const info = lookupKind(type);
  if (!info) throw new KubectlError(`error: the server doesn't have a resource type "${type}"`);
  return info;
}

/** The "all" category: the workload and service kinds this cluster serves. */
function allCategory(): KindInfo[] {
  const order = [
    'Pod',
    'ReplicationController',
    'Service',
    'DaemonSet',
    'Deployment',
    'ReplicaSet',
    'StatefulSet',
    'HorizontalPodAutoscaler',
    'CronJob',
    'Job',
  ];
  const kinds = allKinds();
  return order.map((k) => kinds.find((i) => i.kind === k)).filter((i): i is KindInfo => i !== undefined);
}
