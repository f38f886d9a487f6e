/**
 * The EndpointSlice controller, after pkg/controller/endpointslice (and the reconciler
 * in staging/src/k8s.io/endpointslice): for each Service with a selector it keeps
 * discovery/v1 EndpointSlices listing the selected pods, one endpoint per pod IP with
 * its ready / serving / terminating conditions, node and pod reference, and the Service
 * ports resolved in that pod. Pods whose ports resolve differently land in different
 * slices; a slice holds at most 100 endpoints (--max-endpoints-per-slice). Slices are
 * named `<service>-<5 random characters>` and owned by the Service, so the garbage
 * collector removes them with it. Services without a selector, and ExternalName ones,
 * are left alone.
 */
import type { EndpointSlice, Service, SliceEndpoint, SlicePort } from '../api/network-types';
import { jsonEqual } from '../api/store';
import type { KubeObject, Pod } from '../api/types';
import type { ControllerContext } from './context';
import {
  endpointsEventKeys,
  findPort,
  hasSelector,
  objectRef,
  selectedPods,
  servicesForKey,
  shouldPodBeInEndpoints,
} from './endpoint-util';
import type { Controller } from './manager';
import { isPodReady } from './podutil';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

export function createEndpointSliceController(): Controller {
  return {
    name: ENDPOINTSLICE_CONTROLLER,
    onEvent(ev, enqueue) {
      if (ev.object.kind === 'EndpointSlice' && ev.object.metadata.labels?.[LABEL_MANAGED_BY] !== MANAGED_BY) return;
      endpointsEventKeys(ev, 'EndpointSlice', enqueue);
    },
    reconcile(key, ctx) {
      for (const { namespace, name } of servicesForKey(ctx, key)) syncService(ctx, namespace, name);
    },
  };
}

function managedSlices(ctx: ControllerContext, namespace: string, name: string): EndpointSlice[] {
  return (ctx.store.list('EndpointSlice', namespace) as EndpointSlice[])
    .filter(
      (s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === name && s.metadata.labels?.[LABEL_MANAGED_BY] === MANAGED_BY,
    )
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

function syncService(ctx: ControllerContext, namespace: string, name: string): void {
  const svc = ctx.store.get('Service', namespace, name) as Service | undefined;
  // A deleted Service's slices go with it (ownerReferences); one without a selector is not ours.
  if (!svc || svc.metadata.deletionTimestamp || !hasSelector(svc) || svc.spec.type === 'ExternalName') return;
  const groups = desiredGroups(svc, selectedPods(ctx, svc));
  const existing = managedSlices(ctx, namespace, name);
  const desired: { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      desired.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  // A Service with no endpoints still has one (empty) slice: the reconciler's placeholder.
  if (desired.length === 0) desired.push({ ports: [], endpoints: [] });

  const unused = [...existing];
  for (const want of desired) {
    // Prefer a slice that already carries these ports, so endpoints stay where they were.
    const i = Math.max(
      unused.findIndex((s) => jsonEqual(s.ports ?? [], want.ports)),
      unused.length > 0 ? 0 : -1,
    );
    const slice = i >= 0 ? unused.splice(i, 1)[0] : undefined;
    writeSlice(ctx, svc, slice, want.ports, want.endpoints);
  }
  for (const s of unused) ctx.api.delete('EndpointSlice', namespace, s.metadata.name);
}

/** Endpoints grouped by their resolved port list (the reconciler's endpointMeta hash). */
function desiredGroups(svc: Service, pods: Pod[]): Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }> {
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
    }
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) {
      g = { ports, endpoints: [] };
      groups.set(key, g);
    }
    g.endpoints.push(podToEndpoint(pod, svc));
  }
  return groups;
}

/** podToEndpoint: ready is never true for a terminating pod, unless the Service publishes not-ready addresses. */
export function podToEndpoint(pod: Pod, svc: Service): SliceEndpoint {
  const publish = svc.spec.publishNotReadyAddresses === true;
  const serving = publish || isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ep: SliceEndpoint & { hostname?: string } = {
    addresses: [pod.status?.podIP as string],
    conditions: { ready: publish || (serving && !terminating), serving, terminating },
  };
  if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name) ep.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  ep.targetRef = objectRef(pod);
  return ep;
}

/** setEndpointSliceLabels: the Service's own labels, plus the two the controller owns. */
function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name;
  labels[LABEL_MANAGED_BY] = MANAGED_BY;
  return labels;
}

function writeSlice(
  ctx: ControllerContext,
  svc: Service,
  slice: EndpointSlice | undefined,
  ports: SlicePort[],
  endpoints: SliceEndpoint[],
): void {
  const labels = sliceLabels(svc);
  if (!slice) {
    ctx.api.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace,
        labels,
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: svc.metadata.name,
            uid: svc.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    } as unknown as KubeObject);
    return;
  }
  if (
    jsonEqual(slice.endpoints ?? [], endpoints) &&
    jsonEqual(slice.ports ?? [], ports) &&
    jsonEqual(slice.metadata.labels, labels)
  ) {
    return;
  }
  ctx.api.replace({ ...slice, metadata: { ...slice.metadata, labels }, endpoints, ports } as KubeObject);
}
