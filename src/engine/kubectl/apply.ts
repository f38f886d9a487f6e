/**
 * kubectl apply -f / create -f (kubectl pkg/cmd/apply, pkg/cmd/create) over the API's
 * manifest pipeline: one line per object (`pod/nginx created`), the API server's
 * warnings as `Warning: ...`, and each error as kubectl's CheckErr prints it — client-side
 * ones after `error: `, server ones as `Error from server (Reason): error when creating
 * "STDIN": ...`, Invalid ones as `The Pod "x" is invalid: ...`.
 */
import { type ApplyError, type ApplyResult, applyManifests, createManifests } from '../api/apply';
import { lookupKind, resourceRef } from '../api/kinds';
import { flagString } from './args';
import type { Invocation } from './cmd';
import { createSubcommand, isCreateSubcommand } from './create-sub';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { apiErrorText, KubectlError } from './errors';
import { readSource, type Source } from './source';

type Verb = 'apply' | 'create';

export const apply = (inv: Invocation) => run(inv, 'apply');
export const create = (inv: Invocation) =>
  isCreateSubcommand(inv.p.args[0]) ? createSubcommand(inv) : run(inv, 'create');

function run(inv: Invocation, verb: Verb): number {
  const src = readSource(inv, verb);
  // FilenameOptions validation in apply.go / create.go.
  if (!src) throw new KubectlError('error: must specify one of -f and -k');
  const ns = flagString(inv.p, 'namespace');
  const dry = dryRunOf(inv.p);
  const opts = { ...(ns ? { namespace: ns } : {}), ...(dry !== 'none' ? { dryRun: true } : {}) };
  const api = inv.cluster.core.api;
  // apply without a dry run goes through the public face, so watchers see one write path.
  const result =
    verb === 'create'
      ? createManifests(api, src.text, opts)
      : dry === 'none'
        ? inv.cluster.apply(src.text, opts)
        : applyManifests(api, src.text, opts);
  return report(inv, src, result, verb, dryRunSuffix(dry));
}

function report(inv: Invocation, src: Source, result: ApplyResult, verb: Verb, suffix: string): number {
  for (const w of result.warnings) inv.io.err(`Warning: ${w.message}`);
  for (const r of result.results) {
    const info = lookupKind(r.kind);
    const ref = info ? resourceRef(info, r.name) : `${r.kind.toLowerCase()}/${r.name}`;
    inv.io.out(`${ref} ${r.action}${suffix}\n`);
  }
  for (const e of result.errors) inv.io.err(errorText(e, src, verb));
  return result.errors.length > 0 ? 1 : 0;
}

/** One apply error as kubectl prints it. */
export function errorText(e: ApplyError, src: Source, verb: Verb): string {
  const message = e.message
    .replaceAll('"STDIN"', `"${src.name}"`)
    .replace(/^error parsing STDIN:/, `error parsing ${src.name}:`);
  if (!e.reason) {
    if (message === 'no objects passed to apply') return `error: no objects passed to ${verb}`;
    return `error: ${goYamlWording(message)}`;
  }
  // create never patches; apply patches what already exists.
  const patching = verb === 'apply' && e.operation === 'patch';
  if (e.reason === 'Invalid' && !patching) return apiErrorText('Invalid', message);
  const when = patching ? 'patching' : 'creating';
  return `Error from server (${e.reason}): error when ${when} "${src.name}": ${message}`;
}

/**
 * The YAML parser's messages in go-yaml's words where both describe the same mistake
 * (gopkg.in/yaml.v2 scannerc.go / parserc.go), so what learners see is searchable.
 */
const GO_YAML: [RegExp, string][] = [
  [/^Nested mappings are not allowed in compact mappings/, 'mapping values are not allowed in this context'],
  [/^Implicit keys need to be on a single line/, "could not find expected ':'"],
  [/^Implicit map keys need to be followed by map values/, "could not find expected ':'"],
  [
    /^Tabs are not allowed as indentation|^Plain value cannot start with a tab/,
    'found character that cannot start any token',
  ],
  [/^All mapping items must start at the same column/, 'did not find expected key'],
  [/^A block sequence may not be used as an implicit map key/, 'did not find expected key'],
  [/^All sequence items must start at the same column/, "did not find expected '-' indicator"],
  [/^Missing closing "?quote|^Missing closing '/, 'found unexpected end of stream'],
  [
    /^Flow sequence in block collection must be sufficiently indented and end with a \]/,
    "did not find expected ',' or ']'",
  ],
  [/^Flow map in block collection must be sufficiently indented and end with a \}/, "did not find expected ',' or '}'"],
  [/^Unexpected scalar at node end/, 'did not find expected key'],
];

function goYamlWording(message: string): string {
  const m = /^(error parsing .*?: error converting YAML to JSON: yaml: line \d+: )(.*)$/s.exec(message);
  if (!m) return message;
  for (const [re, words] of GO_YAML) if (re.test(m[2])) return m[1] + words;
  return m[1] + m[2].charAt(0).toLowerCase() + m[2].slice(1);
}
