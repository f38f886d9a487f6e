/**
 * The taint-eviction controller, after pkg/controller/tainteviction/taint_eviction.go.
 *
 * Pods on a node with NoExecute taints are deleted: at once if some taint is not
 * tolerated, after the smallest tolerationSeconds of the tolerations in use otherwise,
 * never if those tolerations have no tolerationSeconds. A scheduled deletion is
 * cancelled when the taints go away. Before deleting, the pod gets a DisruptionTarget
 * condition; the deletion itself is an ordinary graceful one, so a pod on a dead node
 * stays Terminating (no kubelet is left to confirm it).
 */
import type { WatchEvent } from '../api/store';
import { jsonEqual } from '../api/store';
import type { Condition, KubeObject, Node, Pod, Taint, Toleration } from '../api/types';
import type { ControllerContext } from './context';
import type { Controller } from './manager';
import { podsOnNode } from './podindex';
import { matchingTolerations, noExecuteTaints } from './taints';

export const TAINT_EVICTION = 'tainteviction';
const SOURCE = { component: 'taint-eviction-controller' };

/** The TimedWorkerQueue: pod key (ns/name) → pending deletion, or null once it has run. */
export interface TaintEvictionState {
  work: Record<string, { createdAt: number; fireAt: number } | null>;
}

function initState(): TaintEvictionState {
  return { work: {} };
}

export function createTaintEvictionController(): Controller {
  return {
    name: TAINT_EVICTION,
    onEvent(ev: WatchEvent, enqueue) {
      const o = ev.object;
      if (o.kind === 'Node') {
        // NodeUpdated: only a change of the NoExecute taints matters.
        if (ev.type === 'MODIFIED' && ev.old && jsonEqual(noExecute(ev.old), noExecute(o))) return;
        enqueue(`node/${o.metadata.name}`);
      } else if (o.kind === 'Pod') {
        // PodUpdated: only a new node or new tolerations matter.
        const old = ev.old;
        if (
          ev.type === 'MODIFIED' &&
          old &&
          old.spec?.nodeName === o.spec?.nodeName &&
          jsonEqual(old.spec?.tolerations ?? [], o.spec?.tolerations ?? [])
        ) {
          return;
        }
        enqueue(`pod/${o.metadata.namespace}/${o.metadata.name}`);
      }
    },
    reconcile(key, ctx) {
      const s = ctx.state(initState);
      if (key.startsWith('node/')) handleNodeUpdate(ctx, s, key.slice(5));
      else if (key.startsWith('pod/')) handlePodUpdate(ctx, s, key.slice(4));
      else if (key.startsWith('evict/')) fire(ctx, s, key.slice(6));
    },
  };
}

function noExecute(o: KubeObject): Taint[] {
  return noExecuteTaints(o.spec?.taints);
}

/**
 * getMinTolerationTime: the smallest tolerationSeconds in ms (≤0 counts as 0), or -1
 * when none of the tolerations in use has tolerationSeconds (tolerated forever).
 */
export function minTolerationMs(tolerations: Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000;
}

function splitKey(podKey: string): [string, string] {
  const i = podKey.indexOf('/');
  return [podKey.slice(0, i), podKey.slice(i + 1)];
}

function handleNodeUpdate(ctx: ControllerContext, s: TaintEvictionState, nodeName: string): void {
  const node = ctx.store.get('Node', undefined, nodeName) as Node | undefined;
  if (!node) return;
  const taints = noExecuteTaints(node.spec?.taints);
  for (const pod of podsOnNode(ctx.store, nodeName)) {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (taints.length === 0) cancelWork(ctx, s, key);
    else processPodOnNode(ctx, s, key, pod.spec.tolerations ?? [], taints);
  }
}

function handlePodUpdate(ctx: ControllerContext, s: TaintEvictionState, podKey: string): void {
  const [ns, name] = splitKey(podKey);
  const pod = ctx.store.get('Pod', ns, name) as Pod | undefined;
  if (!pod) {
    cancelWork(ctx, s, podKey);
    return;
  }
  const nodeName = pod.spec?.nodeName;
  if (!nodeName) return;
  const node = ctx.store.get('Node', undefined, nodeName) as Node | undefined;
  const taints = noExecuteTaints(node?.spec?.taints);
  // No NoExecute taints: whatever was scheduled was cancelled when they went away.
  if (taints.length === 0) return;
  processPodOnNode(ctx, s, podKey, pod.spec.tolerations ?? [], taints);
}

