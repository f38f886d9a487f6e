/**
 * The engine's public face. Tests, the worker, the lesson runner, the CLI and the
 * benchmarks use only what this file exports.
 */
import { addNode } from './add-node';
import type { ApplyResult } from './api/apply';
import { lookupKind } from './api/kinds';
import type { Watcher } from './api/store';
import type { KubeEvent, KubeObject } from './api/types';
import {
  applyText,
  type ClusterCore,
  type ClusterOptions,
  type ClusterSnapshot,
  deleteObject,
  listEvents,
  loadCluster,
  newCluster,
} from './cluster';
import type { NodeSpec } from './cluster-shape';
import { runKubectl } from './kubectl';
import { crashContainer, execInPod, killNode, readLogs, restoreNode } from './kubelet/public';
import { type SchedulingDecision, schedulingDecision } from './scheduler/public';

export type { NodeSpec } from './cluster-shape';
/** An API timestamp ("2026-01-01T09:00:05Z") as virtual-clock ms, the unit of now(). */
export { fromTimestamp } from './sim/clock';
export type { ApplyResult, ClusterOptions, ClusterSnapshot, KubeEvent, KubeObject, SchedulingDecision, Watcher };

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Cluster {
  apply(manifests: string, opts?: { namespace?: string }): ApplyResult;
  delete(
    kind: string,
    name: string,
    namespace?: string,
    opts?: { propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; gracePeriodSeconds?: number },
  ): ApplyResult;
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  list(kind: string, namespace?: string): KubeObject[];
  advance(ms: number): void;
  now(): number;
  /** When the next pending timer fires (virtual ms), or undefined when none is set. */
  nextTimerAt(): number | undefined;
  kubectl(line: string, stdin?: string): ExecResult;
  events(): KubeEvent[];
  /** A container's log, like `kubectl logs` (previous = the last terminated instance). */
  logs(
    namespace: string,
    pod: string,
    opts?: { container?: string; previous?: boolean; timestamps?: boolean },
  ): { ok: boolean; text: string };
  /** Runs a command inside a running container, like `kubectl exec`. */
  exec(namespace: string, pod: string, command: string[], container?: string): ExecResult;
  /** Why the scheduler put a pod where it did, or why it is Pending. */
  schedulingDecision(namespace: string, pod: string): SchedulingDecision | undefined;
  /** Every store change as it happens (the worker streams these to the UI). */
  watch(fn: Watcher): () => void;
  chaos: {
    killNode(name: string): void;
    restoreNode(name: string): void;
    killPod(namespace: string, name: string): void;
    crashContainer(namespace: string, pod: string, container?: string): void;
    /** Joins one more worker node (node-N unless named); returns its name. */
    addNode(spec?: NodeSpec): string;
  };
  snapshot(): ClusterSnapshot;
  /** Engine internals, for the engine's own tests and tools. Not a stable API. */
  readonly core: ClusterCore;
}

export function createCluster(options: ClusterOptions = {}): Cluster {
  return wrap(newCluster(options));
}

/** Rebuilds a cluster from snapshot(); throws a clear Error for anything that is not one. */
export function restoreCluster(snapshot: ClusterSnapshot): Cluster {
  return wrap(loadCluster(snapshot));
}

function nsFor(kind: string, namespace?: string): string | undefined {
  const info = lookupKind(kind);
  return info?.namespaced ? (namespace ?? 'default') : undefined;
}

function wrap(core: ClusterCore): Cluster {
  const cluster: Cluster = {
    core,
    apply: (text, opts) => applyText(core, text, opts?.namespace),
    delete: (kind, name, namespace, opts) => deleteObject(core, kind, name, namespace, opts),
    get(kind, name, namespace) {
      const info = lookupKind(kind);
      return info ? core.store.get(info.kind, nsFor(kind, namespace), name) : undefined;
    },
    list(kind, namespace) {
      const info = lookupKind(kind);
      if (!info) return [];
      return core.store.list(info.kind, info.namespaced ? namespace : undefined);
    },
    advance: (ms) => core.advance(ms),
    now: () => core.clock.now(),
    nextTimerAt: () => core.timers.peek()?.at,
    kubectl: (line, stdin) => runKubectl(cluster, line, stdin),
    events: () => listEvents(core),
    logs: (namespace, pod, opts) =>
      readLogs(core, namespace, pod, opts?.container, opts?.previous ?? false, opts?.timestamps ?? false),
    exec: (namespace, pod, command, container) => execInPod(core, namespace, pod, command, container),
    schedulingDecision: (namespace, pod) => schedulingDecision(core, namespace, pod),
    watch: (fn) => core.store.watch(fn),
    chaos: {
      killNode: (name) => killNode(core, name),
      restoreNode: (name) => restoreNode(core, name),
      killPod: (namespace, name) => {
        deleteObject(core, 'Pod', name, namespace);
      },
      crashContainer: (namespace, pod, container) => crashContainer(core, namespace, pod, container),
      addNode: (spec) => addNode(core, spec),
    },
    snapshot: () => core.snapshot(),
  };
  return cluster;
}
