// spec.podFailurePolicy, after pkg/controller/job/pod_failure_policy.go and the cases of
// pod_failure_policy_test.go (TestMatchPodFailurePolicy), plus the kubernetes.io
// example (testdata/k8s-examples/controllers__job-pod-failure-policy-example.yaml, from kubernetes/website
// content/en/examples/controllers, CC BY 4.0).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../api/types';
import type { Job, JobSpec } from '../api/workload-types';
import { testCluster } from '../testing';
import { matchPodFailurePolicy } from './job-podfailurepolicy';

function failedPod(exitCodes: Record<string, number>, conditions: { type: string; status: string }[] = []): Pod {
  const statuses = Object.entries(exitCodes).map(
    ([name, exitCode]) => ({ name, state: { terminated: { exitCode } } }) as unknown as ContainerStatus,
  );
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'mypod', namespace: 'default' } as Pod['metadata'],
    spec: { containers: [] },
    status: { phase: 'Failed', containerStatuses: statuses, conditions: conditions as Pod['status']['conditions'] },
  };
}

type Policy = JobSpec['podFailurePolicy'];

const onExit = (action: string, operator: 'In' | 'NotIn', values: number[], containerName?: string) =>
  ({ action, onExitCodes: { operator, values, ...(containerName ? { containerName } : {}) } }) as never;
const onCond = (action: string, type: string, status = 'True') =>
  ({ action, onPodConditions: [{ type, status }] }) as never;

describe('matchPodFailurePolicy', () => {
  const cases: {
    name: string;
    policy: Policy;
    pod: Pod;
    want: { message?: string; count: boolean; action?: string };
  }[] = [
    {
      name: 'no policy: counted, no action',
      policy: undefined,
      pod: failedPod({ main: 1 }),
      want: { count: true },
    },
    {
      name: 'FailJob on exit code In',
      policy: { rules: [onExit('FailJob', 'In', [2, 3, 5])] },
      pod: failedPod({ main: 2 }),
      want: {
        message: 'Container main for pod default/mypod failed with exit code 2 matching FailJob rule at index 0',
        count: true,
        action: 'FailJob',
      },
    },
    {
      name: 'Ignore on exit code NotIn',
      policy: { rules: [onExit('Ignore', 'NotIn', [1, 2])] },
      pod: failedPod({ main: 42 }),
      want: { count: false, action: 'Ignore' },
    },
    {
      name: 'NotIn does not match a listed code; no rule matches',
      policy: { rules: [onExit('Ignore', 'NotIn', [1, 2])] },
      pod: failedPod({ main: 2 }),
      want: { count: true },
    },
    {
      name: 'exit code 0 never matches (NotIn)',
      policy: { rules: [onExit('FailJob', 'NotIn', [5])] },
      pod: failedPod({ main: 0 }),
      want: { count: true },
    },
    {
      name: 'containerName restricts the rule',
      policy: { rules: [onExit('FailJob', 'In', [2], 'other')] },
      pod: failedPod({ main: 2 }),
      want: { count: true },
    },
    {
      name: 'the first matching rule wins (rule index in the message)',
      policy: { rules: [onExit('Count', 'In', [7]), onExit('FailJob', 'In', [2])] },
      pod: failedPod({ main: 2 }),
      want: {
        message: 'Container main for pod default/mypod failed with exit code 2 matching FailJob rule at index 1',
        count: true,
        action: 'FailJob',
      },
    },
    {
      name: 'Count on exit code',
      policy: { rules: [onExit('Count', 'In', [2])] },
      pod: failedPod({ main: 2 }),
      want: { count: true, action: 'Count' },
    },
    {
      name: 'Ignore on DisruptionTarget',
      policy: { rules: [onCond('Ignore', 'DisruptionTarget')] },
      pod: failedPod({ main: 137 }, [{ type: 'DisruptionTarget', status: 'True' }]),
      want: { count: false, action: 'Ignore' },
    },
    {
      name: 'FailJob on a pod condition',
      policy: { rules: [onCond('FailJob', 'DisruptionTarget')] },
      pod: failedPod({ main: 137 }, [{ type: 'DisruptionTarget', status: 'True' }]),
      want: {
        message: 'Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0',
        count: true,
        action: 'FailJob',
      },
    },
    {
      name: 'the condition status must match too',
      policy: { rules: [onCond('Ignore', 'DisruptionTarget', 'False')] },
      pod: failedPod({ main: 137 }, [{ type: 'DisruptionTarget', status: 'True' }]),
      want: { count: true },
    },
    {
      name: 'FailIndex without backoffLimitPerIndex is skipped',
      policy: { rules: [onExit('FailIndex', 'In', [2]), onExit('Ignore', 'In', [2])] },
      pod: failedPod({ main: 2 }),
      want: { count: false, action: 'Ignore' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = matchPodFailurePolicy(c.policy, c.pod);
      expect(got.failJobMessage).toBe(c.want.message);
      expect(got.countFailed).toBe(c.want.count);
      expect(got.action).toBe(c.want.action);
    });
  }
});

