/** Builders for the scheduler's own tests: nodes and pods as the API server would store them. */
import type { KubeObject, Node, Taint } from '../api/types';

export function testNode(
  name: string,
  opts: {
    cpu?: string;
    memory?: string;
    pods?: string;
    labels?: Record<string, string>;
    taints?: Taint[];
    unschedulable?: boolean;
    images?: { names: string[]; sizeBytes: number }[];
  } = {},
): Node {
  const allocatable = { cpu: opts.cpu ?? '2', memory: opts.memory ?? '4Gi', pods: opts.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '', labels: opts.labels ?? {} },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: allocatable, allocatable, conditions: [], ...(opts.images ? { images: opts.images } : {}) },
  } as unknown as Node;
}

export function testPod(name: string, spec: Record<string, unknown> = {}, nodeName?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '' },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec, ...(nodeName ? { nodeName } : {}) },
    status: { phase: nodeName ? 'Running' : 'Pending' },
  } as unknown as KubeObject;
}

/** A pod manifest for cluster tests. */
export function podYaml(
  name: string,
  opts: { cpu?: string; memory?: string; extra?: string; image?: string } = {},
): string {
  const requests = [opts.cpu ? `cpu: ${opts.cpu}` : '', opts.memory ? `memory: ${opts.memory}` : '']
    .filter(Boolean)
    .join(', ');
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${opts.extra ?? ''}  containers:
  - name: app
    image: ${opts.image ?? 'nginx:1.27'}
${requests ? `    resources:\n      requests: {${requests}}\n` : ''}`;
}
