/** Shared helpers of the benchmark files (CPU time, heap, pod manifests). */

export const gc = (globalThis as { gc?: () => void }).gc;

/** CPU time (user + system) of fn, so a busy machine skews it less than wall time would. */
export function cpuMs<T>(fn: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = fn();
  const d = process.cpuUsage(start);
  return { ms: (d.user + d.system) / 1000, value };
}

/** Heap in use after a full collection (needs --expose-gc to mean anything). */
export function heapUsed(): number {
  // Several full collections: weak caches and finalization let go only on a later one.
  for (let i = 0; i < 4; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

export function podManifest(name: string, cpu = '10m', memory = '16Mi'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: bench}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: ${cpu}, memory: ${memory}}
`;
}

export function podManifests(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => podManifest(`${prefix}-${i}`));
}
