/**
 * kubectl label / annotate (kubectl pkg/cmd/label, pkg/cmd/annotate): `key=value`
 * sets, `key-` removes; an existing key needs --overwrite. Prints `pod/web labeled`.
 */
import { resourceRef } from '../api/kinds';
import { validateLabelKey, validateLabelValue } from '../api/labels';
import type { KubeObject } from '../api/types';
import { flagBool, flagString, parseResourceArgs } from './args';
import type { Invocation } from './cmd';
import { api, KubectlError } from './errors';
import { fetchObjects } from './resources';

type Field = 'labels' | 'annotations';

function change(inv: Invocation, field: Field): number {
  const { p, io } = inv;
  const verb = field === 'labels' ? 'label' : 'annotate';
  const isSpec = (a: string) => a.includes('=') || (a.endsWith('-') && !a.includes('/'));
  const specs = p.args.filter(isSpec);
  const resourceArgs = p.args.filter((a) => !isSpec(a));
  if (resourceArgs.length === 0) {
    throw new KubectlError(
      `error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${verb} -h' for help and examples`,
    );
  }
  if (specs.length === 0)
    throw new KubectlError(
      `error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required\nSee 'kubectl ${verb} -h' for help and examples`,
    );
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const s of specs) {
    if (!s.includes('=')) {
      remove.push(s.slice(0, -1));
      continue;
    }
    const eq = s.indexOf('=');
    const k = s.slice(0, eq);
    const v = s.slice(eq + 1);
    const keyErr = validateLabelKey(k);
    if (keyErr) throw new KubectlError(`error: invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${s}`);
    if (field === 'labels') {
      const valErr = validateLabelValue(v);
      if (valErr) throw new KubectlError(`error: invalid label value: "${s}": ${valErr}`);
    }
    set[k] = v;
  }
  const overwrite = flagBool(p, 'overwrite');
  const all = flagBool(p, 'all');
  const selector = flagString(p, 'selector');
  const targets: KubeObject[] = [];
  const errors: string[] = [];
  for (const r of parseResourceArgs(resourceArgs)) {
    if (r.names.length === 0 && !all && !selector) {
      throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
    }
    const f = fetchObjects(inv, r.info, r.names);
    targets.push(...f.objects);
    errors.push(...f.errors);
  }
  for (const obj of targets) {
    const current = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
    for (const [k, v] of Object.entries(set)) {
      if (!overwrite && Object.hasOwn(current, k) && current[k] !== v) {
        throw new KubectlError(`error: '${k}' already has a value (${current[k]}), and --overwrite is false`);
      }
    }
    const before = JSON.stringify(current);
    Object.assign(current, set);
    for (const k of remove) {
      if (!Object.hasOwn(current, k)) io.err(`${field === 'labels' ? 'label' : 'annotation'} "${k}" not found.`);
      delete current[k];
    }
    const metadata = { ...obj.metadata, [field]: current };
    if (Object.keys(current).length === 0) delete metadata[field];
    const changed = JSON.stringify(current) !== before;
    if (changed) api(() => inv.cluster.core.api.update({ ...obj, metadata }));
    const info = { ...parseResourceArgs([obj.kind])[0].info };
    let word = field === 'labels' ? 'labeled' : 'annotated';
    if (field === 'labels' && !changed) word = 'not labeled';
    else if (field === 'labels' && Object.keys(set).length === 0) word = 'unlabeled';
    io.out(`${resourceRef(info, obj.metadata.name)} ${word}\n`);
  }
  for (const e of errors) io.err(e);
  return errors.length > 0 ? 1 : 0;
}

export const label = (inv: Invocation) => change(inv, 'labels');
export const annotate = (inv: Invocation) => change(inv, 'annotations');
