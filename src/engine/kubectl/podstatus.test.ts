// The STATUS / READY / RESTARTS columns, table-driven like kubernetes
// pkg/printers/internalversion/printers_test.go TestPrintPod and friends.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { fromTimestamp } from '../sim/clock';
import { podColumns } from './podstatus';
import { running, terminated, ts, waiting } from './testutil';

function pod(spec: Partial<Pod['spec']>, status: Partial<Pod['status']>, meta: Record<string, unknown> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: ts(0), ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status: { phase: 'Pending', ...status },
  } as Pod;
}

const init = [{ name: 'init', image: 'busybox' }];

const cases: [string, Pod, string, string, number][] = [
  ['a pending pod shows its phase', pod({}, {}), 'Pending', '0/1', 0],
  [
    'ContainerCreating while waiting',
    pod({}, { containerStatuses: [waiting('ContainerCreating')] as any }),
    'ContainerCreating',
    '0/1',
    0,
  ],
  [
    'a running ready container',
    pod({}, { phase: 'Running', containerStatuses: [running()] as any }),
    'Running',
    '1/1',
    0,
  ],
  [
    'CrashLoopBackOff wins over Running',
    pod({}, { phase: 'Running', containerStatuses: [waiting('CrashLoopBackOff', 'app', { restartCount: 3 })] as any }),
    'CrashLoopBackOff',
    '0/1',
    3,
  ],
  [
    'Completed',
    pod({}, { phase: 'Succeeded', containerStatuses: [terminated('Completed', 0)] as any }),
    'Completed',
    '0/1',
    0,
  ],
  ['Error', pod({}, { phase: 'Failed', containerStatuses: [terminated('Error', 1)] as any }), 'Error', '0/1', 0],
  [
    'OOMKilled',
    pod({}, { phase: 'Running', containerStatuses: [terminated('OOMKilled', 137)] as any }),
    'OOMKilled',
    '0/1',
    0,
  ],
  [
    'a terminated container without a reason shows its exit code',
    pod(
      {},
      { phase: 'Failed', containerStatuses: [{ ...terminated('', 2), state: { terminated: { exitCode: 2 } } }] as any },
    ),
    'ExitCode:2',
    '0/1',
    0,
  ],
  ['status.reason overrides the phase (Evicted)', pod({}, { phase: 'Failed', reason: 'Evicted' }), 'Evicted', '0/1', 0],
  [
    'Init:0/1 while the init container runs',
    pod({ initContainers: init as any }, { initContainerStatuses: [running('init', { ready: false })] as any }),
    'Init:0/1',
    '0/1',
    0,
  ],
  [
    'Init:CrashLoopBackOff',
    pod(
      { initContainers: init as any },
      { initContainerStatuses: [waiting('CrashLoopBackOff', 'init', { restartCount: 2 })] as any },
    ),
    'Init:CrashLoopBackOff',
    '0/1',
    2,
  ],
  [
    'Init:Error when an init container failed',
    pod({ initContainers: init as any }, { initContainerStatuses: [terminated('Error', 1, 'init')] as any }),
    'Init:Error',
    '0/1',
    0,
  ],
  [
    'PodInitializing after the init containers',
    pod(
      { initContainers: init as any },
      {
        initContainerStatuses: [terminated('Completed', 0, 'init')] as any,
        containerStatuses: [waiting('PodInitializing')] as any,
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    ),
    'PodInitializing',
    '0/1',
    0,
  ],
  [
    'a started sidecar counts as a container',
    pod(
      { initContainers: [{ name: 'side', image: 'busybox', restartPolicy: 'Always' }] as any },
      {
        phase: 'Running',
        initContainerStatuses: [running('side')] as any,
        containerStatuses: [running()] as any,
        conditions: [{ type: 'Initialized', status: 'True' }],
      },
    ),
    'Running',
    '2/2',
    0,
  ],
  [
    'Terminating while a deletionTimestamp is set',
    pod({}, { phase: 'Running', containerStatuses: [running()] as any }, { deletionTimestamp: ts(30000) }),
    'Terminating',
    '1/1',
    0,
  ],
  [
    'Unknown for a pod of a lost node being deleted',
    pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ts(30000) }),
    'Unknown',
    '0/1',
    0,
  ],
  [
    'a finished pod being deleted keeps its status',
    pod(
      {},
      { phase: 'Succeeded', containerStatuses: [terminated('Completed', 0)] as any },
      { deletionTimestamp: ts(1) },
    ),
    'Completed',
    '0/1',
    0,
  ],
  [
    'Completed next to a running container reads Running when the pod is Ready',
    pod(
      {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'x' },
        ] as any,
      },
      {
        phase: 'Running',
        containerStatuses: [terminated('Completed', 0, 'a'), running('b')] as any,
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    ),
    'Running',
    '1/2',
    0,
  ],
  [
    'the first container state wins (walked backwards)',
    pod(
      {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'x' },
        ] as any,
      },
      { phase: 'Running', containerStatuses: [waiting('ImagePullBackOff', 'a'), waiting('ErrImagePull', 'b')] as any },
    ),
    'ImagePullBackOff',
    '0/2',
    0,
  ],
  [
    'SchedulingGated',
    pod({}, { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
    'SchedulingGated',
    '0/1',
    0,
  ],
];

describe('podColumns (printPod)', () => {
  for (const [name, p, status, ready, restarts] of cases) {
    it(name, () => {
      const cols = podColumns(p);
      expect([cols.status, cols.ready, cols.restarts]).toEqual([status, ready, restarts]);
    });
  }

  it('remembers when the last restart happened (for "3 (2m ago)")', () => {
    const p = pod(
      {},
      {
        phase: 'Running',
        containerStatuses: [
          running('app', {
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ts(60000) } },
          }),
        ] as any,
      },
    );
    expect(podColumns(p).lastRestartAt).toBe(fromTimestamp(ts(60000)));
  });
});
