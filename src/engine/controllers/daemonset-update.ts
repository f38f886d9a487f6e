/**
 * The DaemonSet's revision history and rolling update, after
 * pkg/controller/daemon/update.go (constructHistory, snapshot, dedupCurHistories,
 * cleanupHistory, rollingUpdate, findUpdatedPodsOnNode).
 *
 * The current revision's hash (controller.ComputeHash of the template) labels every
 * new pod; a pod with another hash is old. With maxSurge 0 the update deletes old
 * pods, at most maxUnavailable nodes without an available pod at a time, and the
 * manage loop creates the replacements once the old pods are gone. With maxSurge the
 * new pod starts beside the old one, which goes once the new one is available.
 */
import { fromLabelSelector } from '../api/labels';
import type { Node, Pod } from '../api/types';
import type { ControllerRevision, DaemonSet } from '../api/workload-types';
import type { ControllerContext } from './context';
import { newControllerRef } from './controllerref';
import { nodeShouldRunDaemonPod, surgeCount, unavailableCount } from './daemonset-util';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  computeTemplateHash,
  DEFAULT_REVISION_HISTORY_LIMIT,
  deleteRevision,
  listOwnedRevisions,
  nextRevision,
  revisionRaw,
  sortRevisions,
  templatePatch,
  updateRevisionNumber,
} from './history';
import { isPodAvailable } from './podutil';

/** Match: the revision holds exactly this DaemonSet's template patch. */
export function matchesRevision(ds: DaemonSet, rev: ControllerRevision): boolean {
  return templatePatch(ds) === revisionRaw(rev);
}

/**
 * constructHistory: the current revision (created, or renumbered to the newest) and
 * the old ones. Revisions without the hash label get their name as the label.
 */
export function constructHistory(
  ctx: ControllerContext,
  ds: DaemonSet,
): { cur: ControllerRevision; old: ControllerRevision[] } {
  const selector = fromLabelSelector(ds.spec.selector);
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let rev of listOwnedRevisions(ctx, ds, selector)) {
    if (!rev.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]) {
      const labels = { ...(rev.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: rev.metadata.name };
      rev = ctx.api.replace({ ...rev, metadata: { ...rev.metadata, labels } }) as ControllerRevision;
    }
    (matchesRevision(ds, rev) ? current : old).push(rev);
  }
  const currRevision = nextRevision(old);
  let cur: ControllerRevision;
  if (current.length === 0) cur = snapshot(ctx, ds, currRevision);
  else {
    cur = dedupCurHistories(ctx, ds, current);
    if (cur.revision < currRevision) cur = updateRevisionNumber(ctx, cur, currRevision);
  }
  return { cur, old };
}

/**
 * snapshot: a new revision named `<ds>-<ComputeHash>`. A name taken by another
 * template is a hash collision: the DaemonSet's status.collisionCount goes up and the
 * next sync hashes again (upstream returns the AlreadyExists error to retry).
 */
function snapshot(ctx: ControllerContext, ds: DaemonSet, revision: number): ControllerRevision {
  const collisionCount = ds.status?.collisionCount;
  for (let probe = collisionCount ?? 0; ; probe++) {
    const hash = computeTemplateHash(ds.spec.template, probe === 0 && collisionCount === undefined ? undefined : probe);
    const name = `${ds.metadata.name}-${hash}`;
    const existing = ctx.store.get('ControllerRevision', ds.metadata.namespace, name) as ControllerRevision | undefined;
    if (existing && matchesRevision(ds, existing)) return existing;
    if (existing) continue;
    if (probe !== (collisionCount ?? 0)) {
      const fresh = ctx.store.get('DaemonSet', ds.metadata.namespace, ds.metadata.name) as DaemonSet;
      ctx.api.updateStatus({ ...fresh, status: { ...fresh.status, collisionCount: probe } as DaemonSet['status'] });
    }
    const rev = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ds.metadata.namespace,
        labels: { ...(ds.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [newControllerRef(ds)],
      },
      data: JSON.parse(templatePatch(ds)),
      revision,
    } as unknown as ControllerRevision;
    return ctx.api.create(rev) as ControllerRevision;
  }
}

