// Mirrors kubectl's printPod (pkg/printers/internalversion/printers.go) and the table
// cases of its TestPrintPod* tests: the STATUS, READY and RESTARTS columns.
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod, PodStatus } from '../api/types';
import { podColumns } from './podstatus';

function pod(
  status: Partial<PodStatus>,
  extra: { containers?: number; init?: { restartPolicy?: 'Always' }[]; deleting?: boolean } = {},
): Pod {
  const n = extra.containers ?? 1;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: '2026-01-01T09:00:00Z',
      ...(extra.deleting ? { deletionTimestamp: '2026-01-01T09:01:00Z' } : {}),
    },
    spec: {
      containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'nginx' })),
      ...(extra.init ? { initContainers: extra.init.map((c, i) => ({ name: `i${i}`, image: 'busybox', ...c })) } : {}),
    },
    status: { phase: 'Pending', ...status },
  };
}

function cs(state: ContainerStatus['state'], more: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: 'c0', state, lastState: {}, ready: false, restartCount: 0, image: 'nginx', imageID: '', ...more };
}

describe('podColumns (kubectl get pods STATUS/READY/RESTARTS)', () => {
  it('shows the phase of an unscheduled pod: Pending 0/1', () => {
    expect(podColumns(pod({ phase: 'Pending' }))).toEqual({ status: 'Pending', ready: '0/1', restarts: 0 });
  });

  it('shows the waiting reason while the kubelet creates the container: ContainerCreating', () => {
    const p = pod({ containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] });
    expect(podColumns(p).status).toBe('ContainerCreating');
  });

  it('counts ready running containers: Running 2/2', () => {
    const running = { running: { startedAt: '2026-01-01T09:00:05Z' } };
    const p = pod(
      {
        phase: 'Running',
        containerStatuses: [cs(running, { ready: true }), cs(running, { name: 'c1', ready: true, restartCount: 2 })],
      },
      { containers: 2 },
    );
    expect(podColumns(p)).toEqual({ status: 'Running', ready: '2/2', restarts: 2 });
  });

  it('a running but unready container stays Running with 0/1 (status comes from the phase)', () => {
    const p = pod({ phase: 'Running', containerStatuses: [cs({ running: {} }, { ready: false })] });
    expect(podColumns(p)).toEqual({ status: 'Running', ready: '0/1', restarts: 0 });
  });

  it('shows CrashLoopBackOff and sums restarts', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4 })],
    });
    expect(podColumns(p)).toEqual({ status: 'CrashLoopBackOff', ready: '0/1', restarts: 4 });
  });

  it('shows the terminated reason: Completed and Error', () => {
    const done = pod({
      phase: 'Succeeded',
      containerStatuses: [cs({ terminated: { exitCode: 0, reason: 'Completed' } })],
    });
    expect(podColumns(done).status).toBe('Completed');
    const failed = pod({ phase: 'Failed', containerStatuses: [cs({ terminated: { exitCode: 1, reason: 'Error' } })] });
    expect(podColumns(failed).status).toBe('Error');
  });

  it('falls back to ExitCode:N / Signal:N when a terminated container has no reason', () => {
    expect(podColumns(pod({ containerStatuses: [cs({ terminated: { exitCode: 3 } })] })).status).toBe('ExitCode:3');
    expect(podColumns(pod({ containerStatuses: [cs({ terminated: { exitCode: 137, signal: 9 } })] })).status).toBe(
      'Signal:9',
    );
  });

  it('the first container decides: kubectl walks statuses from last to first', () => {
    const p = pod(
      {
        phase: 'Running',
        containerStatuses: [
          cs({ waiting: { reason: 'ImagePullBackOff' } }),
          cs({ waiting: { reason: 'CrashLoopBackOff' } }, { name: 'c1' }),
        ],
      },
      { containers: 2 },
    );
    expect(podColumns(p).status).toBe('ImagePullBackOff');
  });

  it('turns Completed back into Running when another container still runs and the pod is Ready', () => {
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          cs({ running: {} }, { ready: true }),
          cs({ terminated: { exitCode: 0, reason: 'Completed' } }, { name: 'c1' }),
        ],
      },
      { containers: 2 },
    );
    expect(podColumns(p).status).toBe('Running');
    const notReady = { ...p, status: { ...p.status, conditions: [] } };
    expect(podColumns(notReady).status).toBe('NotReady');
  });

  it('shows Terminating while a deletionTimestamp is set on an unfinished pod', () => {
    const p = pod({ phase: 'Running', containerStatuses: [cs({ running: {} }, { ready: true })] }, { deleting: true });
    expect(podColumns(p).status).toBe('Terminating');
    const finished = pod({ phase: 'Succeeded' }, { deleting: true });
    expect(podColumns(finished).status).toBe('Succeeded');
  });

  it('shows Unknown for a deleted pod of an unreachable node (reason NodeLost)', () => {
    expect(podColumns(pod({ phase: 'Running', reason: 'NodeLost' }, { deleting: true })).status).toBe('Unknown');
  });

  it('shows init progress Init:0/1, Init:<reason> and Init:ExitCode:N', () => {
    const waitingInit = pod(
      { initContainerStatuses: [cs({ waiting: { reason: 'PodInitializing' } }, { name: 'i0' })] },
      { init: [{}] },
    );
    expect(podColumns(waitingInit).status).toBe('Init:0/1');
    const crashing = pod(
      { initContainerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, { name: 'i0', restartCount: 3 })] },
      { init: [{}] },
    );
    expect(podColumns(crashing)).toEqual({ status: 'Init:CrashLoopBackOff', ready: '0/1', restarts: 3 });
    const failed = pod(
      { initContainerStatuses: [cs({ terminated: { exitCode: 2 } }, { name: 'i0' })] },
      { init: [{}] },
    );
    expect(podColumns(failed).status).toBe('Init:ExitCode:2');
  });

  it('counts a started sidecar (restartable init container) in READY', () => {
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [cs({ running: {} }, { name: 'i0', started: true, ready: true, restartCount: 1 })],
        containerStatuses: [cs({ running: {} }, { ready: true })],
      },
      { init: [{ restartPolicy: 'Always' }] },
    );
    expect(podColumns(p)).toEqual({ status: 'Running', ready: '2/2', restarts: 1 });
  });

  it('shows SchedulingGated from the PodScheduled condition', () => {
    const p = pod({ conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] });
    expect(podColumns(p).status).toBe('SchedulingGated');
  });
});
