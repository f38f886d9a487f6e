/**
 * The pod's /etc/resolv.conf, as the kubelet writes it into the sandbox
 * (pkg/kubelet/network/dns: GetPodDNS, getPodDNSType, appendDNSConfig):
 *
 *  - ClusterFirst (the default): the cluster DNS Service (kubelet --cluster-dns, kubeadm's
 *    10.96.0.10), search `<ns>.svc.cluster.local svc.cluster.local cluster.local` then the
 *    node's own search domains, `options ndots:5`;
 *  - ClusterFirst in a hostNetwork pod falls back to Default; ClusterFirstWithHostNet does not;
 *  - Default: the node's resolv.conf (its upstream resolver);
 *  - None: only what spec.dnsConfig says.
 * spec.dnsConfig is appended in every case (nameservers and searches without duplicates,
 * options merged by name, the pod's value winning).
 */
import type { Pod } from '../api/types';
import { KUBE_DNS_SERVICE_IP } from './default-services';
import { CLUSTER_DOMAIN, type ResolvConf } from './dns';

/** The nodes' own resolver (the docker network's gateway under the node containers). */
export const NODE_NAMESERVER = '172.18.0.1';

/** What the node's /etc/resolv.conf holds (kubelet --resolv-conf). */
const HOST_CONF: ResolvConf = { nameservers: [NODE_NAMESERVER], searches: [], options: [] };

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** mergeDNSOptions: one entry per option name, a later value replacing an earlier one. */
function mergeOptions(base: string[], extra: { name?: string; value?: string }[]): string[] {
  const byName = new Map<string, string>();
  for (const o of base) byName.set(o.split(':')[0], o);
  for (const o of extra) {
    if (!o.name) continue;
    byName.set(o.name, o.value !== undefined && o.value !== '' ? `${o.name}:${o.value}` : o.name);
  }
  return [...byName.values()];
}

type DnsType = 'cluster' | 'host' | 'none';

function dnsType(pod: Pod): DnsType {
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'None') return 'none';
  if (policy === 'Default') return 'host';
  if (policy === 'ClusterFirstWithHostNet') return 'cluster';
  // ClusterFirst: a pod on the host's network gets the host's DNS.
  return pod.spec.hostNetwork ? 'host' : 'cluster';
}

export function podResolvConf(pod: Pod, clusterDNS = KUBE_DNS_SERVICE_IP): ResolvConf {
  const ns = pod.metadata.namespace ?? 'default';
  let conf: ResolvConf;
  switch (dnsType(pod)) {
    case 'none':
      conf = { nameservers: [], searches: [], options: [] };
      break;
    case 'host':
      conf = structuredClone(HOST_CONF);
      break;
    default:
      conf = {
        nameservers: [clusterDNS],
        searches: [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN, ...HOST_CONF.searches],
        options: ['ndots:5'],
      };
  }
  const extra = (pod.spec as { dnsConfig?: PodDNSConfig }).dnsConfig;
  if (!extra) return conf;
  return {
    nameservers: unique([...conf.nameservers, ...(extra.nameservers ?? [])]),
    searches: unique([...conf.searches, ...(extra.searches ?? [])]),
    options: mergeOptions(conf.options, extra.options ?? []),
  };
}

interface PodDNSConfig {
  nameservers?: string[];
  searches?: string[];
  options?: { name?: string; value?: string }[];
}
