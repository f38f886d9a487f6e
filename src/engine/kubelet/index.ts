/**
 * The kubelets: one agent per node, run as one controller whose keys name either a
 * node (n/<node>: heartbeats and node status) or a pod (p/<ns>/<name>: the pod
 * worker). Watch events only turn into keys; all work happens in reconcile.
 */
import { jsonEqual } from '../api/store';
import type { Node, Pod } from '../api/types';
import type { Controller } from '../controllers/manager';
import { ensureAgent, NODE_KEY, syncNode } from './nodeagent';
import { POD_KEY, podKey, syncPod } from './podworker';
import { type KubeletState, newKubeletState } from './state';
import { SOURCE_KEY, sourceChanged } from './volumes';

export const KUBELET = 'kubelet';

/**
 * A pod change the kubelet must act on: a new binding, a spec or deletion change, removal,
 * or (for pods with readiness gates) a condition set by someone else. Its own status
 * writes come back as events too; they need no sync.
 */
function podChanged(ev: { type: string; object: Pod; old?: Pod }): boolean {
  if (ev.type !== 'MODIFIED' || !ev.old) return true;
  const a = ev.old;
  const b = ev.object;
  if (a.spec !== b.spec && !jsonEqual(a.spec, b.spec)) return true;
  if (
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    a.metadata.deletionGracePeriodSeconds !== b.metadata.deletionGracePeriodSeconds ||
    a.metadata.uid !== b.metadata.uid
  ) {
    return true;
  }
  const gates = b.spec?.readinessGates as { conditionType: string }[] | undefined;
  if (!gates || gates.length === 0) return false;
  const cond = (p: Pod, t: string) => p.status?.conditions?.find((c) => c.type === t)?.status;
  return gates.some((g) => cond(a, g.conditionType) !== cond(b, g.conditionType));
}

export function createKubelet(): Controller {
  return {
    name: KUBELET,
    onEvent(ev, enqueue) {
      if (ev.object.kind === 'Pod') {
        const pod = ev.object as Pod;
        const bound = pod.spec?.nodeName || (ev.old as Pod | undefined)?.spec?.nodeName;
        if (bound && podChanged(ev as { type: string; object: Pod; old?: Pod })) {
          enqueue(podKey(pod.metadata.namespace ?? 'default', pod.metadata.name));
        }
      } else if (ev.object.kind === 'ConfigMap' || ev.object.kind === 'Secret') {
        if (ev.type !== 'ADDED') {
          enqueue(`${SOURCE_KEY}${ev.object.kind}/${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
        }
      } else if (ev.object.kind === 'Node' && ev.type !== 'MODIFIED') {
        enqueue(`${NODE_KEY}${ev.object.metadata.name}`);
      }
    },
    start(ctx) {
      const st = ctx.state<KubeletState>(newKubeletState);
      for (const n of ctx.store.list('Node') as Node[]) {
        ensureAgent(ctx, st, n);
        ctx.enqueue(KUBELET, `${NODE_KEY}${n.metadata.name}`);
      }
    },
    reconcile(key, ctx) {
      const st = ctx.state<KubeletState>(newKubeletState);
      if (key.startsWith(NODE_KEY)) {
        syncNode(ctx, st, key.slice(NODE_KEY.length));
      } else if (key.startsWith(SOURCE_KEY)) {
        sourceChanged(ctx, st, key);
      } else if (key.startsWith(POD_KEY)) {
        const rest = key.slice(POD_KEY.length);
        const slash = rest.indexOf('/');
        syncPod(ctx, st, rest.slice(0, slash), rest.slice(slash + 1));
      }
    },
  };
}
