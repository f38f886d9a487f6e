/**
 * Tab completion for the kubectl console, the way kubectl's cobra completion answers a
 * shell: verbs, sub-verbs, resource types (plurals, short names, `plural.group`), object
 * names of the type already typed (namespace-aware, `-n`/`-A`), `type/name`, flags of the
 * verb and the values of `-o` and `-n`. Computed here, over the live store, so the UI only
 * edits text. Also the console's `help`: the verbs the engine runs, from its registry.
 */
import { allKinds, type KindInfo, lookupKind } from '../engine/api/kinds';
import type { Cluster } from '../engine/index';
import { isConfigGenerator } from '../engine/kubectl/create-config';
import { isWorkloadGenerator } from '../engine/kubectl/create-workload';
import { specFor } from '../engine/kubectl/flags';
import { help } from '../engine/kubectl/help';
import { UNSUPPORTED } from '../engine/kubectl/unsupported';
import { VERBS } from '../engine/kubectl/verbs';

export interface Completion {
  /** whole replacements for line[replaceFrom, cursor), sorted, without duplicates */
  candidates: string[];
  replaceFrom: number;
}

export interface VerbHelp {
  name: string;
  /** kubectl's one-line description, or "" where the engine has none */
  summary: string;
}

/** Verbs the engine actually runs (the "not yet" ones are left out), sorted. */
export function supportedVerbs(): string[] {
  return Object.keys(VERBS)
    .filter((v) => !(v in UNSUPPORTED))
    .sort();
}

/** The console's `help` list: every verb the engine runs with kubectl's description of it. */
export function verbHelp(): VerbHelp[] {
  return supportedVerbs().map((name) => {
    const first = help(name).split('\n')[0];
    // help() answers "<verb>." for a verb it has no description for
    return { name, summary: first === `${name}.` ? '' : first.replace(/\.$/, '') };
  });
}

/** Sub-verbs upstream kubectl has; each is kept only if the engine runs it. */
const SUB_VERBS: Record<string, string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  create: ['configmap', 'cronjob', 'deployment', 'job', 'namespace', 'secret'].filter(
    (w) => isWorkloadGenerator(w) || isConfigGenerator(w) || w === 'namespace',
  ),
  set: ['image'],
  config: ['current-context', 'get-contexts', 'view'],
};

/** The types a verb acts on, when it is narrower than "any kind". */
const VERB_KINDS: Record<string, string[]> = {
  scale: ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'],
  rollout: ['Deployment', 'DaemonSet', 'StatefulSet'],
  expose: ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'ReplicationController'],
  set: ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'Pod', 'ReplicationController'],
};

/** Verbs whose arguments are `TYPE [NAME…]` or `TYPE/NAME`. */
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'rollout', 'set', 'expose']);
/** Verbs whose first argument is an object of one kind, by name. */
const NAMED_VERBS: Record<string, string> = {
  logs: 'Pod',
  exec: 'Pod',
  cordon: 'Node',
  uncordon: 'Node',
  drain: 'Node',
  taint: 'Node',
};

/** The flags worth offering per verb; each is kept only if the engine accepts it for that verb. */
const COMMON_FLAGS = ['namespace', 'all-namespaces', 'output', 'selector'];
const VERB_FLAGS: Record<string, string[]> = {
  get: [...COMMON_FLAGS, 'watch', 'show-labels', 'no-headers', 'sort-by', 'field-selector', 'label-columns'],
  describe: COMMON_FLAGS,
  delete: ['namespace', 'selector', 'all', 'force', 'grace-period', 'now', 'filename', 'ignore-not-found'],
  apply: ['filename', 'namespace', 'output', 'dry-run'],
  create: ['filename', 'namespace', 'image', 'replicas', 'port', 'output', 'dry-run', 'schedule', 'from-literal'],
  scale: ['replicas', 'namespace', 'selector', 'all', 'current-replicas'],
  run: ['image', 'port', 'labels', 'restart', 'env', 'namespace', 'rm', 'stdin', 'tty', 'command', 'dry-run'],
  logs: ['namespace', 'container', 'follow', 'previous', 'tail', 'timestamps', 'all-containers'],
  exec: ['namespace', 'container', 'stdin', 'tty'],
  rollout: ['namespace', 'revision', 'to-revision', 'watch'],
  set: ['namespace', 'all', 'selector'],
  expose: ['namespace', 'port', 'target-port', 'type', 'name', 'protocol'],
  drain: ['ignore-daemonsets', 'delete-emptydir-data', 'force', 'grace-period', 'timeout', 'selector'],
  cordon: ['selector'],
  uncordon: ['selector'],
  label: ['namespace', 'overwrite', 'selector', 'all', 'list'],
  annotate: ['namespace', 'overwrite', 'selector', 'all', 'list'],
  events: ['namespace', 'all-namespaces', 'for', 'types', 'watch'],
  taint: ['overwrite', 'all', 'selector'],
};

