/**
 * The network as a pod sees it: the PodNetwork the kubelet hands the runtime for
 * `kubectl exec` (wget, curl, nslookup). A name goes through the pod's resolv.conf to
 * cluster DNS (dns.ts) or the node's resolver; an address that is a Service goes
 * through the client node's kube-proxy rules (kube-proxy.ts) to an endpoint; the
 * endpoint's pod answers if its machine is up and one of its containers listens on the
 * port, and the request is handed to that container's program.
 *
 * How connections fail, as the tools report them: nothing listening or a Service
 * without endpoints → connection refused; a machine that is down, an address no pod
 * has, a DROP rule → timeout; a name that does not resolve → unknown host.
 */
import type { Service } from '../api/network-types';
import type { Node, Pod } from '../api/types';
import type { ClusterCore } from '../cluster';
import { KUBELET } from '../kubelet';
import { cri } from '../kubelet/cri';
import { isMachineDown } from '../kubelet/machines';
import { slots } from '../kubelet/podctx';
import { podKey } from '../kubelet/podworker';
import { catchUp, podCtx } from '../kubelet/public';
import { INTERNET } from '../kubelet/runtime/shell/net';
import type { ConnectError, HttpResponse, PodNetwork } from '../kubelet/runtime/types';
import { newKubeletState } from '../kubelet/state';
import { KUBE_DNS_SERVICE_IP } from './default-services';
import { CLUSTER_DOMAIN, candidates, clusterDnsServing, type ResolvConf, type Resolved, resolve, reverse } from './dns';
import {
  type Client,
  loadBalancerTargets,
  newProxyState,
  nodeInternalIP,
  type ProxyEnv,
  type Route,
  routeClusterIP,
  routeExternal,
} from './kube-proxy';
import { podResolvConf } from './resolv-conf';

/** Where kube-proxy's per-node state (round robin, affinity) lives in the cluster state. */
export const KUBE_PROXY = 'kube-proxy';

export type HttpResult = HttpResponse | ConnectError;

/** Who opens a connection: its address, the node whose rules it passes, whether it is inside the cluster. */
export interface Origin extends Client {
  inside: boolean;
}

function proxyEnv(core: ClusterCore): ProxyEnv {
  return {
    store: core.store,
    rng: core.rng,
    now: core.clock.now(),
    mode: core.options.kubeProxyMode ?? 'iptables',
    state: core.context(KUBE_PROXY).state(newProxyState),
  };
}

const machineUp = (core: ClusterCore) => (node: string) => !isMachineDown(core, node);

/** The simulated internet, as the nodes' upstream resolver knows it. */
function upstream(fqdn: string): string[] | undefined {
  const site = INTERNET[fqdn];
  return site ? [site.ip] : undefined;
}

/** Does this resolv.conf point at cluster DNS (the kube-dns Service or a CoreDNS pod)? */
function usesClusterDns(core: ClusterCore, conf: ResolvConf): boolean {
  const server = conf.nameservers[0];
  if (!server) return false;
  const svc = core.store.get('Service', 'kube-system', 'kube-dns') as Service | undefined;
  return server === (svc?.spec.clusterIP ?? KUBE_DNS_SERVICE_IP);
}

export type Lookup = Resolved | 'timeout' | undefined;

/** A name through a resolver configured by `conf`. */
export function lookupName(core: ClusterCore, conf: ResolvConf, name: string): Lookup {
  if (conf.nameservers.length === 0) return 'timeout';
  if (usesClusterDns(core, conf)) {
    if (!clusterDnsServing(core.store, machineUp(core))) return 'timeout';
    return resolve(core.store, name, conf, upstream);
  }
  // The node's resolver knows the internet, not cluster.local.
  for (const cand of candidates(name.toLowerCase(), conf)) {
    if (cand === CLUSTER_DOMAIN || cand.endsWith(`.${CLUSTER_DOMAIN}`)) continue;
    const ips = upstream(cand);
    if (ips) return { fqdn: cand, addresses: ips };
  }
  return undefined;
}

function podByIP(core: ClusterCore, ip: string, port: number) {
  const st = core.context(KUBELET).state(newKubeletState);
  let found: { key: string; listening: boolean; node: string } | undefined;
  for (const [key, rec] of Object.entries(st.pods)) {
    if (rec.sandbox?.podIP !== ip) continue;
    const listening = rec.sandbox.listening[`TCP/${port}`] !== undefined;
    // host-network pods share the node's address: the one listening on the port answers
    if (!found || (listening && !found.listening)) found = { key, listening, node: rec.node };
  }
  return found;
}

