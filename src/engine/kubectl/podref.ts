/**
 * The pod argument of logs and exec: `web` or `pod/web`, and the container kubectl picks
 * when -c is not given (the kubectl.kubernetes.io/default-container annotation, else the
 * first container), announcing the choice when there were several.
 */
import { fromLabelSelector, fromSet, matches, type Selector } from '../api/labels';
import type { KubeObject, Pod } from '../api/types';
import { activePodsLess } from '../controllers/activepods';
import { resolveKind } from './args';
import { type Invocation, namespaceOf } from './cmd';
import { KubectlError } from './errors';

export function findPod(inv: Invocation, arg: string): Pod {
  const slash = arg.indexOf('/');
  if (slash >= 0 && !['pod', 'pods', 'po'].includes(arg.slice(0, slash))) {
    return podForObject(inv, arg.slice(0, slash), arg.slice(slash + 1));
  }
  const name = slash >= 0 ? arg.slice(slash + 1) : arg;
  const pod = inv.cluster.get('Pod', name, namespaceOf(inv)) as Pod | undefined;
  if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${name}" not found`);
  return pod;
}

/** The kinds whose pods kubectl can pick by selector (polymorphichelpers.AttachablePodForObject). */
const SELECTOR_OF: Record<string, (o: KubeObject) => Selector | undefined> = {
  Deployment: (o) => fromLabelSelector(o.spec?.selector),
  ReplicaSet: (o) => fromLabelSelector(o.spec?.selector),
  StatefulSet: (o) => fromLabelSelector(o.spec?.selector),
  DaemonSet: (o) => fromLabelSelector(o.spec?.selector),
  Job: (o) => fromLabelSelector(o.spec?.selector),
  ReplicationController: (o) => (o.spec?.selector ? fromSet(o.spec.selector) : undefined),
  Service: (o) => (o.spec?.selector ? fromSet(o.spec.selector) : undefined),
};

/**
 * `deployment/web`, `job/pi`, …: the object's selected pods, sorted as kubectl's
 * GetFirstPod sorts them (the most active first: assigned, running, ready longest,
 * fewest restarts, oldest), announcing the pick when there were several.
 */
function podForObject(inv: Invocation, type: string, name: string): Pod {
  const info = resolveKind(type);
  const ns = namespaceOf(inv);
  const selectorOf = SELECTOR_OF[info.kind];
  if (!selectorOf)
    throw new KubectlError(`error: cannot attach to ${info.kind}: selector for ${info.kind} not implemented`);
  const obj = inv.cluster.get(info.kind, name, ns);
  if (!obj) throw new KubectlError(`Error from server (NotFound): ${resourcePlural(info)} "${name}" not found`);
  const selector = selectorOf(obj);
  const pods = selector
    ? (inv.cluster.list('Pod', ns) as Pod[]).filter((p) => matches(selector, p.metadata.labels))
    : [];
  if (pods.length === 0) throw new KubectlError('error: timed out waiting for the condition');
  // sort.Reverse(ActivePods): the pod ActivePods would delete last comes first.
  const best = [...pods].sort((a, b) => (activePodsLess(b, a) ? -1 : activePodsLess(a, b) ? 1 : 0))[0];
  if (pods.length > 1) inv.io.err(`Found ${pods.length} pods, using pod/${best.metadata.name}`);
  return best;
}

function resourcePlural(info: ReturnType<typeof resolveKind>): string {
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

export function pickContainer(inv: Invocation, pod: Pod, requested: string | undefined): string {
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  if (requested) {
    if (![...containers, ...inits].some((c) => c.name === requested)) {
      throw new KubectlError(`error: container ${requested} is not valid for pod ${pod.metadata.name}`);
    }
    return requested;
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  const first = containers[0]?.name ?? '';
  if (containers.length + inits.length > 1) {
    const all = [...containers.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)];
    inv.io.err(`Defaulted container "${first}" out of: ${all.join(', ')}`);
  }
  return first;
}
