/** kubectl describe node, in describeNode's order (kubectl pkg/describe/describe.go). */
import { bytes, cpuMilli, formatBytes, formatCpu } from '../api/quantity';
import type { Node, Pod } from '../api/types';
import type { Cluster } from '../index';
import { rfc1123z, since } from './age';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels, writeTaints } from './describe-util';
import { nodeRoles } from './printers/node';
import { byNamespaceThenName } from './resources';

export function describeNode(cluster: Cluster, node: Node): string {
  const now = cluster.now();
  const w = new DescribeWriter();
  const name = node.metadata.name;
  w.write(0, `Name:\t${name}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const lease = cluster.get('Lease', name, 'kube-node-lease');
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  } else {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
  }
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const k of keys) w.write(0, `  ${k}:\t${(list as Record<string, string>)[k]}\n`);
  }
  const info = node.status?.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${(node.spec.podCIDRs ?? []).join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = (cluster.list('Pod') as Pod[])
    .filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort(byNamespaceThenName);
  writeNodeResources(w, node, pods, now);
  writeEvents(w, eventsFor(cluster, node), now);
  return w.toString();
}

interface Usage {
  cpuReq: number;
  cpuLim: number;
  memReq: number;
  memLim: number;
  ephReq: number;
  ephLim: number;
}

/**
 * PodRequestsAndLimits: the sum over app containers, or the largest init container
 * when that is bigger (init containers run one at a time); sidecars add up.
 */
function podUsage(pod: Pod): Usage {
  const sum = (list: any[], which: 'requests' | 'limits', res: string, f: (q: any) => number) =>
    list.reduce((n, c) => n + f(c.resources?.[which]?.[res]), 0);
  const max = (list: any[], which: 'requests' | 'limits', res: string, f: (q: any) => number) =>
    list.reduce((n, c) => Math.max(n, f(c.resources?.[which]?.[res])), 0);
  const app = pod.spec?.containers ?? [];
  const init = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy !== 'Always');
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  const all = [...app, ...sidecars];
  const pick = (which: 'requests' | 'limits', res: string, f: (q: any) => number) =>
    Math.max(sum(all, which, res, f), max(init, which, res, f));
  return {
    cpuReq: pick('requests', 'cpu', cpuMilli),
    cpuLim: pick('limits', 'cpu', cpuMilli),
    memReq: pick('requests', 'memory', bytes),
    memLim: pick('limits', 'memory', bytes),
    ephReq: pick('requests', 'ephemeral-storage', bytes),
    ephLim: pick('limits', 'ephemeral-storage', bytes),
  };
}

const pct = (n: number, of: number) => (of > 0 ? Math.trunc((n / of) * 100) : 0);

function writeNodeResources(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  const alloc =
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const cpu = cpuMilli(alloc.cpu);
  const mem = bytes(alloc.memory);
  const eph = bytes(alloc['ephemeral-storage']);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total: Usage = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, ephReq: 0, ephLim: 0 };
  for (const pod of pods) {
    const u = podUsage(pod);
    for (const k of Object.keys(total) as (keyof Usage)[]) total[k] += u[k];
    w.write(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${formatCpu(u.cpuReq)} (${pct(u.cpuReq, cpu)}%)\t${formatCpu(u.cpuLim)} (${pct(u.cpuLim, cpu)}%)\t${formatBytes(u.memReq)} (${pct(u.memReq, mem)}%)\t${formatBytes(u.memLim)} (${pct(u.memLim, mem)}%)\t${since(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(
    1,
    `cpu\t${formatCpu(total.cpuReq)} (${pct(total.cpuReq, cpu)}%)\t${formatCpu(total.cpuLim)} (${pct(total.cpuLim, cpu)}%)\n`,
  );
  w.write(
    1,
    `memory\t${formatBytes(total.memReq)} (${pct(total.memReq, mem)}%)\t${formatBytes(total.memLim)} (${pct(total.memLim, mem)}%)\n`,
  );
  w.write(
    1,
    `ephemeral-storage\t${formatBytes(total.ephReq)} (${pct(total.ephReq, eph)}%)\t${formatBytes(total.ephLim)} (${pct(total.ephLim, eph)}%)\n`,
  );
  // Huge pages the node offers get a row each, as kubectl adds them after the standard three.
  for (const r of Object.keys(alloc)
    .filter((k) => k.startsWith('hugepages-'))
    .sort()) {
    const sum = (which: 'requests' | 'limits') =>
      pods.reduce(
        (n, pod) => n + (pod.spec?.containers ?? []).reduce((m, c) => m + bytes(c.resources?.[which]?.[r]), 0),
        0,
      );
    const of = bytes(alloc[r]);
    const [req, lim] = [sum('requests'), sum('limits')];
    w.write(1, `${r}\t${formatBytes(req)} (${pct(req, of)}%)\t${formatBytes(lim)} (${pct(lim, of)}%)\n`);
  }
}
