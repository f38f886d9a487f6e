/**
 * kubectl drain NODE (kubectl pkg/cmd/drain/drain.go and pkg/drain/filters.go): cordon,
 * then evict every pod except mirror pods, refusing DaemonSet-managed pods, pods with
 * emptyDir data and pods without a controller unless the matching flag allows them.
 * Evictions delete with the pod's grace period; the playground does not wait for them.
 */
import type { Pod } from '../api/types';
import { flagBool, flagInt } from './args';
import type { Invocation } from './cmd';
import { nodesFromArgs, setUnschedulable } from './cordon';
import { byNamespaceThenName } from './resources';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

interface Plan {
  evict: Pod[];
  errors: Map<string, string[]>;
  warnings: Map<string, string[]>;
}

function add(m: Map<string, string[]>, key: string, pod: Pod): void {
  const list = m.get(key) ?? [];
  list.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
  m.set(key, list);
}

function plan(inv: Invocation, nodeName: string): Plan {
  const p: Plan = { evict: [], errors: new Map(), warnings: new Map() };
  const force = flagBool(inv.p, 'force');
  const ignoreDs = flagBool(inv.p, 'ignore-daemonsets');
  const emptyDirOk = flagBool(inv.p, 'delete-emptydir-data') || flagBool(inv.p, 'delete-local-data');
  // Listed through the API (a field selector on spec.nodeName), so in namespace/name order.
  const pods = (inv.cluster.list('Pod') as Pod[])
    .filter((pod) => pod.spec?.nodeName === nodeName)
    .sort(byNamespaceThenName);
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    // Mirror pods belong to the kubelet's static manifests; the API cannot remove them.
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const controller = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (controller?.kind === 'DaemonSet' && !finished) {
      add(ignoreDs ? p.warnings : p.errors, ignoreDs ? DAEMONSET_WARNING : DAEMONSET_FATAL, pod);
      continue;
    }
    if (!finished && (pod.spec?.volumes ?? []).some((v: any) => v?.emptyDir)) {
      if (!emptyDirOk) {
        add(p.errors, LOCAL_STORAGE_FATAL, pod);
        continue;
      }
      add(p.warnings, LOCAL_STORAGE_WARNING, pod);
    }
    if (!controller && !finished) {
      if (!force) {
        add(p.errors, UNMANAGED_FATAL, pod);
        continue;
      }
      add(p.warnings, UNMANAGED_WARNING, pod);
    }
    p.evict.push(pod);
  }
  return p;
}

export function drain(inv: Invocation): number {
  const { io } = inv;
  const nodes = nodesFromArgs(inv, 'drain');
  const grace = flagInt(inv.p, 'grace-period');
  for (const node of nodes) {
    const changed = setUnschedulable(inv, node, true);
    io.out(`node/${node.metadata.name} ${changed ? 'cordoned' : 'already cordoned'}\n`);
  }
  const pending: string[] = [];
  const fatal: string[] = [];
  for (const node of nodes) {
    const p = plan(inv, node.metadata.name);
    if (p.errors.size > 0) {
      const msgs = [...p.errors].map(([k, pods]) => `cannot delete ${k}: ${pods.join(', ')}`);
      const err = msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
      io.err(`error: unable to drain node "${node.metadata.name}" due to error: ${err}, continuing command...`);
      pending.push(node.metadata.name);
      fatal.push(...msgs);
      continue;
    }
    for (const [k, pods] of p.warnings) io.err(`Warning: ${k}: ${pods.join(', ')}`);
    for (const pod of p.evict) io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
    for (const pod of p.evict) {
      inv.cluster.delete(
        'Pod',
        pod.metadata.name,
        pod.metadata.namespace,
        grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {},
      );
      io.out(`pod/${pod.metadata.name} evicted\n`);
    }
    io.out(`node/${node.metadata.name} drained\n`);
  }
  if (pending.length === 0) return 0;
  io.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}`).join('\n')}`);
  io.err(`error: ${fatal.length === 1 ? fatal[0] : `[${fatal.join(', ')}]`}`);
  return 1;
}