describe('pod failure policy in a running cluster', () => {
  const example = readFileSync(
    resolve(__dirname, 'testdata/k8s-examples/controllers__job-pod-failure-policy-example.yaml'),
    'utf8',
  );

  it('the kubernetes.io example: exit 42 fires FailJob, the Job fails at once without retries', () => {
    const t = testCluster().apply(example).advance('1m');
    const job = t.get<Job>('Job', 'job-pod-failure-policy-example') as Job;
    expect(job.spec.podReplacementPolicy).toBe('Failed');
    const failed = job.status?.conditions?.find((c) => c.type === 'Failed');
    expect(failed).toMatchObject({ status: 'True', reason: 'PodFailurePolicy' });
    expect(failed?.message).toMatch(
      /^Container main for pod default\/job-pod-failure-policy-example-[a-z0-9]{5} failed with exit code 42 matching FailJob rule at index 0$/,
    );
    // parallelism 3: the first three pods ran, none was ever replaced (backoffLimit 6 never reached).
    expect(t.events('SuccessfulCreate')).toHaveLength(3);
    expect(job.status?.active).toBeUndefined();
    expect(t.events('PodFailurePolicy')).toHaveLength(1);
    expect(t.run('get job job-pod-failure-policy-example --no-headers').stdout).toMatch(/\sFailed\s+0\/12\s/);
  });

  it('FailJob terminates the pods still running', () => {
    const t = testCluster().apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: mixed
spec:
  completions: 2
  parallelism: 2
  completionMode: Indexed
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        operator: In
        values: [42]
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "if [ \\"$JOB_COMPLETION_INDEX\\" = 0 ]; then sleep 2; exit 42; fi; sleep 600"]
`);
    t.advance('1m');
    const job = t.get<Job>('Job', 'mixed') as Job;
    expect(job.status?.conditions?.find((c) => c.type === 'Failed')?.reason).toBe('PodFailurePolicy');
    // Index 1 was still sleeping when index 0 exited 42: it was deleted and counted as failed.
    expect(t.events('SuccessfulCreate')).toHaveLength(2);
    expect(t.events('SuccessfulDelete')).toHaveLength(1);
    expect(job.status?.failed).toBe(2);
  });

  it('Ignore: a pod failure with DisruptionTarget does not count toward backoffLimit', () => {
    const t = testCluster().apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: evicted
spec:
  backoffLimit: 0
  podFailurePolicy:
    rules:
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "sleep 20"]
`);
    t.advance('5s');
    const [p] = t.list<Pod>('Pod').filter((x) => x.metadata.labels?.['job-name'] === 'evicted');
    const cond = { type: 'DisruptionTarget', status: 'True' as const, reason: 'EvictionByEvictionAPI' };
    t.core.api.updateStatus({
      ...p,
      status: { ...p.status, phase: 'Failed', conditions: [...(p.status.conditions ?? []), cond] },
    });
    t.advance('2m');
    const job = t.get<Job>('Job', 'evicted') as Job;
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.status?.failed).toBeUndefined();
    expect(job.status?.succeeded).toBe(1);
    expect(job.status?.conditions?.find((c) => c.type === 'Complete')?.status).toBe('True');
  });
});
