/**
 * kube-proxy: which endpoint a connection to a Service lands on. It reads the
 * EndpointSlices the way pkg/proxy does (endpointslicecache → CategorizeEndpoints in
 * topology.go) and picks one endpoint per connection:
 *
 *  - only ready endpoints; when a Service has none anywhere, serving-and-terminating ones
 *    (ProxyTerminatingEndpoints), so a rolling update does not drop connections;
 *  - iptables mode (the default): a random endpoint per connection (the `statistic
 *    --mode random` rules), drawn from the cluster's seeded rng; IPVS mode: round robin;
 *  - sessionAffinity ClientIP: the same client keeps its endpoint while it keeps
 *    talking, until `timeoutSeconds` (10800) pass without a connection (the `recent`
 *    match / IPVS persistence, both measured from the last use);
 *  - internalTrafficPolicy Local: ClusterIP traffic only to endpoints on the client's
 *    node, dropped when it has none; externalTrafficPolicy Local: NodePort and
 *    LoadBalancer traffic from outside only to endpoints on the node it arrived at,
 *    dropped when there are none there, and the client's address is kept (Cluster
 *    masquerades it to the node's). Traffic from pods and nodes to external addresses is
 *    short-circuited to the cluster-wide endpoints, as the proxier's "pod traffic for
 *    external destinations" rule does;
 *  - no endpoints at all: the REJECT rule, so clients see "connection refused".
 *
 * The rules live on each node. A node whose kube-proxy pod is down keeps the rules it
 * last wrote, and traffic through it still flows; the simulation does not model stale
 * rules (every node sees the current slices), which only matters for the seconds a
 * restarting kube-proxy needs to resync.
 */
import type { EndpointSlice, ObjectReference, Service, ServicePort } from '../api/network-types';
import type { Store } from '../api/store';
import type { Node } from '../api/types';
import { LABEL_SERVICE_NAME } from '../controllers/endpointslice';
import type { Rng } from '../sim/rng';
import { compareIPs } from './dns';

export type ProxyMode = 'iptables' | 'ipvs';

/** service.spec.sessionAffinityConfig.clientIP.timeoutSeconds' default (3 hours). */
export const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10800;

export interface ProxyState {
  /** IPVS round robin: next index per node and service port */
  rr: Record<string, number>;
  /** ClientIP affinity per node, service port and client: the endpoint and its last use */
  affinity: Record<string, { ip: string; port: number; at: number }>;
}

export function newProxyState(): ProxyState {
  return { rr: {}, affinity: {} };
}

export interface ProxyEnv {
  store: Store;
  rng: Rng;
  now: number;
  mode: ProxyMode;
  state: ProxyState;
}

export interface Backend {
  ip: string;
  port: number;
  nodeName?: string;
  targetRef?: ObjectReference;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** Where a connection ends up, or how it fails (REJECT → refused, DROP → timeout). */
export type Route = { backend: Backend; sourceIP: string } | 'connection refused' | 'timeout';

/** The endpoints of one Service port, with the target port resolved per pod (as the slices carry it). */
export function backends(store: Store, svc: Service, sp: ServicePort): Backend[] {
  const ns = svc.metadata.namespace ?? 'default';
  const out: Backend[] = [];
  const seen = new Set<string>();
  for (const slice of store.list('EndpointSlice', ns) as EndpointSlice[]) {
    if (slice.metadata.labels?.[LABEL_SERVICE_NAME] !== svc.metadata.name || slice.addressType !== 'IPv4') continue;
    const port = (slice.ports ?? []).find(
      (p) => (p.name ?? '') === (sp.name ?? '') && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'),
    );
    if (!port) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses[0];
      const key = `${ip}:${port.port}`;
      if (!ip || seen.has(key)) continue;
      seen.add(key);
      // discovery/v1: unset ready means ready, unset serving means "same as ready".
      const ready = ep.conditions?.ready !== false;
      out.push({
        ip,
        port: port.port,
        nodeName: ep.nodeName,
        targetRef: ep.targetRef,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
      });
    }
  }
  // The proxier writes its rules in a stable order; the random pick is uniform anyway.
  return out.sort((a, b) => compareIPs(a.ip, b.ip) || a.port - b.port);
}

const servingTerminating = (b: Backend) => !b.ready && b.serving && b.terminating;

/** CategorizeEndpoints: the endpoints cluster-policy traffic may use (ready, else serving-terminating). */
export function clusterEndpoints(all: Backend[]): Backend[] {
  const ready = all.filter((b) => b.ready);
  return ready.length > 0 ? ready : all.filter(servingTerminating);
}

