/**
 * kubectl config (read-only here: the playground has one cluster and one context, named
 * the way kind names its contexts) and kubectl api-versions.
 */
import { allKinds } from '../api/kinds';
import type { Invocation } from './cmd';
import { KubectlError } from './errors';
import { formatTable } from './tabwriter';

export const CONTEXT = 'kind-playground';

const KUBECONFIG = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:6443
  name: ${CONTEXT}
contexts:
- context:
    cluster: ${CONTEXT}
    user: ${CONTEXT}
  name: ${CONTEXT}
current-context: ${CONTEXT}
kind: Config
preferences: {}
users:
- name: ${CONTEXT}
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;

export function config(inv: Invocation): number {
  const sub = inv.p.args[0];
  switch (sub) {
    case 'current-context':
      inv.io.out(`${CONTEXT}\n`);
      return 0;
    case 'get-contexts':
      inv.io.out(
        formatTable([
          ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
          ['*', CONTEXT, CONTEXT, CONTEXT, ''],
        ]),
      );
      return 0;
    case 'get-clusters':
      inv.io.out(`NAME\n${CONTEXT}\n`);
      return 0;
    case 'view':
      inv.io.out(KUBECONFIG);
      return 0;
    case undefined:
      throw new KubectlError(
        'error: Modify kubeconfig files using subcommands like "kubectl config set current-context my-context"\nSee \'kubectl config -h\' for help and examples',
      );
    default:
      throw new KubectlError(
        `error: kubectl config ${sub} is not available in the playground: it has one cluster and one context (${CONTEXT}); use -n to pick a namespace`,
      );
  }
}

/** api-versions: every group/version served, sorted. */
export function apiVersions(inv: Invocation): number {
  const versions = [...new Set(allKinds().map((k) => k.apiVersion))].sort();
  inv.io.out(versions.map((v) => `${v}\n`).join(''));
  return 0;
}
