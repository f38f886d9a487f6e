/** printNode: NAME STATUS ROLES AGE VERSION, wide adds addresses, OS, kernel and runtime. */
import type { Node } from '../../api/types';
import { since } from '../age';
import type { Printer } from './types';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

/** Only the Ready condition is shown: Ready, NotReady (False or Unknown) or Unknown when absent. */
export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export const nodePrinter: Printer = {
  headers: (wide) => [
    'NAME',
    'STATUS',
    'ROLES',
    'AGE',
    'VERSION',
    ...(wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : []),
  ],
  row(obj, ctx) {
    const node = obj as Node;
    const roles = nodeRoles(node);
    const info = node.status?.nodeInfo ?? {};
    const cells = [
      node.metadata.name,
      nodeStatus(node),
      roles.length > 0 ? roles.join(',') : '<none>',
      since(node.metadata.creationTimestamp, ctx.now),
      info.kubeletVersion ?? '',
    ];
    if (!ctx.wide) return cells;
    return [
      ...cells,
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};
