/**
 * ClusterIP and NodePort allocation, after pkg/registry/core/service/ipallocator and
 * portallocator as the Service REST storage uses them (storage/alloc.go). The
 * allocated set is read from the Services in the store, so snapshots carry it and a
 * deleted Service's IP and ports are free again at once. Allocation runs after
 * validation, on the real write only: a dry run computes the same answer and
 * the API puts the rng back.
 */
import type { Rng } from '../sim/rng';
import { invalidError } from './errors';
import type { Store } from './store';
import type { KubeObject } from './types';
import { invalid, isRecord, Path } from './validation/field';
import { isHeadless, isIPv4 } from './validation/service';

/** kubeadm's serviceSubnet. */
export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = ipNumber('10.96.0.0');
const CIDR_SIZE = 2 ** 20;
/** The first dynamic allocations avoid the low addresses, kept for static ones (calculateRangeOffset: min(max(16, size/16), 256)). */
const IP_OFFSET = 256;

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** portallocator's calculateRangeOffset: min(max(16, size/32), 128) = 86 for 2768 ports. */
const PORT_OFFSET = 86;

export function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function ipString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The network and broadcast addresses are never handed out. */
function inServiceRange(ip: string): boolean {
  const n = ipNumber(ip);
  return n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1;
}

function needsNodePorts(spec: Record<string, any>): boolean {
  if (spec.type === 'NodePort') return true;
  return spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false;
}

function otherServices(store: Store, svc: KubeObject): KubeObject[] {
  return store
    .list('Service')
    .filter((s) => !(s.metadata.namespace === svc.metadata.namespace && s.metadata.name === svc.metadata.name));
}

/**
 * Gives a new (or updated) Service its clusterIP, nodePorts and IP family fields.
 * Throws the API server's Invalid error when a requested one is taken or out of range.
 */
export function allocateServiceAddresses(obj: KubeObject, store: Store, rng: Rng): void {
  const spec = obj.spec as Record<string, any>;
  if (!isRecord(spec) || spec.type === 'ExternalName') return;
  const others = otherServices(store, obj);
  allocateClusterIP(obj, spec, others, rng);
  spec.ipFamilies ??= ['IPv4'];
  // initIPFamilyFields: a headless Service without a selector takes every family the cluster has.
  spec.ipFamilyPolicy ??= isHeadless(spec) && !isRecord(spec.selector) ? 'RequireDualStack' : 'SingleStack';
  if (needsNodePorts(spec)) allocateNodePorts(obj, spec, others, rng);
}

function allocateClusterIP(obj: KubeObject, spec: Record<string, any>, others: KubeObject[], rng: Rng): void {
  if (isHeadless(spec)) {
    spec.clusterIPs = ['None'];
    return;
  }
  const used = new Set<string>();
  for (const s of others) for (const ip of s.spec?.clusterIPs ?? []) used.add(ip);
  const requested = spec.clusterIP;
  if (requested) {
    let reason = '';
    if (!isIPv4(requested) || !inServiceRange(requested)) {
      reason = `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
    } else if (used.has(requested)) reason = 'provided IP is already allocated';
    if (reason) {
      throw invalidError('Service', obj.metadata.name, [
        invalid(Path.root('spec').child('clusterIPs'), [requested], `failed to allocate IP ${requested}: ${reason}`),
      ]);
    }
    spec.clusterIPs = [requested];
    return;
  }
  const ip = pick(CIDR_SIZE - 2, IP_OFFSET, (i) => !used.has(ipString(CIDR_BASE + 1 + i)), rng);
  if (ip === undefined) {
    throw invalidError('Service', obj.metadata.name, [
      invalid(Path.root('spec').child('clusterIPs'), [], 'failed to allocate IP: range is full'),
    ]);
  }
  spec.clusterIP = ipString(CIDR_BASE + 1 + ip);
  spec.clusterIPs = [spec.clusterIP];
}

function allocateNodePorts(obj: KubeObject, spec: Record<string, any>, others: KubeObject[], rng: Rng): void {
  const used = new Set<number>();
  for (const s of others) for (const p of s.spec?.ports ?? []) if (p?.nodePort) used.add(p.nodePort);
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  // One Service may use the same nodePort for TCP and UDP of the same port.
  const mine = new Map<number, number>();
  for (const [i, p] of ports.entries()) {
    if (!isRecord(p) || !p.nodePort) continue;
    const path = Path.root('spec').child('ports').index(i).child('nodePort');
    if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
      throw invalidError('Service', obj.metadata.name, [
        invalid(
          path,
          p.nodePort,
          `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
        ),
      ]);
    }
    if (used.has(p.nodePort)) {
      throw invalidError('Service', obj.metadata.name, [
        invalid(path, p.nodePort, 'provided port is already allocated'),
      ]);
    }
    mine.set(p.port, p.nodePort);
  }
  for (const p of ports) if (isRecord(p) && p.nodePort) used.add(p.nodePort);
  for (const [i, p] of ports.entries()) {
    if (!isRecord(p) || p.nodePort) continue;
    const same = mine.get(p.port);
    if (same !== undefined) {
      p.nodePort = same;
      continue;
    }
    const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    const k = pick(size, PORT_OFFSET, (j) => !used.has(NODE_PORT_MIN + j), rng);
    if (k === undefined) {
      throw invalidError('Service', obj.metadata.name, [
        invalid(Path.root('spec').child('ports').index(i).child('nodePort'), 0, 'range is full'),
      ]);
    }
    p.nodePort = NODE_PORT_MIN + k;
    used.add(p.nodePort);
    mine.set(p.port, p.nodePort);
  }
}

/**
 * allocateNextService with a range offset: a random free slot in the upper band
 * [offset, size) first, then in the lower band, scanning on from a random start.
 */
function pick(size: number, offset: number, free: (i: number) => boolean, rng: Rng): number | undefined {
  for (const [lo, hi] of [
    [offset, size],
    [0, offset],
  ]) {
    const n = hi - lo;
    if (n <= 0) continue;
    const start = rng.int(n);
    for (let k = 0; k < n; k++) {
      const i = lo + ((start + k) % n);
      if (free(i)) return i;
    }
  }
  return undefined;
}
