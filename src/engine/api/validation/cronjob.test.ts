// Mirrors pkg/apis/batch/validation/validation_test.go TestValidateCronJob* (the
// messages the API server returns for a CronJob), through the apply pipeline.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

function cronJob(spec: Record<string, unknown> = {}, name = 'hello', podSpec: Record<string, unknown> = {}): string {
  return JSON.stringify({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }], ...podSpec },
          },
        },
      },
      ...spec,
    },
  });
}

function errorOf(manifest: string): string {
  const r = createCluster({ nodes: 1 }).apply(manifest);
  expect(r.ok).toBe(false);
  return r.errors.map((e) => e.message).join('\n');
}

describe('CronJob validation', () => {
  it('accepts a valid CronJob and defaults it (SetDefaults_CronJob)', () => {
    const c = createCluster({ nodes: 1 });
    expect(c.apply(cronJob()).errors).toEqual([]);
    expect(c.get('CronJob', 'hello')?.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: { spec: { dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' } } } },
    });
  });

  it.each([
    [
      { schedule: 'obvious error schedule' },
      'spec.schedule: Invalid value: "obvious error schedule": expected exactly 5 fields, found 3: [obvious error schedule]',
    ],
    [{ schedule: '' }, 'spec.schedule: Required value'],
    [
      { schedule: '* * * * * *' },
      'spec.schedule: Invalid value: "* * * * * *": expected exactly 5 fields, found 6: [* * * * * *]',
    ],
    [
      { schedule: 'TZ=UTC 0 * * * *' },
      'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ],
    [
      { schedule: 'CRON_TZ=Mars/Base 0 * * * *' },
      'spec.schedule: Invalid value: "CRON_TZ=Mars/Base 0 * * * *": provided bad location Mars/Base: unknown time zone Mars/Base',
    ],
    [{ timeZone: 'Mars/Base' }, 'spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base'],
    [{ timeZone: '' }, 'spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
    [
      { timeZone: 'America/New York' },
      'spec.timeZone: Invalid value: "America/New York": unknown time zone America/New York',
    ],
    [
      { timeZone: 'Local' },
      'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    ],
    [
      { startingDeadlineSeconds: -1 },
      'spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      { successfulJobsHistoryLimit: -1 },
      'spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      { failedJobsHistoryLimit: -1 },
      'spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      { concurrencyPolicy: 'Sometimes' },
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ],
  ])('%j', (spec, message) => {
    const err = errorOf(cronJob(spec));
    expect(err).toContain('The CronJob "hello" is invalid: ');
    expect(err).toContain(message);
  });

  it('accepts a time zone', () => {
    expect(createCluster({ nodes: 1 }).apply(cronJob({ timeZone: 'Europe/Berlin' })).errors).toEqual([]);
  });

  it('a name longer than 52 characters is refused: its Jobs would pass the 63 limit', () => {
    const name = 'a'.repeat(53);
    expect(errorOf(cronJob({}, name))).toContain(
      `metadata.name: Invalid value: "${name}": must be no more than 52 characters`,
    );
    expect(createCluster({ nodes: 1 }).apply(cronJob({}, 'a'.repeat(52))).errors).toEqual([]);
  });

  it('the job template follows the Job rules: restartPolicy OnFailure or Never', () => {
    // An unset restartPolicy defaults to Always, which a Job refuses as "Required".
    expect(errorOf(cronJob({}, 'hello', { restartPolicy: 'Always' }))).toContain(
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
    expect(errorOf(cronJob({}, 'hello', { restartPolicy: 'Sometimes' }))).toContain(
      'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
    );
    expect(errorOf(cronJob({}, 'hello', { containers: [] }))).toContain(
      'spec.jobTemplate.spec.template.spec.containers: Required value',
    );
  });

  it('the job template may not carry a selector (it is generated per Job)', () => {
    const m = JSON.parse(cronJob());
    m.spec.jobTemplate.spec.selector = { matchLabels: { a: 'b' } };
    expect(errorOf(JSON.stringify(m))).toContain('spec.jobTemplate.spec.selector: Invalid value:');
  });

  it('an update may not bring a TZ into a schedule that had none', () => {
    const c = createCluster({ nodes: 1 });
    expect(c.apply(cronJob()).errors).toEqual([]);
    const r = c.apply(cronJob({ schedule: 'TZ=UTC 0 * * * *' }));
    expect(r.errors.map((e) => e.message).join()).toContain('cannot use TZ or CRON_TZ in schedule');
  });
});
