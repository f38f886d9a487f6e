/**
 * kubectl delete (kubectl pkg/cmd/delete/delete.go): by name, -l, --all or -f;
 * --grace-period, --now (1s), --force (0s, with its warning), --cascade. Since 1.32 the
 * success line names the namespace: `pod "nginx" deleted from default namespace`.
 * The playground does not wait for the object to disappear (no time passes inside a command).
 */
import { type KindInfo, lookupKind } from '../api/kinds';
import { parseStream } from '../api/parse';
import type { PropagationPolicy } from '../api/types';
import { flagBool, flagInt, flagString, hasFlag, parseResourceArgs } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { dryRunOf, dryRunSuffix } from './dryrun';
import { KubectlError, reasonOf } from './errors';
import { fetchObjects } from './resources';
import { readSource } from './source';

const NOTHING = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

interface Target {
  info: KindInfo;
  name: string;
  namespace?: string;
}

export function del(inv: Invocation): number {
  const { p, io } = inv;
  const policy = cascade(inv);
  let grace = flagInt(p, 'grace-period') ?? -1;
  const force = flagBool(p, 'force');
  if (flagBool(p, 'now')) {
    if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  // --grace-period=0 alone becomes 1 so nothing is lost by accident; --force bypasses that.
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace === 0) {
    io.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  }
  const src = readSource(inv, 'delete');
  const targets: Target[] = [];
  const errors: string[] = [];
  let source: string | undefined;
  if (src) {
    if (p.args.length > 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    source = src.name;
    targets.push(...fromManifests(inv, src.text, src.name));
  } else {
    if (p.args.length === 0) throw new KubectlError(NOTHING);
    const all = flagBool(p, 'all');
    const selector = flagString(p, 'selector');
    for (const r of parseResourceArgs(p.args)) {
      if (r.names.length > 0) {
        if (all || selector) throw new KubectlError('error: name cannot be provided when a selector is specified');
        for (const name of r.names) targets.push({ info: r.info, name, namespace: nsFor(inv, r.info) });
        continue;
      }
      if (!all && !selector && !hasFlag(p, 'field-selector')) {
        throw new KubectlError('error: resource(s) were provided, but no name was specified');
      }
      for (const o of fetchObjects(inv, r.info, []).objects) {
        targets.push({ info: r.info, name: o.metadata.name, namespace: o.metadata.namespace });
      }
    }
    if (targets.length === 0) {
      io.out('No resources found\n');
      return 0;
    }
  }
  const dry = dryRunOf(p);
  const opts = {
    ...(policy ? { propagationPolicy: policy } : {}),
    ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
  };
  for (const t of targets) {
    const res =
      dry === 'none'
        ? inv.cluster.delete(t.info.kind, t.name, t.namespace, opts)
        : inv.cluster.get(t.info.kind, t.name, t.namespace)
          ? { ok: true, errors: [] }
          : { ok: false, errors: [{ message: `${t.info.plural} "${t.name}" not found` }] };
    if (!res.ok) {
      const msg = res.errors[0]?.message ?? 'unknown error';
      if (flagBool(p, 'ignore-not-found') && (reasonOf(msg) ?? 'NotFound') === 'NotFound') continue;
      const where = source ? `error when deleting "${source}": ` : '';
      errors.push(`Error from server (${reasonOf(msg) ?? 'NotFound'}): ${where}${msg}`);
      continue;
    }
    const kind = t.info.group ? `${t.info.singular}.${t.info.group}` : t.info.singular;
    const op = grace === 0 ? 'force deleted' : 'deleted';
    const where = t.info.namespaced ? ` from ${t.namespace} namespace` : '';
    io.out(`${kind} "${t.name}" ${op}${where}${dryRunSuffix(dry)}\n`);
  }
  for (const e of errors) io.err(e);
  return errors.length > 0 ? 1 : 0;
}

function nsFor(inv: Invocation, info: KindInfo): string | undefined {
  return info.namespaced ? namespaceOf(inv) : undefined;
}

function cascade(inv: Invocation): PropagationPolicy | undefined {
  const v = flagString(inv.p, 'cascade');
  if (v === undefined) return undefined;
  switch (v) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'false':
      inv.io.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.');
      return 'Orphan';
    default:
      throw new KubectlError(`error: invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
  }
}

/** The objects a manifest names, read by the API's own stream parser (same errors as apply). */
function fromManifests(inv: Invocation, text: string, name: string): Target[] {
  const out: Target[] = [];
  const stream = parseStream(text);
  const named = (m: string) =>
    m.replaceAll('"STDIN"', `"${name}"`).replace(/^error parsing STDIN:/, `error parsing ${name}:`);
  for (const d of stream.documents) {
    const o = d.value as any;
    if (!o || typeof o !== 'object') continue;
    const info = lookupKind(String(o.kind ?? ''));
    if (!info) {
      throw new KubectlError(
        `error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${o.metadata?.namespace ?? ''}" from "${name}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`,
      );
    }
    out.push({
      info,
      name: String(o.metadata?.name ?? ''),
      namespace: info.namespaced ? (o.metadata?.namespace ?? namespaceOf(inv)) : undefined,
    });
  }
  if (stream.error) throw new KubectlError(`error: ${named(stream.error.message)}`);
  return out;
}