/** CategorizeEndpoints' local set: this node's ready endpoints, else its serving-terminating ones. */
export function localEndpoints(all: Backend[], node: string): Backend[] {
  const here = all.filter((b) => b.nodeName === node);
  const ready = here.filter((b) => b.ready);
  return ready.length > 0 ? ready : here.filter(servingTerminating);
}

function affinityTimeoutMs(svc: Service): number | undefined {
  if (svc.spec.sessionAffinity !== 'ClientIP') return undefined;
  const cfg = (svc.spec as { sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } } })
    .sessionAffinityConfig;
  return (cfg?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS) * 1000;
}

/** One connection's endpoint out of `usable`, on `node`'s rules. */
function pick(env: ProxyEnv, svc: Service, sp: ServicePort, usable: Backend[], node: string, client: string): Backend {
  const svcPort = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}:${sp.name ?? sp.port}`;
  const timeout = affinityTimeoutMs(svc);
  const stickyKey = `${node}|${svcPort}|${client}`;
  if (timeout !== undefined) {
    const prev = env.state.affinity[stickyKey];
    const still = prev && env.now - prev.at <= timeout && usable.find((b) => b.ip === prev.ip && b.port === prev.port);
    if (still) {
      prev.at = env.now;
      return still;
    }
  }
  let chosen: Backend;
  if (env.mode === 'ipvs') {
    const rrKey = `${node}|${svcPort}`;
    const i = env.state.rr[rrKey] ?? 0;
    chosen = usable[i % usable.length];
    env.state.rr[rrKey] = (i + 1) % usable.length;
  } else {
    chosen = usable.length === 1 ? usable[0] : usable[env.rng.int(usable.length)];
  }
  if (timeout !== undefined) env.state.affinity[stickyKey] = { ip: chosen.ip, port: chosen.port, at: env.now };
  return chosen;
}

export interface Client {
  ip: string;
  /** the node whose rules the connection goes through (the client pod's node, or the node it arrives at) */
  node: string;
}

/** A connection to a ClusterIP:port from a pod or a node. */
export function routeClusterIP(env: ProxyEnv, svc: Service, port: number, client: Client): Route {
  const sp = (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
  // No rule matches the VIP on another port: nothing answers.
  if (!sp) return 'timeout';
  const all = backends(env.store, svc, sp);
  const cluster = clusterEndpoints(all);
  if (cluster.length === 0) return 'connection refused';
  let usable = cluster;
  if (svc.spec.internalTrafficPolicy === 'Local') {
    usable = localEndpoints(all, client.node);
    if (usable.length === 0) return 'timeout';
  }
  return { backend: pick(env, svc, sp, usable, client.node, client.ip), sourceIP: client.ip };
}

export function nodeInternalIP(node: Node | undefined): string | undefined {
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/**
 * A connection to <node IP>:<nodePort>, or to a LoadBalancer's address that the cloud
 * load balancer handed to `client.node`. `fromInside` (a pod or a node of the cluster)
 * takes the short-circuit to the cluster-wide endpoints.
 */
export function routeExternal(
  env: ProxyEnv,
  svc: Service,
  sp: ServicePort,
  client: Client,
  fromInside: boolean,
): Route {
  const all = backends(env.store, svc, sp);
  const cluster = clusterEndpoints(all);
  if (cluster.length === 0) return 'connection refused';
  if (svc.spec.externalTrafficPolicy === 'Local' && !fromInside) {
    const local = localEndpoints(all, client.node);
    if (local.length === 0) return 'timeout';
    return { backend: pick(env, svc, sp, local, client.node, client.ip), sourceIP: client.ip };
  }
  const nodeIP = nodeInternalIP(env.store.get('Node', undefined, client.node) as Node | undefined) ?? client.ip;
  // Cluster policy masquerades external clients to the node's address; pods keep theirs.
  const sourceIP = fromInside ? client.ip : nodeIP;
  return { backend: pick(env, svc, sp, cluster, client.node, client.ip), sourceIP };
}

/**
 * The nodes a cloud load balancer sends a Service's traffic to: every node that is up
 * and not excluded from load balancers; with externalTrafficPolicy Local only those
 * whose health check node port answers, i.e. that hold a ready endpoint.
 */
export function loadBalancerTargets(
  store: Store,
  svc: Service,
  sp: ServicePort,
  machineUp: (node: string) => boolean,
): string[] {
  const nodes = (store.list('Node') as Node[]).filter(
    (n) =>
      machineUp(n.metadata.name) &&
      n.metadata.labels?.['node.kubernetes.io/exclude-from-external-load-balancers'] === undefined,
  );
  const names = nodes.map((n) => n.metadata.name).sort();
  if (svc.spec.externalTrafficPolicy !== 'Local') return names;
  const all = backends(store, svc, sp);
  return names.filter((n) => localEndpoints(all, n).length > 0);
}
