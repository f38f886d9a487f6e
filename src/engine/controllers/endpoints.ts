/**
 * The legacy Endpoints controller, after pkg/controller/endpoint/endpoints_controller.go:
 * for each Service with a selector it keeps a v1 Endpoints object of the same name.
 * Every selected pod with an IP is an address, ready pods under `addresses` and the
 * rest under `notReadyAddresses` (all under `addresses` when the Service sets
 * publishNotReadyAddresses); terminating pods are left out. Addresses whose ports
 * resolve alike share a subset (RepackSubsets). The Endpoints object goes when its
 * Service does.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Service } from '../api/network-types';
import { jsonEqual } from '../api/store';
import type { KubeObject } from '../api/types';
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

export const ENDPOINTS_CONTROLLER = 'endpoints';

export function createEndpointsController(): Controller {
  return {
    name: ENDPOINTS_CONTROLLER,
    onEvent(ev, enqueue) {
      endpointsEventKeys(ev, 'Endpoints', enqueue);
    },
    reconcile(key, ctx) {
      for (const { namespace, name } of servicesForKey(ctx, key)) syncService(ctx, namespace, name);
    },
  };
}

function syncService(ctx: ControllerContext, namespace: string, name: string): void {
  const svc = ctx.store.get('Service', namespace, name) as Service | undefined;
  const current = ctx.store.get('Endpoints', namespace, name) as Endpoints | undefined;
  if (!svc) {
    // The Service is gone: so are its Endpoints (unless someone else keeps them, like the kubernetes ones).
    if (current && !current.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror']) {
      ctx.api.delete('Endpoints', namespace, name);
    }
    return;
  }
  if (!hasSelector(svc)) return;
  const subsets = desiredSubsets(ctx, svc);
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  if (!current) {
    ctx.api.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace, labels },
      ...(subsets.length > 0 ? { subsets } : {}),
    } as unknown as KubeObject);
    return;
  }
  if (jsonEqual(current.subsets ?? [], subsets) && jsonEqual(current.metadata.labels ?? {}, labels)) return;
  const next = { ...current, metadata: { ...current.metadata, labels } } as Endpoints;
  if (subsets.length > 0) next.subsets = subsets;
  else delete next.subsets;
  ctx.api.replace(next as KubeObject);
}

function desiredSubsets(ctx: ControllerContext, svc: Service): EndpointSubset[] {
  const publish = svc.spec.publishNotReadyAddresses === true;
  const bySignature = new Map<string, EndpointSubset>();
  for (const pod of selectedPods(ctx, svc)) {
    if (!shouldPodBeInEndpoints(pod, false)) continue;
    const address: EndpointAddress = { ip: pod.status?.podIP as string };
    if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name) {
      (address as EndpointAddress & { hostname?: string }).hostname = pod.spec.hostname;
    }
    if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
    address.targetRef = objectRef(pod);
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
    }
    // A pod none of whose ports resolve has no endpoint, except in a headless Service without ports.
    if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) continue;
    const sig = JSON.stringify(ports);
    let subset = bySignature.get(sig);
    if (!subset) {
      subset = ports.length > 0 ? { ports } : {};
      bySignature.set(sig, subset);
    }
    // addEndpointSubset
    const field = publish || isPodReady(pod) ? 'addresses' : 'notReadyAddresses';
    subset[field] = [...(subset[field] ?? []), address];
  }
  // RepackSubsets orders addresses by IP, then uid.
  for (const s of bySignature.values()) {
    if (s.addresses) s.addresses = sortByIP(s.addresses);
    if (s.notReadyAddresses) s.notReadyAddresses = sortByIP(s.notReadyAddresses);
  }
  return [...bySignature.values()].map((s) => ({
    ...(s.addresses ? { addresses: s.addresses } : {}),
    ...(s.notReadyAddresses ? { notReadyAddresses: s.notReadyAddresses } : {}),
    ...(s.ports ? { ports: s.ports } : {}),
  }));
}

function ipKey(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

/** Each IP parsed once: a sort of a thousand addresses stays cheap. */
function sortByIP(addresses: EndpointAddress[]): EndpointAddress[] {
  return addresses
    .map((a) => ({ a, k: ipKey(a.ip), uid: a.targetRef?.uid ?? '' }))
    .sort((x, y) => x.k - y.k || (x.uid < y.uid ? -1 : x.uid > y.uid ? 1 : 0))
    .map((x) => x.a);
}
