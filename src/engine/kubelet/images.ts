/**
 * The kubelet's image manager over the node's layer cache: pull policies, the serial
 * image puller, pull back-off and the events around them. Mirrors
 * pkg/kubelet/images/image_manager.go (EnsureImageExists). A layer already on the node
 * is not downloaded again; a pull waits for the pulls queued before it.
 */

import { pullPolicyFor } from '../api/defaults';
import type { Container } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import { invalidImageNameMessage } from '../images/reference';
import { type BackoffConfig, backoffNext, isInBackOffSinceUpdate } from './backoff';
import { cri } from './cri';
import { goDuration } from './format';
import type { ContainerRec, NodeAgent, PodRec } from './state';

export type ImageOutcome =
  | { kind: 'present'; ref: string }
  | { kind: 'pulling'; until: number }
  | { kind: 'error'; reason: string; message: string; retryAt: number };

export function imageBackoffConfig(ctx: ControllerContext): BackoffConfig {
  return {
    initialMs: ctx.timings.backoffInitialMs,
    maxMs: ctx.timings.backoffMaxMs,
    expireMs: ctx.timings.backoffResetMs,
  };
}

export type EventSink = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/**
 * EnsureImageExists: decides between "already present", a pull (which finishes later,
 * see finishPull) and an error with the time the pod worker retries.
 */
export function ensureImage(
  ctx: ControllerContext,
  agent: NodeAgent,
  rec: PodRec,
  c: Container,
  r: ContainerRec,
  now: number,
  emit: EventSink,
): ImageOutcome {
  const image = c.image ?? '';
  const retryAt = now + ctx.timings.podWorkerBackoffMs;
  const ref = cri().normalizeImageRef(image);
  if (!ref) {
    const message =
      invalidImageNameMessage(image) ??
      `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
    emit('Warning', 'InspectFailed', message);
    return { kind: 'error', reason: 'InvalidImageName', message, retryAt };
  }
  const cached = agent.images[ref];
  const present = cached !== undefined && cached.readyAt <= now;
  const policy = c.imagePullPolicy ?? pullPolicyFor(image);
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    if (present) {
      emit('Normal', 'Pulled', `Container image "${image}" already present on machine`);
      return { kind: 'present', ref };
    }
    const message = `Container image "${image}" is not present with pull policy of Never`;
    emit('Warning', 'ErrImageNeverPull', message);
    return { kind: 'error', reason: 'ErrImageNeverPull', message, retryAt };
  }
  const cfg = imageBackoffConfig(ctx);
  const entry = rec.imageBackoff?.[image];
  if (isInBackOffSinceUpdate(entry, now, cfg)) {
    const message = `Back-off pulling image "${image}"`;
    emit('Normal', 'BackOff', message);
    return { kind: 'error', reason: 'ImagePullBackOff', message, retryAt: (entry?.updated ?? now) + (entry?.ms ?? 0) };
  }
  emit('Normal', 'Pulling', `Pulling image "${image}"`);
  const began = Math.max(now, agent.pullBusyUntil);
  const info = cri().lookupImage(image);
  let until: number;
  if (!info) {
    // The registry answers "not found" after one round trip.
    until = began + ctx.timings.pullLatencyMs;
    r.pull = { requested: now, began, fails: true };
  } else {
    let missing = 0;
    for (const layer of info.layers) {
      if (agent.layers[layer.digest] === undefined) missing += layer.sizeBytes;
    }
    until = began + ctx.timings.pullLatencyMs + Math.ceil((missing * 1000) / ctx.timings.pullBytesPerSecond);
    for (const layer of info.layers) {
      if (agent.layers[layer.digest] === undefined) agent.layers[layer.digest] = until;
    }
    const prev = agent.images[ref];
    if (!prev || prev.readyAt > until) agent.images[ref] = { ref, readyAt: until };
    agent.imagesVersion++;
    r.pull = { requested: now, began, ref };
  }
  agent.pullBusyUntil = until;
  return { kind: 'pulling', until };
}

/** The end of a pull started by ensureImage: the Pulled event or the failure and its back-off. */
export function finishPull(
  ctx: ControllerContext,
  rec: PodRec,
  c: Container,
  r: ContainerRec,
  now: number,
  emit: EventSink,
): ImageOutcome {
  const image = c.image ?? '';
  const pull = r.pull;
  r.pull = undefined;
  if (!pull || pull.fails || !pull.ref) {
    const err = grpcError(cri().pullErrorMessage(image));
    emit('Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
    rec.imageBackoff ??= {};
    rec.imageBackoff[image] = backoffNext(rec.imageBackoff[image], now, now, imageBackoffConfig(ctx));
    // The pod worker syncs again shortly after a failed sync and finds the back-off.
    return { kind: 'error', reason: 'ErrImagePull', message: err, retryAt: now + ctx.timings.plegRelistMs };
  }
  const info = cri().lookupImage(image);
  const size = info ? info.layers.reduce((n, l) => n + l.sizeBytes, 0) : 0;
  emit(
    'Normal',
    'Pulled',
    `Successfully pulled image "${image}" in ${goDuration(now - pull.began)} (${goDuration(now - pull.requested)} including waiting). Image size: ${size} bytes.`,
  );
  if (rec.imageBackoff) {
    delete rec.imageBackoff[image];
    if (Object.keys(rec.imageBackoff).length === 0) rec.imageBackoff = undefined;
  }
  return { kind: 'present', ref: pull.ref };
}

/**
 * The runtime's error as the kubelet receives it over CRI: wrapped in a gRPC status,
 * NotFound for a missing tag, Unknown otherwise (what `kubectl describe` shows).
 */
export function grpcError(message: string): string {
  if (message.startsWith('rpc error:')) return message;
  const code = /: not found$/.test(message) ? 'NotFound' : 'Unknown';
  return `rpc error: code = ${code} desc = ${message}`;
}

/** Puts images on a node as if they came with the machine image (system images). */
export function preloadImages(agent: NodeAgent, refs: string[]): void {
  for (const written of refs) {
    const info = cri().lookupImage(written);
    const ref = cri().normalizeImageRef(written);
    if (!info || !ref) continue;
    for (const layer of info.layers) agent.layers[layer.digest] = 0;
    agent.images[ref] = { ref, readyAt: 0 };
    agent.imagesVersion++;
  }
}

/** A machine reboot loses pulls that had not finished. */
export function dropUnfinished(agent: NodeAgent, at: number): void {
  for (const [d, t] of Object.entries(agent.layers)) if (t > at) delete agent.layers[d];
  for (const [ref, img] of Object.entries(agent.images)) if (img.readyAt > at) delete agent.images[ref];
  agent.pullBusyUntil = 0;
  agent.imagesVersion++;
}

/** status.images: every complete image with its names, largest first, at most 50 (nodeStatusMaxImages). */
export function nodeImageList(agent: NodeAgent, now: number): { names: string[]; sizeBytes: number }[] {
  const out: { names: string[]; sizeBytes: number }[] = [];
  for (const img of Object.values(agent.images)) {
    if (img.readyAt > now) continue;
    const info = cri().lookupImage(img.ref);
    if (!info) continue;
    out.push({
      names: [`${info.repository}@${info.digest}`, img.ref],
      sizeBytes: info.layers.reduce((n, l) => n + l.sizeBytes, 0),
    });
  }
  out.sort((a, b) => b.sizeBytes - a.sizeBytes || a.names[1].localeCompare(b.names[1]));
  return out.slice(0, 50);
}
