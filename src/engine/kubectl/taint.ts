/**
 * kubectl taint NODE key[=value]:Effect ... / key[:Effect]- (kubectl pkg/cmd/taint):
 * `node/node-1 tainted`, `untainted`, and the real refusals.
 */

import { validateLabelKey, validateLabelValue } from '../api/labels';
import type { Node, Taint } from '../api/types';
import { flagBool } from './args';
import type { Invocation } from './cmd';
import { nodesFromArgs } from './cordon';
import { api, KubectlError } from './errors';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

interface Spec {
  key: string;
  value?: string;
  effect?: string;
  remove: boolean;
}

function parseSpec(s: string): Spec {
  const remove = s.endsWith('-');
  const body = remove ? s.slice(0, -1) : s;
  const colon = body.lastIndexOf(':');
  const kv = colon >= 0 ? body.slice(0, colon) : body;
  const effect = colon >= 0 ? body.slice(colon + 1) : undefined;
  const eq = kv.indexOf('=');
  const key = eq >= 0 ? kv.slice(0, eq) : kv;
  const value = eq >= 0 ? kv.slice(eq + 1) : undefined;
  if (!remove && effect === undefined)
    throw new KubectlError(`error: invalid taint spec: ${s}, unknown taint spec, format is key=value:Effect`);
  if (effect !== undefined && !EFFECTS.includes(effect)) {
    throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
  }
  if (validateLabelKey(key) || (value !== undefined && validateLabelValue(value))) {
    throw new KubectlError(
      `error: invalid taint spec: ${s}, ${validateLabelKey(key) ?? validateLabelValue(value ?? '')}`,
    );
  }
  return { key, value, effect, remove };
}

export function taint(inv: Invocation): number {
  const { p, io } = inv;
  const [type, ...rest] = p.args;
  if (!type || !['node', 'nodes', 'no'].includes(type.split('/')[0])) {
    throw new KubectlError(
      "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples",
    );
  }
  const nodeArgs = type.includes('/')
    ? [type]
    : rest.filter((a) => !a.includes(':') && !a.includes('=') && !a.endsWith('-'));
  const specs = (type.includes('/') ? rest : rest.slice(nodeArgs.length)).map(parseSpec);
  if (specs.length === 0)
    throw new KubectlError(
      "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples",
    );
  const overwrite = flagBool(p, 'overwrite');
  const nodes = nodesFromArgs({ ...inv, p: { ...p, args: nodeArgs } }, 'taint');
  const adds = specs.filter((x) => !x.remove);
  const removes = specs.filter((x) => x.remove);
  for (const node of nodes) {
    const old: Taint[] = node.spec?.taints ?? [];
    const conflicts = adds.filter((s) => old.some((t) => t.key === s.key && t.effect === s.effect));
    if (conflicts.length > 0 && !overwrite) {
      throw new KubectlError(
        `error: node ${node.metadata.name} already has ${conflicts.map((c) => c.key).join(',')} taint(s) with same effect(s) and --overwrite is false`,
      );
    }
    // reorganizeTaints: the new taints first, then the old ones they do not replace.
    let taints: Taint[] = adds.map((s) => ({
      key: s.key,
      ...(s.value ? { value: s.value } : {}),
      effect: s.effect as Taint['effect'],
    }));
    taints.push(...old.filter((t) => !adds.some((s) => s.key === t.key && s.effect === t.effect)));
    for (const s of removes) {
      const before = taints.length;
      taints = taints.filter((t) => !(t.key === s.key && (s.effect === undefined || t.effect === s.effect)));
      if (taints.length === before) {
        throw new KubectlError(`error: taint ${JSON.stringify(s.effect ? `${s.key}:${s.effect}` : s.key)} not found`);
      }
    }
    const spec = { ...(node.spec ?? {}) } as Node['spec'];
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    api(() => inv.cluster.core.api.update({ ...node, spec }));
    const word =
      overwrite || (adds.length > 0 && removes.length > 0) ? 'modified' : adds.length > 0 ? 'tainted' : 'untainted';
    io.out(`node/${node.metadata.name} ${word}\n`);
  }
  return 0;
}
