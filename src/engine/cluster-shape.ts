/**
 * The starting cluster, as kubeadm would leave it: namespaces, a tainted
 * control-plane node with its static pods, worker nodes with a pod CIDR each,
 * node leases, kube-proxy on every node and CoreDNS in kube-system.
 */
import type { Api } from './api/api';
import { bytes, cpuMilli } from './api/quantity';
import type { KubeObject, Node, OwnerReference } from './api/types';
import { createDefaultServices } from './network/default-services';
import type { Clock } from './sim/clock';
import type { Rng } from './sim/rng';

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

/** The most workers a cluster may have (the 1,000-node benchmark fits with room to spare). */
export const MAX_WORKERS = 5000;

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * The workers createCluster({ nodes }) asks for, named node-1…node-N unless named.
 * Throws a clear Error for a shape no cluster could have (bad or duplicate names,
 * capacities that are not quantities, a count that is not a whole number).
 */
export function normalizeNodes(nodes: number | NodeSpec[] | undefined): (NodeSpec & { name: string })[] {
  let list: NodeSpec[];
  if (nodes === undefined) list = [{}, {}, {}];
  else if (typeof nodes === 'number') {
    if (!Number.isInteger(nodes) || nodes < 0 || nodes > MAX_WORKERS) {
      throw new Error(`createCluster: nodes must be a whole number from 0 to ${MAX_WORKERS}, got ${nodes}`);
    }
    list = Array.from({ length: nodes }, () => ({}));
  } else if (Array.isArray(nodes)) {
    if (nodes.length > MAX_WORKERS) throw new Error(`createCluster: at most ${MAX_WORKERS} nodes`);
    list = nodes;
  } else {
    throw new Error('createCluster: nodes must be a number or a list of node specs');
  }
  const seen = new Set([CONTROL_PLANE]);
  return list.map((n, i) => {
    const name = n?.name ?? `node-${i + 1}`;
    const where = `createCluster: nodes[${i}]`;
    if (typeof name !== 'string' || name.length > 253 || !DNS1123.test(name)) {
      throw new Error(`${where}.name ${JSON.stringify(name)} is not a valid node name (lowercase DNS-1123 subdomain)`);
    }
    if (seen.has(name)) throw new Error(`${where}.name "${name}" is taken`);
    seen.add(name);
    if (n.cpu !== undefined && !(cpuMilli(n.cpu) > 0))
      throw new Error(`${where}.cpu ${JSON.stringify(n.cpu)} is not a CPU quantity`);
    if (n.memory !== undefined && !(bytes(n.memory) > 0)) {
      throw new Error(`${where}.memory ${JSON.stringify(n.memory)} is not a memory quantity`);
    }
    if (n.pods !== undefined && !(Number.isInteger(n.pods) && n.pods > 0)) {
      throw new Error(`${where}.pods must be a positive whole number`);
    }
    return { ...n, name };
  });
}

/** kubelet --eviction-hard defaults: memory.available<100Mi, nodefs.available<10% (allocatable excludes them). */
const EVICTION_HARD_MEMORY = 100 * 1024 * 1024;
const EVICTION_HARD_NODEFS = 0.1;
const EPHEMERAL_STORAGE_KI = 61202244;

export function bootstrapCluster(api: Api, clock: Clock, workers: NodeSpec[], rng: Rng): void {
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as unknown as KubeObject);
  }
  const count = workers.length + 1;
  const cp = api.store.create(makeNode({ name: CONTROL_PLANE }, 0, true, rng, count));
  for (const [i, w] of workers.entries()) api.store.create(makeNode(w, i + 1, false, rng, count));
  for (const n of api.store.list('Node')) api.store.create(makeLease(n, clock));
  for (const pod of controlPlanePods(nodeOwner(cp), rng, count)) api.create(pod);
  for (const n of api.store.list('Node')) api.create(kubeProxyPod(n.metadata.name));
  for (const suffix of ['674b8bbfcf-7xk2p', '674b8bbfcf-qz9vd']) api.create(corednsPod(`coredns-${suffix}`));
  createDefaultServices(api, nodeIP(0));
}

/** The ownerReference a kubelet puts on mirror pods and node Leases: the Node owns them. */
function nodeOwner(node: KubeObject): OwnerReference {
  return { apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid, controller: true };
}

/**
 * kubeadm's podSubnet, 10.244.0.0/16, holds 256 node /24s (the node IPAM controller's
 * --node-cidr-mask-size 24); a bigger cluster is set up with 10.128.0.0/9, which still
 * stays clear of the Service range 10.96.0.0/12.
 */
