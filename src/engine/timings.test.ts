// Every `real` timing is the upstream default; each row names where it comes from.
import { describe, expect, it } from 'vitest';
import { FAST_TIMINGS, REAL_TIMINGS, type Timings, timingsFor } from './timings';

const UPSTREAM: [keyof Timings, number, string][] = [
  ['backoffInitialMs', 10_000, 'kubelet: backOffPeriod 10s (pkg/kubelet/kubelet.go)'],
  ['backoffMaxMs', 300_000, 'kubelet: MaxContainerBackOff 300s'],
  ['leaseDurationSeconds', 40, 'kubelet: nodeLeaseDurationSeconds 40'],
  ['leaseRenewMs', 10_000, 'kubelet: renew interval = 0.25 × lease duration'],
  ['nodeStatusUpdateMs', 10_000, 'kubelet: nodeStatusUpdateFrequency 10s'],
  ['nodeStatusReportMs', 300_000, 'kubelet: nodeStatusReportFrequency 5m'],
  ['nodeMonitorPeriodMs', 5_000, 'kube-controller-manager --node-monitor-period 5s'],
  ['nodeMonitorGracePeriodMs', 50_000, '--node-monitor-grace-period 50s since 1.32 (kubernetes#126287)'],
  ['nodeStartupGracePeriodMs', 60_000, '--node-startup-grace-period 60s'],
  ['nodeEvictionRate', 0.1, '--node-eviction-rate 0.1'],
  ['secondaryNodeEvictionRate', 0.01, '--secondary-node-eviction-rate 0.01'],
  ['largeClusterSizeThreshold', 50, '--large-cluster-size-threshold 50'],
  ['unhealthyZoneThreshold', 0.55, '--unhealthy-zone-threshold 0.55'],
  ['defaultTolerationSeconds', 300, 'DefaultTolerationSeconds admission: 300'],
  ['terminationGracePeriodSeconds', 30, 'core/v1 defaults: terminationGracePeriodSeconds 30'],
  ['probePeriodSeconds', 10, 'core/v1 probe defaults: periodSeconds 10'],
  ['probeTimeoutSeconds', 1, 'timeoutSeconds 1'],
  ['probeFailureThreshold', 3, 'failureThreshold 3'],
  ['probeSuccessThreshold', 1, 'successThreshold 1'],
  ['eventTtlMs', 3_600_000, 'kube-apiserver --event-ttl 1h'],
  ['podGcPeriodMs', 20_000, 'pkg/controller/podgc gcCheckPeriod 20s'],
  ['podGcQuarantineMs', 40_000, 'pkg/controller/podgc quarantineTime 40s'],
  ['terminatedPodGcThreshold', 12_500, '--terminated-pod-gc-threshold 12500'],
];

describe('timings', () => {
  it.each(UPSTREAM)('%s = %s (%s)', (key, value) => {
    expect(REAL_TIMINGS[key]).toBe(value);
  });

  it('the fast profile only shortens waits, and overrides win', () => {
    for (const k of Object.keys(REAL_TIMINGS) as (keyof Timings)[]) {
      expect(FAST_TIMINGS[k]).toBeLessThanOrEqual(
        k === 'pullBytesPerSecond' ? Number.POSITIVE_INFINITY : REAL_TIMINGS[k],
      );
    }
    expect(timingsFor('fast', { defaultTolerationSeconds: 5 }).defaultTolerationSeconds).toBe(5);
    expect(timingsFor()).toEqual(REAL_TIMINGS);
  });
});