/** An HTTP GET that reached `ip:port` (a pod's or a node's address), answered by whoever listens there. */
function deliver(core: ClusterCore, ip: string, port: number, path: string, sourceIP: string): HttpResult {
  const target = podByIP(core, ip, port);
  if (!target || isMachineDown(core, target.node)) return 'timeout';
  if (!target.listening) return 'connection refused';
  const slash = target.key.indexOf('/');
  const pod = core.store.get('Pod', target.key.slice(0, slash), target.key.slice(slash + 1)) as Pod | undefined;
  const p = pod ? podCtx(core, pod) : undefined;
  const sandbox = p?.rec.sandbox;
  const name = sandbox?.listening[`TCP/${port}`];
  const s = p ? slots(p).find((x) => x.c.name === name) : undefined;
  if (!p || !s || !sandbox) return 'timeout';
  catchUp(p, s);
  if (s.r.step !== 'running' || !s.r.proc) return 'connection refused';
  const res = cri().runtime.httpRequest(s.r.proc, sandbox, port, path, p.now, { ip: sourceIP });
  // The container writes its access-log line at its next step.
  p.ctx.enqueue(KUBELET, podKey(p.pod.metadata.namespace ?? 'default', p.pod.metadata.name));
  return res;
}

function viaRoute(core: ClusterCore, route: Route, path: string): HttpResult {
  if (typeof route === 'string') return route;
  return deliver(core, route.backend.ip, route.backend.port, path, route.sourceIP);
}

/**
 * One HTTP GET from `from` to ip:port: a ClusterIP, a LoadBalancer address, a node's
 * NodePort, or a pod's address.
 */
export function connect(core: ClusterCore, from: Origin, ip: string, port: number, path: string): HttpResult {
  const env = proxyEnv(core);
  const services = core.store.list('Service') as Service[];
  const byVip = services.find((s) => s.spec.clusterIP === ip && s.spec.type !== 'ExternalName');
  if (byVip) return viaRoute(core, routeClusterIP(env, byVip, port, from), path);

  for (const svc of services) {
    if (!(svc.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip)) continue;
    const sp = (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    if (!sp) return 'timeout';
    if (from.inside) return viaRoute(core, routeExternal(env, svc, sp, from, true), path);
    // The cloud's load balancer picks a healthy node, then that node's rules pick the endpoint.
    const targets = loadBalancerTargets(core.store, svc, sp, machineUp(core));
    if (targets.length === 0) return 'timeout';
    const node = targets[targets.length === 1 ? 0 : env.rng.int(targets.length)];
    return viaRoute(core, routeExternal(env, svc, sp, { ip: from.ip, node }, false), path);
  }

  const node = (core.store.list('Node') as Node[]).find((n) => nodeInternalIP(n) === ip);
  if (node) {
    if (isMachineDown(core, node.metadata.name)) return 'timeout';
    for (const svc of services) {
      if (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer') continue;
      const sp = (svc.spec.ports ?? []).find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!sp) continue;
      const client = { ip: from.ip, node: node.metadata.name };
      return viaRoute(core, routeExternal(env, svc, sp, client, from.inside), path);
    }
  }
  return deliver(core, ip, port, path, from.ip);
}

/** The PodNetwork for a pod with a live sandbox; undefined otherwise. */
export function podNetwork(core: ClusterCore, pod: Pod): PodNetwork | undefined {
  const p = podCtx(core, pod);
  const sandbox = p?.rec.sandbox;
  if (!p || !sandbox) return undefined;
  const conf: ResolvConf = sandbox.dns ?? podResolvConf(pod);
  const from: Origin = { ip: sandbox.podIP, node: p.rec.node, inside: true };
  const cluster = usesClusterDns(core, conf);
  const lookup = (name: string) => {
    const r = lookupName(core, conf, name);
    return r === 'timeout' ? undefined : r;
  };
  return {
    resolverDown: () => cluster && !clusterDnsServing(core.store, machineUp(core)),
    lookup,
    reverse: (ip) => (cluster ? reverse(core.store, ip) : undefined),
    http: (host, port, path) => {
      if (host === 'localhost' || host === '127.0.0.1') return deliver(core, sandbox.podIP, port, path, '127.0.0.1');
      const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : lookup(host)?.addresses[0];
      if (!ip) return 'unknown host';
      // an ExternalName Service pointing at the simulated internet
      const site = Object.values(INTERNET).find((x) => x.ip === ip);
      if (site) return port === 80 || port === 443 ? { status: 200, body: site.body } : 'timeout';
      return connect(core, from, ip, port, path);
    },
  };
}
