// Job validation through the API server, mirroring pkg/apis/batch/validation
// (validation_test.go: TestValidateJob, TestValidateJobUpdate) and the job strategy
// (pkg/registry/batch/job/strategy.go: generateSelector).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

function job(spec: string, name = 'pi', restartPolicy = 'Never', labels = ''): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec
  .split('\n')
  .filter(Boolean)
  .map((l) => `  ${l}`)
  .join('\n')}
  template:
    metadata:
      labels: {${labels}}
    spec:
${restartPolicy ? `      restartPolicy: ${restartPolicy}\n` : ''}      containers:
      - name: main
        image: busybox:1.36
`;
}

function errorOf(yaml: string): string {
  const r = createCluster().apply(yaml);
  expect(r.ok, 'should be refused').toBe(false);
  return r.errors[0].message;
}

describe('ValidateJob', () => {
  it('restartPolicy must be OnFailure or Never; a missing one defaults to Always and is required', () => {
    expect(errorOf(job('', 'pi', 'Always'))).toBe(
      'The Job "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(errorOf(job('', 'pi', ''))).toContain(
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(createCluster().apply(job('', 'pi', 'OnFailure')).ok).toBe(true);
  });

  it.each([
    ['parallelism: -1', 'spec.parallelism: Invalid value: -1: must be greater than or equal to 0'],
    ['completions: -1', 'spec.completions: Invalid value: -1: must be greater than or equal to 0'],
    ['backoffLimit: -1', 'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
    ['activeDeadlineSeconds: -5', 'spec.activeDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0'],
    [
      'ttlSecondsAfterFinished: -1',
      'spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0',
    ],
    ['completionMode: Indexed\nparallelism: 2', 'spec.completions: Required value: when completion mode is Indexed'],
    [
      'completionMode: Sometimes',
      'spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"',
    ],
    ['backoffLimitPerIndex: 1', 'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode'],
  ])('%s', (spec, want) => {
    expect(errorOf(job(spec))).toBe(`The Job "pi" is invalid: ${want}`);
  });

  it('zero parallelism, completions and activeDeadlineSeconds are accepted (non-negative)', () => {
    expect(createCluster().apply(job('parallelism: 0\ncompletions: 0\nactiveDeadlineSeconds: 0')).errors).toEqual([]);
  });

  it('an Indexed Job whose last hostname is not a DNS label is refused', () => {
    const name = 'a'.repeat(62);
    expect(errorOf(job('completionMode: Indexed\ncompletions: 20', name))).toContain(
      `metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-19`,
    );
  });

  it('the generated selector: a user selector without manualSelector is refused', () => {
    const msg = errorOf(job('selector:\n  matchLabels:\n    app: pi', 'pi', 'Never', 'app: pi'));
    expect(msg).toContain(
      'spec.selector: Invalid value: {"matchLabels":{"app":"pi","batch.kubernetes.io/controller-uid":',
    );
    expect(msg).toContain('`selector` not auto-generated');
  });

  it('manualSelector: true takes the user selector as it is (and it must match the template)', () => {
    const c = createCluster();
    expect(
      c.apply(job('manualSelector: true\nselector:\n  matchLabels:\n    app: pi', 'pi', 'Never', 'app: pi')).errors,
    ).toEqual([]);
    expect(c.get('Job', 'pi')?.spec.selector).toEqual({ matchLabels: { app: 'pi' } });
    expect(errorOf(job('manualSelector: true\nselector:\n  matchLabels:\n    app: x', 'pi', 'Never', 'app: pi'))).toBe(
      'The Job "pi" is invalid: spec.template.metadata.labels: Invalid value: {"app":"pi"}: `selector` does not match template `labels`',
    );
  });

  it('a template label that contradicts the generated one is refused', () => {
    expect(errorOf(job('', 'pi', 'Never', 'job-name: other'))).toContain(
      'spec.template.metadata.labels[job-name]: Invalid value: ',
    );
  });

  it('podFailurePolicy needs restartPolicy Never and well-formed rules', () => {
    const pfp = (rule: string) =>
      `podFailurePolicy:\n  rules:\n${rule
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}`;
    expect(
      errorOf(job(pfp('- action: FailJob\n  onExitCodes:\n    operator: In\n    values: [42]'), 'pi', 'OnFailure')),
    ).toBe(
      'The Job "pi" is invalid: spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    );
    expect(errorOf(job(pfp('- action: FailJob\n  onExitCodes:\n    operator: In\n    values: [0]')))).toContain(
      'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator',
    );
    expect(errorOf(job(pfp('- action: FailJob\n  onExitCodes:\n    operator: In\n    values: [3, 1]')))).toContain(
      'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [3,1]: must be ordered',
    );
    expect(errorOf(job(pfp('- action: Explode\n  onExitCodes:\n    operator: In\n    values: [1]')))).toContain(
      'spec.podFailurePolicy.rules[0].action: Unsupported value: "Explode": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
    );
    expect(
      errorOf(
        job(pfp('- action: FailJob\n  onExitCodes:\n    containerName: nope\n    operator: In\n    values: [1]')),
      ),
    ).toContain(
      'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template',
    );
    expect(errorOf(job(pfp('- action: FailIndex\n  onExitCodes:\n    operator: In\n    values: [1]')))).toContain(
      'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
    );
  });
});

describe('ValidateJobUpdate', () => {
  it('the template is immutable', () => {
    const c = createCluster();
    expect(c.apply(job('')).ok).toBe(true);
    const r = c.apply(job('').replace('busybox:1.36', 'busybox:1.37'));
    expect(r.ok).toBe(false);
    expect(r.errors[0].message).toMatch(
      /^The Job "pi" is invalid: spec.template: Invalid value: .*: field is immutable$/,
    );
  });

  it('completions is immutable; parallelism may change', () => {
    const c = createCluster();
    expect(c.apply(job('completions: 3\nparallelism: 1')).ok).toBe(true);
    expect(c.apply(job('completions: 3\nparallelism: 2')).ok).toBe(true);
    expect(c.get('Job', 'pi')?.spec.parallelism).toBe(2);
    const r = c.apply(job('completions: 4\nparallelism: 2'));
    expect(r.errors[0].message).toBe('The Job "pi" is invalid: spec.completions: Invalid value: 4: field is immutable');
  });
});

describe('WarningsForJobSpec', () => {
  it("returns the pod template's warnings with the template path", () => {
    const r = createCluster().apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        resources:
          requests:
            memory: 0.5
`);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'spec.template.spec.containers[0].resources.requests[memory]: fractional byte value "500m" is invalid, must be an integer',
    ]);
  });
});
