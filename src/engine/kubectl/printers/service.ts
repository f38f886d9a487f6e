/**
 * printService, printEndpoints and printEndpointSlice
 * (pkg/printers/internalversion/printers.go):
 * NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE (+ SELECTOR with -o wide),
 * NAME ENDPOINTS AGE, and NAME ADDRESSTYPE PORTS ENDPOINTS AGE.
 */
import { formatLabels } from '../../api/labels';
import type { EndpointSlice, Endpoints, Service } from '../../api/network-types';
import type { KubeObject } from '../../api/types';
import { since } from '../age';
import type { Printer } from './types';

/** The most addresses (or ports) a cell lists before "+ N more...". */
const MAX_LISTED = 3;

/** makePortString: 80/TCP, or 80:30080/TCP with a nodePort. */
export function servicePorts(svc: Service): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

/** getServiceExternalIP: a LoadBalancer waits `<pending>` until something gives it an address. */
export function serviceExternalIP(svc: Service): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...external, ...lb];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const servicePrinter: Printer = {
  headers: (wide) => ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', ...(wide ? ['SELECTOR'] : [])],
  row: (obj, ctx) => {
    const svc = obj as Service;
    const cells = [
      svc.metadata.name,
      svc.spec?.type ?? '',
      svc.spec?.clusterIP || '<none>',
      serviceExternalIP(svc),
      servicePorts(svc),
      since(svc.metadata.creationTimestamp, ctx.now),
    ];
    return ctx.wide ? [...cells, formatLabels(svc.spec?.selector)] : cells;
  },
};

/** formatEndpoints: ip:port for each ready address and port, the first three, then "+ N more...". */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  let more = false;
  const add = (s: string) => {
    if (list.length === MAX_LISTED) more = true;
    else list.push(s);
  };
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // A headless Service may have no ports: the bare IPs.
    if ((ss.ports ?? []).length === 0) {
      count += addresses.length;
      for (const a of addresses) add(a.ip);
      continue;
    }
    for (const p of ss.ports ?? []) {
      count += addresses.length;
      for (const a of addresses) add(`${a.ip}:${p.port}`);
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX_LISTED} more...` : joined;
}

export const endpointsPrinter: Printer = {
  headers: () => ['NAME', 'ENDPOINTS', 'AGE'],
  row: (obj, ctx) => [
    obj.metadata.name,
    formatEndpoints(obj as Endpoints),
    since(obj.metadata.creationTimestamp, ctx.now),
  ],
};

/** listWithMoreString: "<unset>" when there is nothing to list. */
function listWithMore(items: string[]): string {
  const joined = items.slice(0, MAX_LISTED).join(',');
  if (items.length > MAX_LISTED) return `${joined} + ${items.length - MAX_LISTED} more...`;
  return joined === '' ? '<unset>' : joined;
}

export const endpointSlicePrinter: Printer = {
  headers: () => ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  row: (obj: KubeObject, ctx) => {
    const s = obj as EndpointSlice;
    const ports = (s.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : p.name || '*'));
    const addresses = (s.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [
      s.metadata.name,
      s.addressType,
      listWithMore(ports),
      listWithMore(addresses),
      since(s.metadata.creationTimestamp, ctx.now),
    ];
  },
};
