/**
 * The starting cluster, as kubeadm would leave it: namespaces, a tainted
 * control-plane node with its static pods, worker nodes with a pod CIDR each,
 * node leases, kube-proxy on every node and CoreDNS in kube-system.
 */
import type { Api } from './api/api';
import type { KubeObject, Node } from './api/types';
import type { Clock } from './sim/clock';

export interface NodeSpec {
  name?: string;
  /** CPU cores, e.g. 2 or "2" or "1500m" */
  cpu?: number | string;
  /** memory quantity, e.g. "4Gi" */
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
}

export const KUBERNETES_VERSION = 'v1.34.1';
export const CONTROL_PLANE = 'control-plane';

export function normalizeNodes(
  nodes: number | NodeSpec[] | undefined,
): Required<Pick<NodeSpec, 'name'>>[] & NodeSpec[] {
  const list: NodeSpec[] = Array.isArray(nodes)
    ? nodes
    : Array.from({ length: Math.max(0, Math.min(nodes ?? 3, 5000)) }, () => ({}));
  return list.map((n, i) => ({ ...n, name: n.name ?? `node-${i + 1}` })) as Required<Pick<NodeSpec, 'name'>>[] &
    NodeSpec[];
}

export function bootstrapCluster(api: Api, clock: Clock, workers: NodeSpec[]): void {
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as unknown as KubeObject);
  }
  const cp = makeNode({ name: CONTROL_PLANE }, 0, true);
  api.store.create(cp);
  for (const [i, w] of workers.entries()) api.store.create(makeNode(w, i + 1, false));
  for (const n of api.store.list('Node')) api.store.create(makeLease(n.metadata.name, clock));
  for (const pod of controlPlanePods()) api.create(pod);
  for (const n of api.store.list('Node')) api.create(kubeProxyPod(n.metadata.name));
  for (const suffix of ['5dd5756b68-7xk2p', '5dd5756b68-qz9vd']) api.create(corednsPod(`coredns-${suffix}`));
}

function makeNode(spec: NodeSpec, index: number, controlPlane: boolean): Node {
  const name = spec.name ?? `node-${index}`;
  const cpu = String(spec.cpu ?? 2);
  const memory = spec.memory ?? '4Gi';
  const pods = String(spec.pods ?? 110);
  const ip = nodeIP(index);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane
      ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' }
      : {}),
    ...(spec.labels ?? {}),
  };
  const taints = controlPlane
    ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }]
    : (spec.taints ?? []);
  const capacity = { cpu, 'ephemeral-storage': '61202244Ki', memory, pods };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `kind://docker/playground/${name}`,
      ...(taints.length > 0 ? { taints } : {}),
    },
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.8.0-1030-generic',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}

/** Nodes live on 172.18.0.0/16 like a kind cluster: the control plane is .2, workers follow. */
export function nodeIP(index: number): string {
  const n = index + 2;
  return `172.18.${Math.floor(n / 256)}.${n % 256}`;
}

function cond(type: string, status: 'True' | 'False', reason: string, message: string) {
  const t = '2026-01-01T09:00:00Z';
  return { type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t };
}

function makeLease(node: string, clock: Clock): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: node, namespace: 'kube-node-lease', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: {
      holderIdentity: node,
      leaseDurationSeconds: 40,
      renewTime: `${clock.timestamp().replace('Z', '')}.000000Z`,
    },
  };
}

function staticPod(component: string, image: string, cpu: string, memory?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${CONTROL_PLANE}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': 'mirror' },
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    spec: {
      nodeName: CONTROL_PLANE,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      hostNetwork: true,
      containers: [
        {
          name: component,
          image,
          resources: { requests: { cpu, ...(memory ? { memory } : {}) } },
        },
      ],
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  } as unknown as KubeObject;
}

function controlPlanePods(): KubeObject[] {
  return [
    staticPod('etcd', 'registry.k8s.io/etcd:3.6.4-0', '100m', '100Mi'),
    staticPod('kube-apiserver', `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`, '250m'),
    staticPod('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`, '200m'),
    staticPod('kube-scheduler', `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`, '100m'),
  ];
}

function kubeProxyPod(node: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: 'kube-proxy-',
      name: '',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-proxy' },
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    spec: {
      nodeName: node,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      containers: [
        {
          name: 'kube-proxy',
          image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
          command: [
            '/usr/local/bin/kube-proxy',
            '--config=/var/lib/kube-proxy/config.conf',
            '--hostname-override=$(NODE_NAME)',
          ],
        },
      ],
      tolerations: [{ operator: 'Exists' }],
    },
  } as unknown as KubeObject;
}

function corednsPod(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '5dd5756b68' },
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
    },
    spec: {
      priorityClassName: 'system-cluster-critical',
      priority: 2000000000,
      containers: [
        {
          name: 'coredns',
          image: 'registry.k8s.io/coredns/coredns:v1.12.1',
          args: ['-conf', '/etc/coredns/Corefile'],
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
          readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10 },
          livenessProbe: {
            httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 60,
            timeoutSeconds: 5,
            successThreshold: 1,
            failureThreshold: 5,
          },
        },
      ],
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    },
  } as unknown as KubeObject;
}
