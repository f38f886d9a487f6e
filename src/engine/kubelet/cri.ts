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

const REAL: Cri = {
  runtime: real.runtime,
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
  current = fake ?? REAL;
}
