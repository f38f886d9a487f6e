/** kubectl cordon / uncordon NODE (kubectl pkg/cmd/drain: RunCordonOrUncordon). */
import type { Node } from '../api/types';
import { flagString } from './args';
import type { Invocation } from './cmd';
import { api, KubectlError } from './errors';
import { labelFilter } from './selectors';

/** Sets spec.unschedulable through the API, as kubectl's patch does; false when nothing changed. */
export function setUnschedulable(inv: Invocation, node: Node, desired: boolean): boolean {
  if ((node.spec?.unschedulable === true) === desired) return false;
  const spec = { ...(node.spec ?? {}) };
  if (desired) spec.unschedulable = true;
  else delete spec.unschedulable;
  api(() => inv.cluster.core.api.update({ ...node, spec }));
  return true;
}

export function nodesFromArgs(inv: Invocation, verb: string): Node[] {
  const selector = flagString(inv.p, 'selector');
  if (inv.p.args.length === 0 && !selector) {
    throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  }
  if (selector) {
    const match = labelFilter(selector);
    return (inv.cluster.list('Node') as Node[]).filter(match);
  }
  return inv.p.args.map((arg) => {
    const name = arg.replace(/^(node|nodes|no)\//, '');
    const node = inv.cluster.get('Node', name) as Node | undefined;
    if (!node) throw new KubectlError(`Error from server (NotFound): nodes "${name}" not found`);
    return node;
  });
}

function cordonOrUncordon(inv: Invocation, desired: boolean): number {
  const word = desired ? 'cordoned' : 'uncordoned';
  for (const node of nodesFromArgs(inv, desired ? 'cordon' : 'uncordon')) {
    const changed = setUnschedulable(inv, node, desired);
    inv.io.out(`node/${node.metadata.name} ${changed ? word : `already ${word}`}\n`);
  }
  return 0;
}

export const cordon = (inv: Invocation) => cordonOrUncordon(inv, true);
export const uncordon = (inv: Invocation) => cordonOrUncordon(inv, false);