const OUTPUT_FORMATS = ['json', 'name', 'wide', 'yaml'];

export function complete(cluster: Cluster, line: string, cursor: number): Completion {
  const at = Math.max(0, Math.min(cursor, line.length));
  const before = line.slice(0, at);
  const word = /\S*$/.exec(before)?.[0] ?? '';
  const replaceFrom = at - word.length;
  const done = before.slice(0, replaceFrom).trim().split(/\s+/).filter(Boolean);
  if (done[0] === 'kubectl') done.shift();
  // `kubectl` itself, while it is still being typed at the start of the line
  if (done.length === 0 && word.length >= 2 && 'kubectl'.startsWith(word)) {
    return { candidates: ['kubectl'], replaceFrom };
  }
  const ctx = context(done, line);
  const candidates = candidatesFor(cluster, ctx, word);
  return { candidates: uniq(candidates), replaceFrom };
}

interface LineContext {
  verb: string;
  /** positional words before the one being completed, the verb not counted */
  args: string[];
  /** the value-taking flag the completed word is the value of ("namespace", "output") */
  flagValue?: string;
  namespace: string;
  allNamespaces: boolean;
}

function context(done: string[], line: string): LineContext {
  const positionals: string[] = [];
  let flagValue: string | undefined;
  for (let i = 0; i < done.length; i++) {
    const tok = done[i];
    if (tok.startsWith('-') && tok.length > 1) {
      const name = flagName(positionals[0] ?? '', tok);
      if (!tok.includes('=') && name && takesValue(positionals[0] ?? '', name)) {
        if (i + 1 < done.length) i++;
        else flagValue = name;
      }
      continue;
    }
    positionals.push(tok);
  }
  const { namespace, all } = namespaceIn(line);
  return { verb: positionals[0] ?? '', args: positionals.slice(1), flagValue, namespace, allNamespaces: all };
}

/** `-n`, `--namespace=x`, `-A` anywhere on the line (flags may follow the word being completed). */
function namespaceIn(line: string): { namespace: string; all: boolean } {
  const toks = line.trim().split(/\s+/);
  let namespace = 'default';
  let all = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if ((t === '-n' || t === '--namespace') && toks[i + 1]) namespace = toks[i + 1];
    else if (t.startsWith('--namespace=')) namespace = t.slice('--namespace='.length);
    else if (/^-n[^=\s]+$/.test(t)) namespace = t.slice(2);
    else if (t === '-A' || t === '--all-namespaces') all = true;
  }
  return { namespace, all };
}

function flagName(verb: string, tok: string): string | undefined {
  if (tok.startsWith('--')) return tok.slice(2).split('=')[0];
  // -n, -nfoo, -it: the first letter names the flag
  return specFor(verb, tok[1], true)?.name;
}

function takesValue(verb: string, name: string): boolean {
  const spec = specFor(verb, name, false);
  return spec !== undefined && spec.type !== 'bool' && spec.noOptDefVal === undefined;
}

