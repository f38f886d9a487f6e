/**
 * Zone disruption, after node_lifecycle_controller.go handleDisruption /
 * ComputeZoneState / setLimiterInZone: how many of a zone's nodes are not Ready decides
 * how fast (if at all) its nodes get the NoExecute taints.
 */
import type { Node } from '../api/types';
import type { ControllerContext } from './context';
import type { NodeLifecycleState } from './nodelifecycle';
import { swapLimiter } from './ratelimitedqueue';

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** ComputeZoneState: no Ready node → full disruption; >2 and ≥55% not Ready → partial. */
export function computeZoneState(
  statuses: (string | undefined)[],
  unhealthyZoneThreshold: number,
): [number, ZoneState] {
  const ready = statuses.filter((st) => st === 'True').length;
  const notReady = statuses.length - ready;
  if (ready === 0 && notReady > 0) return [notReady, 'FullDisruption'];
  if (notReady > 2 && notReady / statuses.length >= unhealthyZoneThreshold) return [notReady, 'PartialDisruption'];
  return [notReady, 'Normal'];
}

/**
 * handleDisruption: when every zone is fully disrupted the controller assumes its own
 * connectivity is at fault and stops evicting (it even lifts the NoExecute taints);
 * a partially disrupted small zone stops tainting too.
 */
export function handleDisruption(
  ctx: ControllerContext,
  s: NodeLifecycleState,
  zoneConditions: Record<string, (string | undefined)[]>,
  nodes: Node[],
  markNodeAsReachable: (node: Node) => void,
): void {
  const now = ctx.clock.now();
  const newStates: Record<string, ZoneState> = {};
  let allAreFullyDisrupted = true;
  for (const [zone, statuses] of Object.entries(zoneConditions)) {
    const [, state] = computeZoneState(statuses, ctx.timings.unhealthyZoneThreshold);
    if (state !== 'FullDisruption') allAreFullyDisrupted = false;
    newStates[zone] = state;
    s.zoneStates[zone] ??= 'Initial';
  }
  let allWereFullyDisrupted = true;
  for (const zone of Object.keys(s.zoneStates)) {
    if (!(zone in zoneConditions)) {
      delete s.zoneStates[zone];
      continue;
    }
    if (s.zoneStates[zone] !== 'FullDisruption') allWereFullyDisrupted = false;
  }
  if (allAreFullyDisrupted && allWereFullyDisrupted) return;
  const setLimiter = (zone: string, state: ZoneState) => {
    const q = s.tainters[zone];
    if (!q) return;
    const size = zoneConditions[zone]?.length ?? 0;
    const t = ctx.timings;
    const qps =
      state === 'PartialDisruption'
        ? size > t.largeClusterSizeThreshold
          ? t.secondaryNodeEvictionRate
          : 0
        : t.nodeEvictionRate;
    swapLimiter(q, qps, now);
  };
  if (allAreFullyDisrupted) {
    for (const node of nodes) markNodeAsReachable(node);
    for (const zone of Object.keys(s.zoneStates)) if (s.tainters[zone]) swapLimiter(s.tainters[zone], 0, now);
    for (const zone of Object.keys(s.zoneStates)) s.zoneStates[zone] = 'FullDisruption';
    return;
  }
  if (allWereFullyDisrupted) {
    // Coming back: give every node a fresh grace period before judging it again.
    for (const node of nodes) {
      const h = s.health[node.metadata.name];
      if (h) h.probe = now;
    }
    for (const zone of Object.keys(s.zoneStates)) {
      setLimiter(zone, newStates[zone]);
      s.zoneStates[zone] = newStates[zone];
    }
    return;
  }
  for (const zone of Object.keys(s.zoneStates)) {
    if (s.zoneStates[zone] === newStates[zone]) continue;
    setLimiter(zone, newStates[zone]);
    s.zoneStates[zone] = newStates[zone];
  }
}
