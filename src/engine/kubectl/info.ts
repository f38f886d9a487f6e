/** kubectl version, cluster-info and api-resources. */
import { allKinds } from '../api/kinds';
import { KUBERNETES_VERSION } from '../cluster-shape';
import { flagBool, flagString } from './args';
import type { Invocation } from './cmd';
import { KubectlError } from './errors';
import { toJson, toYaml } from './output';
import { formatTable } from './tabwriter';

/** The kustomize that kubectl 1.34 embeds. */
const KUSTOMIZE_VERSION = 'v5.7.1';

export function version(inv: Invocation): number {
  const client = flagBool(inv.p, 'client');
  const output = flagString(inv.p, 'output');
  const info = (v: string) => {
    const [major, minor] = v.slice(1).split('.');
    return {
      buildDate: '2025-09-09T19:44:50Z',
      compiler: 'gc',
      gitCommit: '93248f9ae092f571eb870b7664c534bfc7d00f03',
      gitTreeState: 'clean',
      gitVersion: v,
      goVersion: 'go1.24.6',
      major,
      minor,
      platform: 'linux/amd64',
    };
  };
  if (output === 'json' || output === 'yaml') {
    const data = {
      clientVersion: info(KUBERNETES_VERSION),
      kustomizeVersion: KUSTOMIZE_VERSION,
      ...(client ? {} : { serverVersion: info(KUBERNETES_VERSION) }),
    };
    inv.io.out(output === 'json' ? toJson(data) : toYaml(data));
    return 0;
  }
  if (output) throw new KubectlError(`error: --output must be 'yaml' or 'json'`);
  inv.io.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (!client) inv.io.out(`Server Version: ${KUBERNETES_VERSION}\n`);
  return 0;
}

const GREEN = '\u001b[0;32m';
const YELLOW = '\u001b[0;33m';
const RESET = '\u001b[0m';
const SERVER = 'https://127.0.0.1:6443';

/** cluster-info colours its names and URLs, as the real one does. */
export function clusterInfo(inv: Invocation): number {
  if (inv.p.args[0] === 'dump') throw new KubectlError('error: cluster-info dump is not supported here');
  let out = `${GREEN}Kubernetes control plane${RESET} is running at ${YELLOW}${SERVER}${RESET}\n`;
  const dns = inv.cluster.get('Service', 'kube-dns', 'kube-system');
  if (dns) {
    out += `${GREEN}CoreDNS${RESET} is running at ${YELLOW}${SERVER}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy${RESET}\n`;
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  inv.io.out(out);
  return 0;
}

export function apiResources(inv: Invocation): number {
  const namespaced = flagString(inv.p, 'namespaced');
  const group = flagString(inv.p, 'api-group');
  const output = flagString(inv.p, 'output');
  const kinds = [...allKinds()]
    .filter((k) => namespaced === undefined || String(k.namespaced) === namespaced)
    .filter((k) => group === undefined || k.group === group)
    .sort((a, b) => (a.group !== b.group ? (a.group < b.group ? -1 : 1) : a.plural < b.plural ? -1 : 1));
  if (output === 'name') {
    inv.io.out(kinds.map((k) => `${k.plural}${k.group ? `.${k.group}` : ''}\n`).join(''));
    return 0;
  }
  const rows = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
  if (flagBool(inv.p, 'no-headers')) rows.pop();
  for (const k of kinds) rows.push([k.plural, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind]);
  inv.io.out(formatTable(rows));
  return 0;
}
