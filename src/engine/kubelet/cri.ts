/**
 * The kubelet's view of the container runtime and the image registry (CRI + the image
 * catalog). The default is the simulated runtime; tests may swap in a fake with
 * setRuntimeForTests. The swap holds functions only, never cluster state.
 */
import * as real from './runtime';
import type { ContainerRuntime, ImageInfo } from './runtime/types';

export interface Cri {
  runtime: ContainerRuntime;
  /** the catalog entry for a reference as written in a pod spec; undefined = not in the registry */
  lookupImage(ref: string): ImageInfo | undefined;
  /** the fully qualified reference; undefined when the reference is not valid */
  normalizeImageRef(ref: string): string | undefined;
  /** the runtime's error text for a failed pull of `ref` */
  pullErrorMessage(ref: string): string;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The runtime behind a guard: a fault inside it becomes a failed container (StartError,
 * Error) or a failed probe, never an exception out of the kubelet's sync and so out of
 * the public API.
 */
function guarded(rt: ContainerRuntime): ContainerRuntime {
  return {
    startProcess(req, sandbox) {
      try {
        return rt.startProcess(req, sandbox);
      } catch (e) {
        const message = `failed to create containerd task: failed to create shim task: ${messageOf(e)}`;
        const process = {
          containerName: req.containerName,
          image: req.image.ref,
          argv: [...(req.command ?? []), ...(req.args ?? [])],
          env: req.env,
          rootfs: {},
          mounts: req.mounts,
          startedAt: req.now,
          data: {},
        };
        return {
          process,
          result: { output: [], exited: { exitCode: 128, reason: 'StartError', message, at: req.now } },
        };
      }
    },
    stepProcess(p, sandbox, now) {
      try {
        return rt.stepProcess(p, sandbox, now);
      } catch (e) {
        return {
          output: [{ at: now, stream: 'stderr', text: messageOf(e) }],
          exited: { exitCode: 255, reason: 'Error', at: now },
        };
      }
    },
    signalProcess(p, sandbox, signal, now) {
      try {
        return rt.signalProcess(p, sandbox, signal, now);
      } catch {
        return { output: [], exited: { exitCode: 137, reason: 'Error', signal: 9, at: now } };
      }
    },
    httpRequest(p, sandbox, port, path, now, client) {
      try {
        return rt.httpRequest(p, sandbox, port, path, now, client);
      } catch {
        return 'connection refused';
      }
    },
    tcpConnect(p, sandbox, port, now) {
      try {
        return rt.tcpConnect(p, sandbox, port, now);
      } catch {
        return false;
      }
    },
    execInContainer(p, sandbox, argv, now, net) {
      try {
        return rt.execInContainer(p, sandbox, argv, now, net);
      } catch (e) {
        return { stdout: '', stderr: `OCI runtime exec failed: ${messageOf(e)}\n`, exitCode: 126 };
      }
    },
  };
}

const REAL: Cri = {
  runtime: guarded(real.runtime),
  lookupImage: (ref) => safe(() => real.lookupImage(ref)) ?? undefined,
  normalizeImageRef: (ref) => safe(() => real.normalizeImageRef(ref)) ?? undefined,
  pullErrorMessage: (ref) => real.pullErrorMessage(ref),
};

let current: Cri = REAL;

export function cri(): Cri {
  return current;
}

/** Replaces the runtime (and catalog) for tests; call with no argument to restore the real one. */
export function setRuntimeForTests(fake?: Cri): void {
  current = fake ? { ...fake, runtime: guarded(fake.runtime) } : REAL;
}
