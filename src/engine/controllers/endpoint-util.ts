/**
 * What the Endpoints and EndpointSlice controllers share, after
 * pkg/controller/util/endpoint and pkg/api/v1/pod (FindPort): which pods of a Service
 * count as endpoints, the port a Service port lands on in a pod, and which watch
 * events mean a Service needs syncing.
 */
import { fromSet, matches } from '../api/labels';
import type { Service, ServicePort } from '../api/network-types';
import type { WatchEvent } from '../api/store';
import type { KubeObject, Pod } from '../api/types';
import type { ControllerContext } from './context';

/**
 * ShouldPodBeInEndpoints: a pod with an IP that has not finished; a terminating
 * one only when the caller lists terminating endpoints.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * podutil.FindPort: a numeric targetPort is used as is; a named one is the container
 * port with that name and the Service port's protocol, or nothing.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
    }
  }
  return undefined;
}

/** The pods a Service selects (a Service without a selector has its endpoints managed by hand). */
export function selectedPods(ctx: ControllerContext, svc: Service): Pod[] {
  const selector = fromSet(svc.spec.selector);
  return (ctx.store.list('Pod', svc.metadata.namespace) as Pod[])
    .filter((p) => matches(selector, p.metadata.labels))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** An empty selector is stored as none (the API server's protobuf drops empty maps). */
export function hasSelector(svc: Service): boolean {
  return Object.keys(svc.spec?.selector ?? {}).length > 0;
}

export function objectRef(pod: Pod) {
  return { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
}

/**
 * Queue keys: a Service's own key, or `ns:<namespace>` when a pod there changed (the
 * reconcile then syncs every Service of that namespace whose selector matches). The
 * endpoint objects themselves bring their Service back, so a hand edit is undone.
 */
export function endpointsEventKeys(ev: WatchEvent, ownKind: string, enqueue: (key: string) => void): void {
  const o = ev.object;
  const ns = o.metadata.namespace ?? '';
  if (o.kind === 'Service') enqueue(`${ns}/${o.metadata.name}`);
  else if (o.kind === 'Pod' && podChangeMatters(ev)) enqueue(`ns:${ns}`);
  else if (o.kind === ownKind) {
    const svcName = ownKind === 'Endpoints' ? o.metadata.name : o.metadata.labels?.['kubernetes.io/service-name'];
    if (svcName) enqueue(`${ns}/${svcName}`);
  }
}

/** Only what an endpoint shows: IP, readiness, node, labels, deletion, phase, hostname, ports. */
function podChangeMatters(ev: WatchEvent): boolean {
  // A pod without an IP is no endpoint, before or after: a new pod, its binding, its
  // deletion before it ran. Skipping those keeps a big rollout from re-syncing per step.
  if (!(ev.object as Pod).status?.podIP && !(ev.old as Pod | undefined)?.status?.podIP) return false;
  if (ev.type !== 'MODIFIED' || !ev.old) return true;
  return endpointView(ev.old) !== endpointView(ev.object);
}

function endpointView(o: KubeObject): string {
  const p = o as Pod;
  return JSON.stringify([
    p.status?.podIP,
    p.status?.phase,
    p.status?.conditions?.find((c) => c.type === 'Ready')?.status,
    p.spec?.nodeName,
    p.metadata.labels,
    p.metadata.deletionTimestamp,
    p.spec?.hostname,
    p.spec?.subdomain,
    p.spec?.containers?.map((c) => c.ports),
  ]);
}

/** The Services a reconcile key stands for. */
export function servicesForKey(ctx: ControllerContext, key: string): { namespace: string; name: string }[] {
  if (!key.startsWith('ns:')) {
    const [namespace, name] = key.split('/');
    return [{ namespace, name }];
  }
  const namespace = key.slice(3);
  return (ctx.store.list('Service', namespace) as Service[])
    .filter((s) => hasSelector(s))
    .map((s) => ({ namespace, name: s.metadata.name }));
}
