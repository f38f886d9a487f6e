/** printPod: NAME READY STATUS RESTARTS AGE, wide adds IP NODE NOMINATED NODE READINESS GATES. */
import type { Pod } from '../../api/types';
import { humanDuration, since } from '../age';
import { podColumns } from '../podstatus';
import type { Printer } from './types';

export const podPrinter: Printer = {
  headers: (wide) => [
    'NAME',
    'READY',
    'STATUS',
    'RESTARTS',
    'AGE',
    ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
  ],
  row(obj, ctx) {
    const pod = obj as Pod;
    const cols = podColumns(pod);
    // "3 (2m ago)": the count, then how long since the last container termination.
    const restarts =
      cols.restarts !== 0 && cols.lastRestartAt !== undefined
        ? `${cols.restarts} (${humanDuration(ctx.now - cols.lastRestartAt)} ago)`
        : String(cols.restarts);
    const cells = [
      pod.metadata.name,
      cols.ready,
      cols.status,
      restarts,
      since(pod.metadata.creationTimestamp, ctx.now),
    ];
    if (!ctx.wide) return cells;
    const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
    const gates: { conditionType: string }[] = Array.isArray(pod.spec?.readinessGates)
      ? (pod.spec.readinessGates as any)
      : [];
    let readinessGates = '<none>';
    if (gates.length > 0) {
      const conds = pod.status?.conditions ?? [];
      const ok = gates.filter((g) => conds.find((c) => c.type === g.conditionType)?.status === 'True').length;
      readinessGates = `${ok}/${gates.length}`;
    }
    return [...cells, ip, pod.spec?.nodeName || '<none>', pod.status?.nominatedNodeName || '<none>', readinessGates];
  },
};
