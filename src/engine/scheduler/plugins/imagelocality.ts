/**
 * ImageLocality (pkg/scheduler/framework/plugins/imagelocality): favour nodes that
 * already hold the pod's images, weighted by how widely each image is spread (an
 * image on every node says little). Names are matched as written in the pod, with
 * ":latest" added when there is no tag, against node.status.images names — upstream
 * does no registry normalization, so "nginx" does not match "docker.io/library/nginx".
 */
import type { NodeInfo } from '../nodeinfo';
import { MAX_NODE_SCORE } from './noderesources';

export const IMAGE_LOCALITY = 'ImageLocality';

const MB = 1024 * 1024;
/** minThreshold: below 23MB an image is not worth preferring a node for */
export const MIN_THRESHOLD = 23 * MB;
/** maxContainerThreshold: 1000MB per container */
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** calculatePriority: the summed image score mapped linearly between the thresholds onto 0-100. */
export function imageLocalityPriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/**
 * Score: Σ size × (nodes holding the image / all nodes) over the pod's containers
 * (init containers included), then calculatePriority.
 */
export function imageLocalityScore(
  images: string[],
  ni: NodeInfo,
  nodesWithImage: (name: string) => number,
  totalNodes: number,
): number {
  if (images.length === 0) return 0;
  let sum = 0;
  for (const name of images) {
    const size = ni.images.get(name);
    if (size === undefined) continue;
    sum += Math.trunc(size * (nodesWithImage(name) / totalNodes));
  }
  return imageLocalityPriority(sum, images.length);
}

/** Per-pod part of the score (the spread of each image), computed once per cycle instead of per node. */
export interface ImageSpread {
  images: string[];
  spreads: number[];
}

/** undefined when no node holds any of the pod's images: every node then scores 0. */
export function imageSpread(
  images: string[],
  nodesWithImage: (name: string) => number,
  totalNodes: number,
): ImageSpread | undefined {
  let any = false;
  const spreads = images.map((name) => {
    const n = nodesWithImage(name);
    if (n > 0) any = true;
    return n / totalNodes;
  });
  return any ? { images, spreads } : undefined;
}

/** imageLocalityScore with the spreads precomputed (same arithmetic). */
export function imageLocalityScoreWith(s: ImageSpread, ni: NodeInfo): number {
  let sum = 0;
  for (let i = 0; i < s.images.length; i++) {
    const size = ni.images.get(s.images[i]);
    if (size === undefined) continue;
    sum += Math.trunc(size * s.spreads[i]);
  }
  return imageLocalityPriority(sum, s.images.length);
}
