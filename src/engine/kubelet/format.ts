/**
 * Small formatters the kubelet shares: Go's time.Duration text (used in event and
 * waiting messages), the micro-second timestamps of Leases, and format.Pod.
 */
import { EPOCH_MS } from '../sim/clock';

/** Go's time.Duration.String() for a whole number of milliseconds: 400ms, 3.2s, 1m20s, 5m0s, 1h0m0s. */
export function goDuration(ms: number): string {
  const d = Math.max(0, Math.round(ms));
  if (d === 0) return '0s';
  if (d < 1000) return `${d}ms`;
  const h = Math.floor(d / 3_600_000);
  const m = Math.floor((d % 3_600_000) / 60_000);
  const sMs = d % 60_000;
  const whole = Math.floor(sMs / 1000);
  const frac = sMs % 1000;
  const secs = frac === 0 ? `${whole}` : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
  if (h > 0) return `${h}h${m}m${secs}s`;
  if (m > 0) return `${m}m${secs}s`;
  return `${secs}s`;
}

/** metav1.MicroTime as the API server writes it: 2026-01-01T09:00:10.123000Z. */
export function microTimestamp(ms: number): string {
  return new Date(EPOCH_MS + Math.floor(ms)).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** pkg/kubelet/util/format.Pod: name_namespace(uid). */
export function formatPod(pod: { metadata: { name: string; namespace?: string; uid: string } }): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`;
}

/** Go's fmt %s of a []string: [a b c]. */
export function goList(items: string[]): string {
  return `[${items.join(' ')}]`;
}
