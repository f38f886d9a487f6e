/**
 * Test support for the kubelet's tests (imported only by *.test.ts): a cluster with
 * one worker, readers for pod status and events, and a runtime wrapper whose
 * HTTP answers and SIGTERM handling a test can script (the real runtime decides
 * everything else).
 */
import type { ContainerStatus, KubeEvent, Pod } from '../api/types';
import { type Cluster, createCluster } from '../index';
import { type Cri, cri, setRuntimeForTests } from './cri';
import type { ContainerRuntime, HttpResponse, ProcessState } from './runtime/types';

export function oneNode(opts: { seed?: number } = {}): Cluster {
  return createCluster({ nodes: 1, seed: opts.seed ?? 1 });
}

export function podYaml(name: string, body: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${body}`;
}

export function pod(c: Cluster, name: string, ns = 'default'): Pod {
  const p = c.get('Pod', name, ns) as Pod | undefined;
  if (!p) throw new Error(`pod ${ns}/${name} not found`);
  return p;
}

export function cs(c: Cluster, podName: string, container?: string): ContainerStatus {
  const p = pod(c, podName);
  const all = [...(p.status.containerStatuses ?? []), ...(p.status.initContainerStatuses ?? [])];
  const s = container ? all.find((x) => x.name === container) : p.status.containerStatuses?.[0];
  // Before the kubelet's first status the pod has no container statuses: a blank one keeps conditions simple.
  return (
    s ?? { name: container ?? '', state: {}, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '' }
  );
}

/** Events about one object, oldest first, as "Reason: message". */
export function eventsOf(c: Cluster, name: string, reason?: string): string[] {
  return c
    .events()
    .filter((e: KubeEvent) => e.involvedObject.name === name && (!reason || e.reason === reason))
    .map((e) => `${e.reason}: ${e.message}`);
}

/** Advances in small steps until `cond` holds; returns the sim time it first held. */
export function until(c: Cluster, cond: () => boolean, maxMs = 600_000, stepMs = 100): number {
  for (let t = 0; t <= maxMs; t += stepMs) {
    if (cond()) return c.now();
    c.advance(stepMs);
  }
  throw new Error(`condition not met within ${maxMs} ms`);
}

export interface Script {
  /** container name → HTTP status its server answers (undefined: the real runtime answers) */
  http: Record<string, number | 'connection refused'>;
  /** container names whose process ignores SIGTERM (dies only by SIGKILL) */
  ignoreTerm: Set<string>;
  /** container names whose exec commands exit with this code */
  exec: Record<string, number>;
}

/** Wraps the real runtime with scripted answers; call the returned function to restore it. */
export function scriptRuntime(): { script: Script; restore: () => void } {
  setRuntimeForTests();
  const base: Cri = cri();
  const script: Script = { http: {}, ignoreTerm: new Set(), exec: {} };
  const rt: ContainerRuntime = {
    ...base.runtime,
    httpRequest(p: ProcessState, sb, port, path, now): HttpResponse | 'connection refused' | 'timeout' {
      const s = script.http[p.containerName];
      if (s === undefined) return base.runtime.httpRequest(p, sb, port, path, now);
      return s === 'connection refused' ? s : { status: s, body: '' };
    },
    signalProcess(p, sb, signal, now) {
      if (signal === 'SIGTERM' && script.ignoreTerm.has(p.containerName)) return { output: [] };
      return base.runtime.signalProcess(p, sb, signal, now);
    },
    execInContainer(p, sb, argv, now) {
      const code = script.exec[p.containerName];
      if (code === undefined) return base.runtime.execInContainer(p, sb, argv, now);
      return { stdout: '', stderr: '', exitCode: code };
    },
  };
  setRuntimeForTests({ ...base, runtime: rt });
  return { script, restore: () => setRuntimeForTests() };
}
