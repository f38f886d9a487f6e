/**
 * Every lifecycle duration and default in one table. Values in `real` are the
 * upstream defaults (cited); `fast` shortens waits for lessons, which then say so on screen.
 */

export interface Timings {
  /** kubelet: restart backoff (client-go flowcontrol.Backoff as used by the kubelet) */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** backoff entry expires after 2 × max without an update (flowcontrol hasExpired) */
  backoffResetMs: number;
  /** kubelet: node lease renew interval (0.25 × leaseDurationSeconds 40) */
  leaseRenewMs: number;
  leaseDurationSeconds: number;
  /** kubelet: nodeStatusUpdateFrequency */
  nodeStatusUpdateMs: number;
  /** kubelet: nodeStatusReportFrequency (status is posted unchanged at most this often) */
  nodeStatusReportMs: number;
  /** kubelet: PLEG relist period (how soon a container exit is acted on) */
  plegRelistMs: number;
  /** kubelet: pod worker back-off after a failed sync (backOffPeriod) */
  podWorkerBackoffMs: number;
  /** node-lifecycle controller: --node-monitor-period */
  nodeMonitorPeriodMs: number;
  /** node-lifecycle controller: --node-monitor-grace-period (50s since Kubernetes 1.32) */
  nodeMonitorGracePeriodMs: number;
  /** node-lifecycle controller: --node-startup-grace-period, for nodes that never posted status */
  nodeStartupGracePeriodMs: number;
  /** node-lifecycle controller: --node-eviction-rate (nodes tainted NoExecute per second per zone) */
  nodeEvictionRate: number;
  /** node-lifecycle controller: --secondary-node-eviction-rate (partially disrupted large zones) */
  secondaryNodeEvictionRate: number;
  /** node-lifecycle controller: --large-cluster-size-threshold */
  largeClusterSizeThreshold: number;
  /** node-lifecycle controller: --unhealthy-zone-threshold (share of not-Ready nodes) */
  unhealthyZoneThreshold: number;
  /** DefaultTolerationSeconds admission plugin: not-ready / unreachable tolerationSeconds */
  defaultTolerationSeconds: number;
  /** pod terminationGracePeriodSeconds default */
  terminationGracePeriodSeconds: number;
  /** probe defaults (core/v1 defaults) */
  probePeriodSeconds: number;
  probeTimeoutSeconds: number;
  probeFailureThreshold: number;
  probeSuccessThreshold: number;
  /** simulated registry: bytes per second per pull, plus a fixed per-pull latency */
  pullBytesPerSecond: number;
  pullLatencyMs: number;
  /** container runtime: create + start a container (sandbox already present) */
  containerStartMs: number;
  /** container runtime: create the pod sandbox (pause container, network) */
  sandboxStartMs: number;
  /** scheduler: retry period for unschedulable pods when nothing in the cluster changed (podMaxInUnschedulablePodsDuration, 5m) */
  unschedulableRetryMs: number;
  /** API server --event-ttl */
  eventTtlMs: number;
  /** pod GC: gcCheckPeriod (pkg/controller/podgc) */
  podGcPeriodMs: number;
  /** pod GC: quarantineTime before a pod on a vanished node is force-deleted */
  podGcQuarantineMs: number;
  /** kube-controller-manager --terminated-pod-gc-threshold */
  terminatedPodGcThreshold: number;
}

export const REAL_TIMINGS: Timings = {
  backoffInitialMs: 10_000,
  backoffMaxMs: 300_000,
  backoffResetMs: 600_000,
  leaseRenewMs: 10_000,
  leaseDurationSeconds: 40,
  nodeStatusUpdateMs: 10_000,
  nodeStatusReportMs: 300_000,
  plegRelistMs: 1_000,
  podWorkerBackoffMs: 10_000,
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 50_000,
  nodeStartupGracePeriodMs: 60_000,
  nodeEvictionRate: 0.1,
  secondaryNodeEvictionRate: 0.01,
  largeClusterSizeThreshold: 50,
  unhealthyZoneThreshold: 0.55,
  defaultTolerationSeconds: 300,
  terminationGracePeriodSeconds: 30,
  probePeriodSeconds: 10,
  probeTimeoutSeconds: 1,
  probeFailureThreshold: 3,
  probeSuccessThreshold: 1,
  pullBytesPerSecond: 20 * 1024 * 1024,
  pullLatencyMs: 400,
  containerStartMs: 300,
  sandboxStartMs: 700,
  unschedulableRetryMs: 300_000,
  eventTtlMs: 3_600_000,
  podGcPeriodMs: 20_000,
  podGcQuarantineMs: 40_000,
  terminatedPodGcThreshold: 12_500,
};

export type TimingProfile = 'real' | 'fast';

export const FAST_TIMINGS: Timings = {
  ...REAL_TIMINGS,
  nodeMonitorGracePeriodMs: 20_000,
  defaultTolerationSeconds: 30,
  pullBytesPerSecond: 200 * 1024 * 1024,
};

export function timingsFor(profile: TimingProfile = 'real', overrides: Partial<Timings> = {}): Timings {
  return { ...(profile === 'fast' ? FAST_TIMINGS : REAL_TIMINGS), ...overrides };
}
