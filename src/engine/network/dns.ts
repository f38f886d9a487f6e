/**
 * Cluster DNS: CoreDNS's kubernetes plugin as kubeadm configures it
 * (`kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure ... }`), as a pure
 * resolver over the store. The records follow the Kubernetes DNS-Based Service
 * Discovery specification and kubernetes.io "DNS for Services and Pods":
 *
 *  - `<svc>.<ns>.svc.cluster.local`: A = the ClusterIP; for a headless Service the IPs of
 *    its ready endpoints; for an ExternalName Service a CNAME to spec.externalName.
 *  - `<host>.<svc>.<ns>.svc.cluster.local`: one endpoint of a headless Service, by the
 *    endpoint's hostname (pods with hostname + subdomain: StatefulSet pods) or else its
 *    dashed IP.
 *  - `<a-b-c-d>.<ns>.pod.cluster.local`: "pods insecure" echoes the address back.
 *  - everything else in the zone: NXDOMAIN. Names outside it go to the upstream resolver
 *    (the caller's business).
 *
 * The client side (resolv.conf's search path and ndots) is `candidates` below: glibc's
 * and musl's order of tries.
 */
import type { EndpointSlice, Service } from '../api/network-types';
import type { Store } from '../api/store';
import { LABEL_SERVICE_NAME } from '../controllers/endpointslice';

export const CLUSTER_DOMAIN = 'cluster.local';

export type DnsAnswer =
  | { type: 'A'; name: string; addresses: string[] }
  | { type: 'CNAME'; name: string; target: string }
  | { type: 'NXDOMAIN' }
  /** not in the cluster's zone: CoreDNS forwards it to the node's resolver */
  | { type: 'FORWARD' };

const NX: DnsAnswer = { type: 'NXDOMAIN' };
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isIPv4(s: string): boolean {
  const m = IPV4.exec(s);
  return !!m?.slice(1).every((x) => Number(x) <= 255);
}

/** The endpoints of a Service as CoreDNS serves them: only ready ones (serving-only ones are not published). */
function readyEndpoints(store: Store, svc: Service): { ip: string; hostname?: string }[] {
  const ns = svc.metadata.namespace ?? 'default';
  const out: { ip: string; hostname?: string }[] = [];
  const seen = new Set<string>();
  for (const slice of store.list('EndpointSlice', ns) as EndpointSlice[]) {
    if (slice.metadata.labels?.[LABEL_SERVICE_NAME] !== svc.metadata.name || slice.addressType !== 'IPv4') continue;
    for (const ep of slice.endpoints ?? []) {
      // A missing ready condition means ready (discovery/v1's documented default).
      if (ep.conditions?.ready === false) continue;
      const ip = ep.addresses[0];
      if (!ip || seen.has(ip)) continue;
      seen.add(ip);
      const hostname = (ep as { hostname?: string }).hostname;
      out.push(hostname ? { ip, hostname } : { ip });
    }
  }
  return out.sort((a, b) => compareIPs(a.ip, b.ip));
}

export function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

