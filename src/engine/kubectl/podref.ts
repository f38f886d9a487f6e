/**
 * The pod argument of logs and exec: `web` or `pod/web`, and the container kubectl picks
 * when -c is not given (the kubectl.kubernetes.io/default-container annotation, else the
 * first container), announcing the choice when there were several.
 */
import type { Pod } from '../api/types';
import { type Invocation, namespaceOf } from './cmd';
import { KubectlError } from './errors';

export function findPod(inv: Invocation, arg: string): Pod {
  let name = arg;
  const slash = arg.indexOf('/');
  if (slash >= 0) {
    const type = arg.slice(0, slash);
    if (!['pod', 'pods', 'po'].includes(type)) {
      throw new KubectlError(`error: cannot attach to ${type}: selecting a pod from a ${type} is not supported here`);
    }
    name = arg.slice(slash + 1);
  }
  const pod = inv.cluster.get('Pod', name, namespaceOf(inv)) as Pod | undefined;
  if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${name}" not found`);
  return pod;
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
