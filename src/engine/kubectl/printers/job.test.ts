// printJob, mirroring pkg/printers/internalversion/printers_test.go (TestPrintJob):
// STATUS from the conditions, COMPLETIONS, DURATION, and the wide columns.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { toTimestamp } from '../../sim/clock';
import { jobCompletionsText, jobDurationText, jobPrinter, jobStatusText } from './job';
import type { PrintContext } from './types';

function job(spec: Record<string, unknown>, status: Record<string, unknown> = {}, deleting = false): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: 'job1',
      namespace: 'default',
      uid: 'u',
      resourceVersion: '1',
      creationTimestamp: toTimestamp(0),
      ...(deleting ? { deletionTimestamp: toTimestamp(0) } : {}),
    },
    spec: {
      selector: { matchLabels: { 'job-name': 'job1' } },
      template: {
        spec: {
          containers: [
            { name: 'fake-job-container1', image: 'fake-job-image1' },
            { name: 'c2', image: 'i2' },
          ],
        },
      },
      ...spec,
    },
    status,
  };
}

const cond = (type: string, status = 'True') => ({ type, status });

describe('printJob', () => {
  it.each([
    [{}, 'Running'],
    [{ conditions: [cond('Complete')] }, 'Complete'],
    [{ conditions: [cond('Failed')] }, 'Failed'],
    [{ conditions: [cond('Suspended')] }, 'Suspended'],
    [{ conditions: [cond('Suspended', 'False')] }, 'Running'],
    [{ conditions: [cond('FailureTarget')] }, 'FailureTarget'],
    [{ conditions: [cond('SuccessCriteriaMet')] }, 'SuccessCriteriaMet'],
    [{ conditions: [cond('SuccessCriteriaMet'), cond('Complete')] }, 'Complete'],
  ])('STATUS of %j is %s', (status, want) => {
    expect(jobStatusText(job({}, status))).toBe(want);
  });

  it('a Job being deleted shows Terminating unless it already finished', () => {
    expect(jobStatusText(job({}, {}, true))).toBe('Terminating');
    expect(jobStatusText(job({}, { conditions: [cond('Failed')] }, true))).toBe('Failed');
  });

  it('COMPLETIONS: succeeded/completions, or n/1 (of parallelism) for a work queue', () => {
    expect(jobCompletionsText(job({ completions: 2 }, { succeeded: 1 }))).toBe('1/2');
    expect(jobCompletionsText(job({ parallelism: 1 }, { succeeded: 1 }))).toBe('1/1');
    expect(jobCompletionsText(job({ parallelism: 4 }, {}))).toBe('0/1 of 4');
  });

  it('DURATION: start to completion, else start to now; empty before it started', () => {
    expect(jobDurationText(job({}, {}), 60_000)).toBe('');
    expect(jobDurationText(job({}, { startTime: toTimestamp(0) }), 90_000)).toBe('90s');
    expect(
      jobDurationText(job({}, { startTime: toTimestamp(0), completionTime: toTimestamp(10_000) }), 3_600_000),
    ).toBe('10s');
  });

  it('wide adds CONTAINERS, IMAGES and SELECTOR', () => {
    const ctx = { now: 60_000, wide: true } as PrintContext;
    expect(jobPrinter.headers(true)).toEqual([
      'NAME',
      'STATUS',
      'COMPLETIONS',
      'DURATION',
      'AGE',
      'CONTAINERS',
      'IMAGES',
      'SELECTOR',
    ]);
    expect(jobPrinter.row(job({ completions: 2 }, { succeeded: 1, startTime: toTimestamp(0) }), ctx)).toEqual([
      'job1',
      'Running',
      '1/2',
      '60s',
      '60s',
      'fake-job-container1,c2',
      'fake-job-image1,i2',
      'job-name=job1',
    ]);
  });
});
