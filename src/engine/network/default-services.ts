/**
 * The Services every kubeadm cluster starts with: `kubernetes` in default, which the
 * API server keeps itself (pkg/controlplane/controller/kubernetesservice, with its
 * Endpoints and EndpointSlice from the endpoint reconciler), and `kube-dns` in
 * kube-system, which kubeadm's CoreDNS addon installs. kube-dns has a selector, so the
 * endpoint controllers fill its endpoints from the CoreDNS pods.
 */
import type { Api } from '../api/api';
import type { KubeObject } from '../api/types';

/** The first address of the service range (kubeadm's apiserverServiceIP). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** kubeadm's clusterDNS: the tenth address of the service range. */
export const KUBE_DNS_SERVICE_IP = '10.96.0.10';
/** kube-apiserver's --secure-port as kubeadm sets it. */
const APISERVER_PORT = 6443;

export function createDefaultServices(api: Api, controlPlaneIP: string): void {
  api.create(kubernetesService());
  api.create(kubernetesEndpoints(controlPlaneIP));
  api.create(kubernetesEndpointSlice(controlPlaneIP));
  api.create(kubeDnsService());
}

function kubernetesService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  } as unknown as KubeObject;
}

function kubernetesEndpoints(ip: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }] }],
  } as unknown as KubeObject;
}

function kubernetesEndpointSlice(ip: string): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }],
  } as unknown as KubeObject;
}

function kubeDnsService(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: KUBE_DNS_SERVICE_IP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  } as unknown as KubeObject;
}
