/**
 * The command line: a shell-like tokenizer, then flag parsing the way cobra/pflag do it
 * (flags anywhere, `--flag=value`, `--flag value`, `-n ns`, `-nns`, `-it`, `--` ending
 * flags), then kubectl's resource arguments (`pods`, `po web`, `pod/web`, `deploy,svc`).
 */
import { allKinds, type KindInfo, lookupKind } from '../api/kinds';
import { KubectlError } from './errors';
import { type FlagSpec, specFor } from './flags';

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

export interface ParsedArgs {
  verb: string;
  /** positional arguments after the verb */
  args: string[];
  /** how many positionals came before `--` (cobra's ArgsLenAtDash), or -1 */
  argsLenAtDash: number;
  flags: Map<string, string | string[]>;
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
