// Job defaults and the generated selector, mirroring pkg/apis/batch/v1/defaults_test.go
// (TestSetDefaultJob) and pkg/registry/batch/job/strategy_test.go (generateSelector).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

const base = (spec: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
${extra}spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
`;

function created(yaml: string) {
  const c = createCluster();
  const r = c.apply(yaml);
  expect(r.errors).toEqual([]);
  return c.get('Job', 'pi') as NonNullable<ReturnType<typeof c.get>>;
}

describe('SetDefaults_Job', () => {
  it('fills every default of a bare Job', () => {
    const j = created(base(''));
    expect(j.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
    });
  });

  it('with a pod failure policy, podReplacementPolicy is Failed and a condition pattern status True', () => {
    const j = created(
      base(
        '  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n',
      ),
    );
    expect(j.spec.podReplacementPolicy).toBe('Failed');
    expect(j.spec.podFailurePolicy.rules[0].onPodConditions[0]).toEqual({ type: 'DisruptionTarget', status: 'True' });
  });

  it('backoffLimitPerIndex makes the default backoffLimit MaxInt32', () => {
    const j = created(base('  completionMode: Indexed\n  completions: 2\n  backoffLimitPerIndex: 1\n'));
    expect(j.spec.backoffLimit).toBe(2147483647);
  });

  it('the template gets the pod spec defaults, but not the fields only a Pod gets', () => {
    const spec = created(base('')).spec.template.spec;
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
    });
    for (const k of ['serviceAccountName', 'priority', 'preemptionPolicy', 'enableServiceLinks'])
      expect(spec[k]).toBeUndefined();
  });
});

describe('generateSelector (job strategy PrepareForCreate)', () => {
  it('selects the controller-uid and labels the template (both label generations); the Job takes the template labels', () => {
    const j = created(base(''));
    const uid = j.metadata.uid;
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    const want = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    };
    expect(j.spec.template.metadata.labels).toEqual(want);
    expect(j.metadata.labels).toEqual(want);
  });

  it('a Job with its own labels keeps them', () => {
    const j = created(base('', '  labels:\n    team: a\n'));
    expect(j.metadata.labels).toEqual({ team: 'a' });
  });

  it('re-applying the same manifest changes nothing (the generated fields survive the merge)', () => {
    const c = createCluster();
    const yaml = base('  completions: 2\n');
    expect(c.apply(yaml).ok).toBe(true);
    expect(c.apply(yaml).results.map((r) => r.action)).toEqual(['unchanged']);
  });
});
