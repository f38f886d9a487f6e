/**
 * Object builders for tests: the smallest valid objects, with only what a test
 * cares about spelled out. They return plain manifests (what a user would apply);
 * the API server fills in the rest.
 */

import type { OwnerReference, Taint, Toleration } from '../api/types';
import type { NodeSpec } from '../cluster-shape';

export interface PodOptions {
  namespace?: string;
  /** bind straight to a node (spec.nodeName), skipping the scheduler */
  node?: string;
  image?: string;
  labels?: Record<string, string>;
  tolerations?: Toleration[];
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  terminationGracePeriodSeconds?: number;
  requests?: { cpu?: string; memory?: string };
}

/** A one-container Pod manifest (nginx unless told otherwise). */
export function pod(name: string, o: PodOptions = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.namespace ?? 'default',
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.ownerReferences ? { ownerReferences: o.ownerReferences } : {}),
      ...(o.finalizers ? { finalizers: o.finalizers } : {}),
    },
    spec: {
      ...(o.node ? { nodeName: o.node } : {}),
      containers: [
        {
          name: 'app',
          image: o.image ?? 'nginx:1.27',
          ...(o.requests ? { resources: { requests: o.requests } } : {}),
        },
      ],
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.terminationGracePeriodSeconds !== undefined
        ? { terminationGracePeriodSeconds: o.terminationGracePeriodSeconds }
        : {}),
    },
  };
}

export interface NodeOptions {
  /** topology.kubernetes.io/zone (and region "region-1") */
  zone?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  cpu?: number | string;
  memory?: string;
  pods?: number;
}

/** A worker node for createCluster({ nodes: [node('a'), node('b', { zone: 'z2' })] }). */
export function node(name: string, o: NodeOptions = {}): NodeSpec {
  const labels = {
    ...(o.zone ? { 'topology.kubernetes.io/region': 'region-1', 'topology.kubernetes.io/zone': o.zone } : {}),
    ...(o.labels ?? {}),
  };
  return {
    name,
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
    ...(o.taints ? { taints: o.taints.map(({ key, value, effect }) => ({ key, value, effect })) } : {}),
    ...(o.cpu !== undefined ? { cpu: o.cpu } : {}),
    ...(o.memory !== undefined ? { memory: o.memory } : {}),
    ...(o.pods !== undefined ? { pods: o.pods } : {}),
  };
}

/** An ownerReference to an object as stored (uid included). */
export function ownerRef(
  owner: { apiVersion: string; kind: string; metadata: { name: string; uid: string } },
  o: { controller?: boolean; blockOwnerDeletion?: boolean } = {},
): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    ...(o.controller !== undefined ? { controller: o.controller } : {}),
    ...(o.blockOwnerDeletion !== undefined ? { blockOwnerDeletion: o.blockOwnerDeletion } : {}),
  };
}
