/**
 * The kubelet as a node agent: registration events at boot, the Lease heartbeat every
 * leaseRenewMs, and the node status (conditions, nodeInfo, images) checked every
 * nodeStatusUpdateMs and posted only when it changed or nodeStatusReportMs passed.
 * Mirrors pkg/kubelet/kubelet_node_status.go, nodestatus/setters.go and the
 * nodelease controller. One timer per node, nothing per pod.
 */
import { jsonEqual } from '../api/store';
import type { Condition, KubeObject, Node } from '../api/types';
import { KUBERNETES_VERSION } from '../cluster-shape';
import type { ControllerContext } from '../controllers/context';
import { hex64 } from '../images/digest';
import { microTimestamp } from './format';
import { nodeImageList, preloadImages } from './images';
import { prune } from './podctx';
import type { KubeletState, NodeAgent } from './state';

export const NODE_KEY = 'n/';
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.4';

/** Images the node's machine image ships with (kind preloads the system images on every node). */
export const SYSTEM_IMAGES = [
  'registry.k8s.io/etcd:3.6.4-0',
  `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  'registry.k8s.io/coredns/coredns:v1.12.1',
  'registry.k8s.io/pause:3.10',
];

function uuidFrom(text: string): string {
  const h = hex64(text);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function bootIdFor(node: string, boot: number): string {
  return uuidFrom(`boot ${node} ${boot}`);
}

export function ensureAgent(ctx: ControllerContext, st: KubeletState, node: Node): NodeAgent {
  const name = node.metadata.name;
  let agent = st.nodes[name];
  if (agent) return agent;
  const boot = ctx.machines().boots[name] ?? 0;
  agent = {
    boot,
    bootID: bootIdFor(name, boot),
    layers: {},
    images: {},
    imagesVersion: 0,
    reportedImagesVersion: -1,
    pullBusyUntil: 0,
    lastLeaseRenew: NEVER,
    lastStatusReport: NEVER,
    lastStatusCheck: NEVER,
    starting: true,
    ipam: { last: 1, used: {} },
  };
  preloadImages(agent, SYSTEM_IMAGES);
  st.nodes[name] = agent;
  return agent;
}

/** "Long ago", kept JSON-safe (an infinity would not survive a JSON snapshot). */
const NEVER = -1e12;

function since(t: number | null | undefined): number {
  return t === null || t === undefined ? NEVER : t;
}

export function syncNode(ctx: ControllerContext, st: KubeletState, name: string): void {
  const node = ctx.store.get('Node', undefined, name) as Node | undefined;
  if (!node) {
    delete st.nodes[name];
    return;
  }
  if (ctx.machines().down[name] !== undefined) return;
  const agent = ensureAgent(ctx, st, node);
  const now = ctx.clock.now();
  if (agent.timerAt !== undefined && agent.timerAt <= now) agent.timerAt = undefined;
  const t = ctx.timings;
  if (agent.starting) announceBoot(ctx, agent, node);
  if (now - since(agent.lastLeaseRenew) >= t.leaseRenewMs) {
    renewLease(ctx, name, now);
    agent.lastLeaseRenew = now;
  }
  if (agent.starting || now - since(agent.lastStatusCheck) >= t.nodeStatusUpdateMs) {
    agent.lastStatusCheck = now;
    const force = agent.starting || now - since(agent.lastStatusReport) >= t.nodeStatusReportMs;
    if (postNodeStatus(ctx, agent, name, force)) agent.lastStatusReport = now;
    agent.starting = undefined;
  }
  const next = Math.min(
    since(agent.lastLeaseRenew) + t.leaseRenewMs,
    since(agent.lastStatusCheck) + t.nodeStatusUpdateMs,
  );
  if (agent.timerAt === undefined || agent.timerAt <= now || next < agent.timerAt) {
    agent.timerAt = next;
    ctx.after(next - now, `${NODE_KEY}${name}`);
  }
  prune(agent);
}

/** "Starting kubelet." and the condition events a kubelet records when it (re)starts. */
function announceBoot(ctx: ControllerContext, agent: NodeAgent, node: Node): void {
  const name = node.metadata.name;
  const src = { component: 'kubelet', host: name };
  const ref = nodeRef(node);
  ctx.events.normal(src, ref, 'Starting', 'Starting kubelet.');
  if (agent.boot > 0)
    ctx.events.warning(src, ref, 'Rebooted', `Node ${name} has been rebooted, boot id: ${agent.bootID}`);
  for (const ev of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
    ctx.events.normal(src, ref, ev, `Node ${name} status is now: ${ev}`);
  }
  ctx.events.normal(src, ref, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  // A first boot registers an already-Ready node here; a reboot records NodeReady on the transition.
  if (agent.boot === 0) ctx.events.normal(src, ref, 'NodeReady', `Node ${name} status is now: NodeReady`);
}

/** The kubelet's events about its node name the node with uid = node name (its nodeRef). */
function nodeRef(node: Node): KubeObject {
  return { ...node, metadata: { ...node.metadata, uid: node.metadata.name } };
}

function renewLease(ctx: ControllerContext, name: string, now: number): void {
  const lease = ctx.store.get('Lease', 'kube-node-lease', name);
  const renewTime = microTimestamp(now);
  if (lease) {
    ctx.api.replace({ ...lease, spec: { ...lease.spec, holderIdentity: name, renewTime } });
    return;
  }
  const node = ctx.store.get('Node', undefined, name);
  ctx.api.create({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: 'kube-node-lease',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      ...(node ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }] } : {}),
    },
    spec: { holderIdentity: name, leaseDurationSeconds: ctx.timings.leaseDurationSeconds, renewTime },
  } as KubeObject);
}

const HEALTHY: [string, string, string, string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** Builds the node status the kubelet would post and writes it when due. Returns whether it posted. */
function postNodeStatus(ctx: ControllerContext, agent: NodeAgent, name: string, force: boolean): boolean {
  const node = ctx.store.get('Node', undefined, name) as Node;
  const now = ctx.clock.now();
  const stamp = ctx.clock.timestamp(now);
  const old = node.status ?? ({} as Node['status']);
  const src = { component: 'kubelet', host: name };
  const ref = nodeRef(node);
  const conditions: Condition[] = (old.conditions ?? []).filter((c) => !HEALTHY.some((h) => h[0] === c.type));
  for (const [type, status, reason, message] of HEALTHY) {
    const prev = (old.conditions ?? []).find((c) => c.type === type);
    const changed = !prev || prev.status !== status;
    // setters.go ReadyCondition records the transition to Ready as an event
    if (changed && type === 'Ready') ctx.events.normal(src, ref, 'NodeReady', `Node ${name} status is now: NodeReady`);
    conditions.push({
      type,
      status: status as Condition['status'],
      lastHeartbeatTime: prev?.lastHeartbeatTime ?? stamp,
      lastTransitionTime: !changed && prev?.lastTransitionTime ? prev.lastTransitionTime : stamp,
      reason,
      message,
    });
  }
  // The image list and the machine's identity change rarely: rebuild them only when they did.
  const images =
    agent.reportedImagesVersion === agent.imagesVersion && old.images ? old.images : nodeImageList(agent, now);
  const info = old.nodeInfo ?? {};
  const fresh = info.bootID === agent.bootID && info.containerRuntimeVersion === CONTAINER_RUNTIME_VERSION;
  const status = {
    ...old,
    conditions,
    nodeInfo: fresh
      ? info
      : {
          ...info,
          bootID: agent.bootID,
          machineID: hex64(`machine ${name}`).slice(0, 32),
          systemUUID: uuidFrom(`system ${name}`),
          containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
          kubeletVersion: KUBERNETES_VERSION,
          kubeProxyVersion: KUBERNETES_VERSION,
        },
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    ...(images.length > 0 ? { images } : {}),
  };
  if (!force && jsonEqual(status, old)) return false;
  for (const c of conditions) c.lastHeartbeatTime = stamp;
  ctx.api.updateStatus({ ...node, status });
  agent.reportedImagesVersion = agent.imagesVersion;
  return true;
}