/** dedupCurHistories: keep the highest-numbered equal revision, relabel pods onto it, drop the rest. */
function dedupCurHistories(ctx: ControllerContext, ds: DaemonSet, current: ControllerRevision[]): ControllerRevision {
  if (current.length === 1) return current[0];
  let keep = current[0];
  for (const c of current) if (c.revision >= keep.revision) keep = c;
  const keepHash = keep.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] as string;
  for (const c of current) {
    if (c.metadata.name === keep.metadata.name) continue;
    const stale = c.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
    for (const p of ctx.store.list('Pod', ds.metadata.namespace) as Pod[]) {
      if (
        p.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid) &&
        p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === stale
      ) {
        const labels = { ...p.metadata.labels, [CONTROLLER_REVISION_HASH_LABEL]: keepHash };
        ctx.api.replace({ ...p, metadata: { ...p.metadata, labels } });
      }
    }
    deleteRevision(ctx, c);
  }
  return keep;
}

/**
 * cleanupHistory: beyond revisionHistoryLimit old revisions, delete the oldest —
 * skipping (but counting) those whose hash a daemon pod still carries.
 */
export function cleanupHistory(
  ctx: ControllerContext,
  ds: DaemonSet,
  old: ControllerRevision[],
  nodeToPods: Map<string, Pod[]>,
): void {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT);
  if (toKill <= 0) return;
  const liveHashes = new Set<string>();
  for (const pods of nodeToPods.values()) {
    for (const p of pods) {
      const h = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (h) liveHashes.add(h);
    }
  }
  for (const rev of sortRevisions(old)) {
    if (toKill <= 0) break;
    if (liveHashes.has(rev.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
    deleteRevision(ctx, rev);
    toKill--;
  }
}

/** findUpdatedPodsOnNode: the one new and one old pod on a node; ok false when there are more. */
function findUpdatedPodsOnNode(pods: Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) {
      if (newPod) return { ok: false };
      newPod = p;
    } else {
      if (oldPod) return { ok: false };
      oldPod = p;
    }
  }
  return { newPod, oldPod, ok: true };
}

/**
 * updatedDesiredNodeCounts: every node that should run a pod gets an entry, and the
 * limits are scaled against their number. A DaemonSet that allows neither surge nor
 * unavailability still moves, one node at a time.
 */
function desiredNodeCounts(
  ds: DaemonSet,
  nodes: Node[],
  nodeToPods: Map<string, Pod[]>,
): { maxSurge: number; maxUnavailable: number } {
  let desired = 0;
  for (const n of nodes) {
    if (!nodeShouldRunDaemonPod(n, ds).shouldRun) continue;
    desired++;
    if (!nodeToPods.has(n.metadata.name)) nodeToPods.set(n.metadata.name, []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** What one rolling-update pass wants done: pods to delete, nodes to create a surge pod on. */
export interface RollingUpdatePlan {
  podsToDelete: Pod[];
  nodesToCreate: string[];
}

/**
 * rollingUpdate's decision, pure over the node → pods map. Nodes are visited in name
 * order (upstream ranges over a Go map, in no order).
 */
export function planRollingUpdate(
  ds: DaemonSet,
  nodes: Node[],
  nodeToPodsIn: Map<string, Pod[]>,
  hash: string,
  nowMs: number,
): RollingUpdatePlan {
  const nodeToPods = new Map(nodeToPodsIn);
  const { maxSurge, maxUnavailable } = desiredNodeCounts(ds, nodes, nodeToPods);
  const minReady = ds.spec.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, nowMs);
  const names = [...nodeToPods.keys()].sort();
  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowedReplacements: Pod[] = [];
    const candidates: Pod[] = [];
    for (const name of names) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(nodeToPods.get(name) ?? [], hash);
      if (!ok) {
        // the manage loop cleans up this node first
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) allowedReplacements.push(oldPod);
        else if (numUnavailable < maxUnavailable) candidates.push(oldPod);
      }
    }
    const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length);
    return { podsToDelete: [...allowedReplacements, ...candidates.slice(0, remaining)], nodesToCreate: [] };
  }
  let numSurge = 0;
  const allowedNewNodes: string[] = [];
  const candidateNewNodes: string[] = [];
  const podsToDelete: Pod[] = [];
  for (const name of names) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(nodeToPods.get(name) ?? [], hash);
    if (!ok || !oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) allowedNewNodes.push(name);
      else if (numSurge < maxSurge) candidateNewNodes.push(name);
    } else if (!available(newPod)) {
      // waiting for the surge pod to become available here
      numSurge++;
    } else {
      podsToDelete.push(oldPod);
    }
  }
  const remaining = Math.min(Math.max(maxSurge - numSurge, 0), candidateNewNodes.length);
  return { podsToDelete, nodesToCreate: [...allowedNewNodes, ...candidateNewNodes.slice(0, remaining)] };
}
