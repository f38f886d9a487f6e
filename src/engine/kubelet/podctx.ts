/**
 * What one pod sync works with: the controller context, the node agent, the pod's
 * record and API object, and helpers shared by the pod worker's parts (container
 * starts, termination, status). Built fresh for each sync; never stored.
 */
import type { Container, Node, Pod } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import { hex64 } from '../images/digest';
import { EPOCH_MS } from '../sim/clock';
import type { ContainerRec, NodeAgent, PodRec } from './state';

export interface PodCtx {
  ctx: ControllerContext;
  agent: NodeAgent;
  rec: PodRec;
  pod: Pod;
  node: Node;
  now: number;
}

/** One container of the pod with its spec, its record and where it sits in the spec. */
export interface Slot {
  c: Container;
  r: ContainerRec;
  init: boolean;
  /** an init container with restartPolicy: Always (a native sidecar) */
  sidecar: boolean;
}

export function slots(p: PodCtx): Slot[] {
  const out: Slot[] = [];
  const inits = p.pod.spec.initContainers ?? [];
  for (let i = 0; i < inits.length; i++) {
    const r = p.rec.init[i];
    if (r) out.push({ c: inits[i], r, init: true, sidecar: inits[i].restartPolicy === 'Always' });
  }
  const cs = p.pod.spec.containers;
  for (let i = 0; i < cs.length; i++) {
    const r = p.rec.containers[i];
    if (r) out.push({ c: cs[i], r, init: false, sidecar: false });
  }
  return out;
}

export function newContainerRec(name: string): ContainerRec {
  return { name, step: 'waiting', restarts: 0 };
}

/** Events about a container carry its field path, as the kubelet's container references do. */
export function emitFor(p: PodCtx, s: Pick<Slot, 'c' | 'init'>) {
  const fieldPath = `spec.${s.init ? 'initContainers' : 'containers'}{${s.c.name}}`;
  return (type: 'Normal' | 'Warning', reason: string, message: string): void => {
    p.ctx.events.record({ component: 'kubelet', host: p.rec.node }, p.pod, type, reason, message, { fieldPath });
  };
}

export function emitPod(p: PodCtx, type: 'Normal' | 'Warning', reason: string, message: string): void {
  p.ctx.events.record({ component: 'kubelet', host: p.rec.node }, p.pod, type, reason, message);
}

/** containerd IDs are 64 hex characters; ours derive from what makes the instance unique. */
export function containerId(rec: PodRec, name: string, instance: number): string {
  return hex64(`container ${rec.uid} ${name} ${instance} ${rec.boot}`);
}

/** Keeps a container log bounded (the kubelet rotates logs; we keep the tail). */
export const LOG_LIMIT = 32 * 1024;

/**
 * Appends lines to a container's log. The result is built with join(), which copies
 * into one flat string: `+=` would leave a rope of small pieces (several times the
 * text's size in heap) in every running container's record. Appends are rare (a
 * startup banner, an access-log line per request), so the copy costs little.
 */
export function appendLog(r: ContainerRec, lines: { at: number; stream: string; text: string }[]): void {
  if (lines.length === 0) return;
  const parts: string[] = r.log ? [r.log] : [];
  for (const l of lines) {
    const prefix = `${l.at} ${l.stream === 'stderr' ? 'e' : 'o'} `;
    for (const text of String(l.text).split('\n')) parts.push(prefix + text);
  }
  let log = parts.join('\n');
  if (log.length > LOG_LIMIT) {
    const cut = log.indexOf('\n', log.length - LOG_LIMIT);
    log = cut < 0 ? '' : log.slice(cut + 1);
  }
  r.log = log;
}

/** The log text as `kubectl logs` prints it; with timestamps each line starts with its RFC 3339 time. */
export function logText(log: string | undefined, timestamps = false): string {
  if (!log) return '';
  let out = '';
  for (const line of log.split('\n')) {
    const a = line.indexOf(' ');
    const text = line.slice(a + 3);
    out += timestamps ? `${nanoTimestamp(Number(line.slice(0, a)))} ${text}\n` : `${text}\n`;
  }
  return out;
}

/** RFC 3339 with nanoseconds, as the kubelet's log lines carry it: 2026-01-01T09:00:04.837000000Z. */
export function nanoTimestamp(ms: number): string {
  return new Date(EPOCH_MS + Math.floor(ms)).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/**
 * Drops keys whose value is undefined. Records are JSON: a key set to undefined
 * vanishes from a snapshot, so a restored record would grow it back in another
 * position; pruning after every change keeps live and restored records byte-identical.
 */
export function prune(o: object): void {
  const r = o as Record<string, unknown>;
  for (const k in r) if (r[k] === undefined) delete r[k];
}

export function pruneRec(rec: PodRec): void {
  prune(rec);
  for (const r of rec.init) prune(r);
  for (const r of rec.containers) prune(r);
}