export function clusterCIDR(nodeCount: number): string {
  return nodeCount <= 256 ? '10.244.0.0/16' : '10.128.0.0/9';
}

/** The /24 the node IPAM controller hands the node at `index` (0 is the control plane). */
export function nodePodCIDR(index: number, nodeCount: number): string {
  if (nodeCount <= 256) return `10.244.${index}.0/24`;
  return `10.${128 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

export function makeNode(spec: NodeSpec, index: number, controlPlane: boolean, rng: Rng, nodeCount: number): Node {
  const name = spec.name ?? `node-${index}`;
  const cpu = String(spec.cpu ?? 2);
  const memoryBytes = bytes(spec.memory ?? '4Gi');
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
  // The kubelet reports memory and storage in Ki; allocatable is capacity less the hard eviction thresholds.
  const capacity = {
    cpu,
    'ephemeral-storage': `${EPHEMERAL_STORAGE_KI}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${Math.floor(memoryBytes / 1024)}Ki`,
    pods,
  };
  const allocatable = {
    ...capacity,
    'ephemeral-storage': String(Math.floor(EPHEMERAL_STORAGE_KI * 1024 * (1 - EVICTION_HARD_NODEFS))),
    memory: `${Math.floor(Math.max(0, memoryBytes - EVICTION_HARD_MEMORY) / 1024)}Ki`,
  };
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
      podCIDR: nodePodCIDR(index, nodeCount),
      podCIDRs: [nodePodCIDR(index, nodeCount)],
      providerID: `kind://docker/playground/${name}`,
      ...(taints.length > 0 ? { taints } : {}),
    },
    status: {
      capacity,
      allocatable,
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
        bootID: rng.uuid(),
        containerRuntimeVersion: 'containerd://2.1.3',
        kernelVersion: '6.8.0-1030-generic',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: rng.hex(32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: rng.uuid(),
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

export function makeLease(node: KubeObject, clock: Clock): KubeObject {
  const name = node.metadata.name;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: 'kube-node-lease',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      // The kubelet makes its Node the owner, so deleting the Node garbage-collects the Lease.
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }],
    },
    spec: {
      holderIdentity: name,
      leaseDurationSeconds: 40,
      renewTime: `${clock.timestamp().replace('Z', '')}.000000Z`,
    },
  };
}

interface StaticPodSpec {
  component: string;
  image: string;
  cpu: string;
  memory?: string;
  command: string[];
  annotations?: Record<string, string>;
}

/**
 * A mirror pod: the API server's copy of a static pod the kubelet runs from
 * /etc/kubernetes/manifests. It carries the config hash annotations and is owned by its Node.
 */
function staticPod(p: StaticPodSpec, owner: OwnerReference, rng: Rng): KubeObject {
  const hash = rng.hex(32);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${p.component}-${CONTROL_PLANE}`,
      namespace: 'kube-system',
      labels: { component: p.component, tier: 'control-plane' },
      annotations: {
        ...(p.annotations ?? {}),
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': '2026-01-01T09:00:00.000000000Z',
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [owner],
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
          name: p.component,
          image: p.image,
          command: p.command,
          resources: { requests: { cpu: p.cpu, ...(p.memory ? { memory: p.memory } : {}) } },
        },
      ],
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  } as unknown as KubeObject;
}

function controlPlanePods(owner: OwnerReference, rng: Rng, nodeCount: number): KubeObject[] {
  const ip = nodeIP(0);
  const pods: StaticPodSpec[] = [
    {
      component: 'etcd',
      image: 'registry.k8s.io/etcd:3.6.4-0',
      cpu: '100m',
      memory: '100Mi',
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd'],
      annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    },
    {
      component: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
      cpu: '250m',
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--service-cluster-ip-range=10.96.0.0/12'],
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    },
    {
      component: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
      cpu: '200m',
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', `--cluster-cidr=${clusterCIDR(nodeCount)}`],
    },
    {
      component: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
      cpu: '100m',
      command: ['kube-scheduler', '--leader-elect=true'],
    },
  ];
  return pods.map((p) => staticPod(p, owner, rng));
}

export function kubeProxyPod(node: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: 'kube-proxy-',
      name: '',
      namespace: 'kube-system',
      // A DaemonSet's pods; until DaemonSets exist they are plain pods with its labels.
      labels: { 'controller-revision-hash': '66f8d7b5c4', 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' },
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
      labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '674b8bbfcf' },
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