function candidatesFor(cluster: Cluster, ctx: LineContext, word: string): string[] {
  if (ctx.flagValue) return valuesOf(cluster, ctx.flagValue, word, '');
  if (word.startsWith('-')) return flagCandidates(cluster, ctx.verb, word);
  if (ctx.verb === '') return pick([...supportedVerbs(), 'clear', 'help'], word);
  const subs = SUB_VERBS[ctx.verb];
  let args = ctx.args;
  if (subs) {
    if (args.length === 0) return pick(subs, word);
    // only these sub-verbs go on to take a TYPE NAME
    if (!['rollout', 'set'].includes(ctx.verb)) return [];
    args = args.slice(1);
  }
  const named = NAMED_VERBS[ctx.verb];
  if (named) {
    if (args.length > 0) return [];
    if (word.includes('/')) return typedNames(cluster, ctx, word);
    return pick(names(cluster, named, ctx), word);
  }
  if (!TYPED_VERBS.has(ctx.verb)) return [];
  if (args.length === 0) {
    if (word.includes('/')) return typedNames(cluster, ctx, word);
    return typeCandidates(ctx.verb, word);
  }
  // `get pods web db`: more names of the first type; `set image deploy/web` takes no more
  if (args[0].includes('/') || (ctx.verb === 'set' && args.length > 1)) return [];
  if (ctx.verb === 'set' || ctx.verb === 'scale' || ctx.verb === 'rollout' || ctx.verb === 'expose') {
    if (args.length > 1) return [];
  }
  const info = lookupKind(args[0].split(',')[0].split('.')[0]);
  if (!info || args[0].includes(',')) return [];
  // a name already on the line is not offered again
  const typed = new Set(args.slice(1));
  return pick(names(cluster, info.kind, ctx), word).filter((n) => !typed.has(n));
}

function flagCandidates(cluster: Cluster, verb: string, word: string): string[] {
  const eq = word.indexOf('=');
  if (eq > 0) {
    const name = flagName(verb, word.slice(0, eq));
    return name ? valuesOf(cluster, name, word.slice(eq + 1), word.slice(0, eq + 1)) : [];
  }
  const wanted = VERB_FLAGS[verb] ?? ['namespace'];
  const out: string[] = [];
  for (const name of wanted) {
    const spec = specFor(verb, name, false);
    if (!spec) continue;
    const valued = spec.type !== 'bool' && spec.noOptDefVal === undefined;
    if (spec.short && !word.startsWith('--')) out.push(`-${spec.short}`);
    out.push(valued ? `--${name}=` : `--${name}`);
  }
  return pick(out, word);
}

function valuesOf(cluster: Cluster, flag: string, value: string, prefix: string): string[] {
  let values: string[] = [];
  if (flag === 'output') values = OUTPUT_FORMATS;
  else if (flag === 'namespace') values = cluster.list('Namespace').map((n) => n.metadata.name);
  return pick(values, value).map((v) => prefix + v);
}

/** The resource types a verb accepts, as kubectl names them for completion. */
function typeCandidates(verb: string, word: string): string[] {
  const only = VERB_KINDS[verb];
  const kinds = allKinds().filter((k) => !only || only.includes(k.kind));
  const comma = word.lastIndexOf(',');
  const head = word.slice(0, comma + 1);
  const tail = word.slice(comma + 1);
  const names: string[] = [];
  for (const k of kinds) {
    names.push(k.plural);
    if (tail.includes('.') && k.group) names.push(`${k.plural}.${k.group}`);
  }
  const out = pick(names, tail);
  // a short name or singular typed in full is complete as it is (`po`, `svc`, `deploy`)
  if (kinds.some((k) => aliasesOf(k).includes(tail.toLowerCase())) && !out.includes(tail)) out.push(tail);
  return out.map((c) => head + c);
}

function aliasesOf(k: KindInfo): string[] {
  return [k.singular, k.plural, ...k.shortNames, `${k.plural}.${k.group}`, `${k.singular}.${k.group}`];
}

/** `deploy/we` → `deploy/web`: names of the type before the slash. */
function typedNames(cluster: Cluster, ctx: LineContext, word: string): string[] {
  const slash = word.indexOf('/');
  const type = word.slice(0, slash);
  const info = lookupKind(type.split('.')[0]);
  if (!info) return [];
  return pick(names(cluster, info.kind, ctx), word.slice(slash + 1)).map((n) => `${type}/${n}`);
}

function names(cluster: Cluster, kind: string, ctx: LineContext): string[] {
  const info = lookupKind(kind);
  if (!info) return [];
  const ns = !info.namespaced || ctx.allNamespaces ? undefined : ctx.namespace;
  return cluster.list(info.kind, ns).map((o) => o.metadata.name);
}

function pick(options: string[], prefix: string): string[] {
  return options.filter((o) => o.startsWith(prefix));
}

function uniq(list: string[]): string[] {
  return [...new Set(list)].sort();
}
