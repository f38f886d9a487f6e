/**
 * client-go's flowcontrol.Backoff as the kubelet uses it (container restarts and
 * image pulls: 10s doubling to 5m), on plain JSON entries so a snapshot carries them.
 * Times are sim milliseconds. Mirrors staging/src/k8s.io/client-go/util/flowcontrol/backoff.go.
 */

export interface BackoffEntry {
  /** current back-off duration */
  ms: number;
  /** when the entry was last updated (Clock.Now() at Next) */
  updated: number;
}

export interface BackoffConfig {
  initialMs: number;
  maxMs: number;
  /** hasExpired threshold: 2 × max */
  expireMs: number;
}

/** hasExpired: eventTime.Sub(lastUpdate) > maxDuration*2. */
export function hasExpired(eventTime: number, lastUpdate: number, cfg: BackoffConfig): boolean {
  return eventTime - lastUpdate > cfg.expireMs;
}

/**
 * Backoff.Next(id, eventTime): a missing or expired entry starts again at the initial
 * duration, otherwise the duration doubles up to the maximum. lastUpdate is "now".
 */
export function backoffNext(
  entry: BackoffEntry | undefined,
  eventTime: number,
  now: number,
  cfg: BackoffConfig,
): BackoffEntry {
  if (!entry || hasExpired(eventTime, entry.updated, cfg)) return { ms: cfg.initialMs, updated: now };
  return { ms: Math.min(entry.ms * 2, cfg.maxMs), updated: now };
}

/** Backoff.IsInBackOffSince(id, eventTime): used for container restarts (eventTime = finishedAt). */
export function isInBackOffSince(
  entry: BackoffEntry | undefined,
  eventTime: number,
  now: number,
  cfg: BackoffConfig,
): boolean {
  if (!entry) return false;
  if (hasExpired(now, entry.updated, cfg)) return false;
  return now - eventTime < entry.ms;
}

/** Backoff.IsInBackOffSinceUpdate(id, eventTime): used for image pulls. */
export function isInBackOffSinceUpdate(entry: BackoffEntry | undefined, now: number, cfg: BackoffConfig): boolean {
  if (!entry) return false;
  if (hasExpired(now, entry.updated, cfg)) return false;
  return now - entry.updated < entry.ms;
}