/** One authoritative answer for a fully qualified name (trailing dot optional). */
export function answer(store: Store, fqdn: string): DnsAnswer {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  const zone = `.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(zone)) return name === CLUSTER_DOMAIN ? NX : { type: 'FORWARD' };
  const labels = name.slice(0, -zone.length).split('.');
  const kind = labels[labels.length - 1];
  if (kind === 'svc') return serviceAnswer(store, name, labels.slice(0, -1));
  if (kind === 'pod') return podAnswer(store, name, labels.slice(0, -1));
  return NX;
}

function serviceAnswer(store: Store, name: string, labels: string[]): DnsAnswer {
  // <svc>.<ns> or <endpoint>.<svc>.<ns>; SRV names (_port._proto.…) are not A records.
  if (labels.length !== 2 && labels.length !== 3) return NX;
  const [ns, svcName] = [labels[labels.length - 1], labels[labels.length - 2]];
  if (!store.get('Namespace', undefined, ns)) return NX;
  const svc = store.get('Service', ns, svcName) as Service | undefined;
  if (!svc) return NX;
  if (labels.length === 2) {
    if (svc.spec.type === 'ExternalName') {
      return svc.spec.externalName ? { type: 'CNAME', name, target: svc.spec.externalName } : NX;
    }
    if (!isHeadless(svc)) return svc.spec.clusterIP ? { type: 'A', name, addresses: [svc.spec.clusterIP] } : NX;
    const eps = readyEndpoints(store, svc);
    return eps.length > 0 ? { type: 'A', name, addresses: eps.map((e) => e.ip) } : NX;
  }
  if (!isHeadless(svc)) return NX;
  const host = labels[0];
  const hit = readyEndpoints(store, svc).find((e) => (e.hostname ?? e.ip.replace(/\./g, '-')) === host);
  return hit ? { type: 'A', name, addresses: [hit.ip] } : NX;
}

function podAnswer(store: Store, name: string, labels: string[]): DnsAnswer {
  if (labels.length !== 2) return NX;
  const [dashed, ns] = labels;
  const ip = dashed.replace(/-/g, '.');
  // "pods insecure": the address in the name comes back without looking for the pod.
  if (!isIPv4(ip) || !store.get('Namespace', undefined, ns)) return NX;
  return { type: 'A', name, addresses: [ip] };
}

/** PTR: a ClusterIP names its Service, a ready endpoint of a Service its endpoint name. */
export function reverse(store: Store, ip: string): string | undefined {
  const services = store.list('Service') as Service[];
  for (const svc of services) {
    if (svc.spec.clusterIP === ip) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }
  for (const svc of services) {
    if (svc.spec.type === 'ExternalName' || !svc.spec.selector) continue;
    const ep = readyEndpoints(store, svc).find((e) => e.ip === ip);
    if (ep) {
      const host = ep.hostname ?? ip.replace(/\./g, '-');
      return `${host}.${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
    }
  }
  return undefined;
}

export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  options: string[];
}

/** The names the stub resolver tries, in order (resolv.conf(5): ndots, search). */
export function candidates(name: string, conf: Pick<ResolvConf, 'searches' | 'options'>): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const opt = conf.options.find((o) => o.startsWith('ndots:'));
  const ndots = opt ? Number(opt.slice(6)) : 1;
  const dots = name.split('.').length - 1;
  const searched = conf.searches.map((s) => `${name}.${s}`);
  return dots >= ndots ? [name, ...searched] : [...searched, name];
}

export interface Resolved {
  /** the name that answered (after search-path expansion; a CNAME's owner) */
  fqdn: string;
  addresses: string[];
  /** the CNAME chain's target, when an ExternalName answered */
  cname?: string;
}

/**
 * A lookup through the pod's resolver against cluster DNS. `upstream` answers names
 * outside the zone (the simulated internet); undefined from it means NXDOMAIN.
 */
export function resolve(
  store: Store,
  name: string,
  conf: Pick<ResolvConf, 'searches' | 'options'>,
  upstream: (fqdn: string) => string[] | undefined = () => undefined,
): Resolved | undefined {
  for (const cand of candidates(name.toLowerCase(), conf)) {
    const r = follow(store, cand, upstream, 0);
    if (r) return r;
  }
  return undefined;
}

function follow(
  store: Store,
  fqdn: string,
  upstream: (fqdn: string) => string[] | undefined,
  depth: number,
): Resolved | undefined {
  const a = answer(store, fqdn);
  if (a.type === 'A') return { fqdn: a.name, addresses: a.addresses };
  if (a.type === 'FORWARD') {
    const ips = upstream(fqdn);
    return ips && ips.length > 0 ? { fqdn, addresses: ips } : undefined;
  }
  if (a.type === 'CNAME' && depth < 8) {
    const t = follow(store, a.target.replace(/\.$/, ''), upstream, depth + 1);
    if (t) return { fqdn: a.name, addresses: t.addresses, cname: a.target };
    return { fqdn: a.name, addresses: [], cname: a.target };
  }
  return undefined;
}

/**
 * Does any CoreDNS answer? Queries go to the kube-dns Service, so kube-proxy sends them
 * to one of its ready endpoints; with none (both CoreDNS pods gone or unready) or only
 * ones on machines that are down, every query times out.
 */
export function clusterDnsServing(store: Store, machineUp: (node: string) => boolean): boolean {
  for (const slice of store.list('EndpointSlice', 'kube-system') as EndpointSlice[]) {
    if (slice.metadata.labels?.[LABEL_SERVICE_NAME] !== 'kube-dns') continue;
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready !== false && (!ep.nodeName || machineUp(ep.nodeName))) return true;
    }
  }
  return false;
}