function processPodOnNode(
  ctx: ControllerContext,
  s: TaintEvictionState,
  podKey: string,
  tolerations: Toleration[],
  taints: Taint[],
): void {
  const now = ctx.clock.now();
  const [allTolerated, used] = matchingTolerations(taints, tolerations);
  if (!allTolerated) {
    // Deleted right away; anything scheduled for later is dropped first.
    cancelWork(ctx, s, podKey);
    addWork(ctx, s, podKey, now, now);
    return;
  }
  const min = minTolerationMs(used);
  if (min < 0) {
    cancelWork(ctx, s, podKey);
    return;
  }
  let start = now;
  const scheduled = s.work[podKey];
  if (scheduled) {
    // An earlier (or equal) deadline already stands; upstream keeps the earlier one.
    start = scheduled.createdAt;
    if (start + min <= now + min) return;
    cancelWork(ctx, s, podKey);
  }
  addWork(ctx, s, podKey, start, start + min);
}

/** TimedWorkerQueue.AddWork: ignored while an entry (pending or already run) exists. */
function addWork(ctx: ControllerContext, s: TaintEvictionState, podKey: string, createdAt: number, fireAt: number) {
  if (podKey in s.work) return;
  const now = ctx.clock.now();
  s.work[podKey] = { createdAt, fireAt };
  if (fireAt <= now) fire(ctx, s, podKey);
  else ctx.after(fireAt - now, `evict/${podKey}`);
}

/** cancelWorkWithEvent: drops the entry; a pending deletion is announced as cancelled. */
function cancelWork(ctx: ControllerContext, s: TaintEvictionState, podKey: string): void {
  if (!(podKey in s.work)) return;
  const pending = s.work[podKey] !== null;
  delete s.work[podKey];
  if (pending) {
    ctx.events.normal(SOURCE, podRef(ctx, podKey), 'TaintManagerEviction', `Cancelling deletion of Pod ${podKey}`);
  }
}

/** The timed worker fires: event, DisruptionTarget condition, then an ordinary delete. */
function fire(ctx: ControllerContext, s: TaintEvictionState, podKey: string): void {
  const w = s.work[podKey];
  // A timer whose work was cancelled or replaced by a later one is stale.
  if (!w || w.fireAt > ctx.clock.now()) return;
  ctx.events.normal(SOURCE, podRef(ctx, podKey), 'TaintManagerEviction', `Marking for deletion Pod ${podKey}`);
  const [ns, name] = splitKey(podKey);
  const pod = ctx.store.get('Pod', ns, name) as Pod | undefined;
  if (!pod) {
    // The delete failed (NotFound): upstream forgets the work instead of marking it done.
    delete s.work[podKey];
    return;
  }
  const conditions = withCondition(pod.status?.conditions ?? [], {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
    lastProbeTime: null,
    lastTransitionTime: ctx.clock.timestamp(),
  });
  if (conditions) ctx.api.updateStatus({ ...pod, status: { ...pod.status, conditions } });
  ctx.api.delete('Pod', ns, name);
  s.work[podKey] = null;
}

/** apipod.UpdatePodCondition: the new list, or undefined if nothing changes. */
export function withCondition(conditions: Condition[], c: Condition): Condition[] | undefined {
  const i = conditions.findIndex((x) => x.type === c.type);
  if (i < 0) return [...conditions, c];
  const old = conditions[i];
  const next = old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  if (
    old.status === next.status &&
    old.reason === next.reason &&
    old.message === next.message &&
    (old.lastProbeTime ?? null) === (next.lastProbeTime ?? null)
  ) {
    return undefined;
  }
  const out = [...conditions];
  out[i] = next;
  return out;
}

/**
 * emitPodDeletionEvent's reference: apiVersion, kind, name and namespace only — no uid —
 * so, as upstream, `kubectl describe pod` (which matches on uid) does not list these
 * events; `kubectl get events` does.
 */
function podRef(_ctx: ControllerContext, podKey: string): KubeObject {
  const [ns, name] = splitKey(podKey);
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns } } as KubeObject;
}
