// kubectl get cronjob (printCronJob in pkg/printers/internalversion/printers.go) and
// kubectl describe cronjob (describeCronJob in kubectl pkg/describe/describe.go).
import { describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../index';

function cluster(spec: Record<string, unknown> = {}): Cluster {
  const c = createCluster({ nodes: 1 });
  const manifest = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', labels: { app: 'hello' } },
    spec: {
      schedule: '*/1 * * * *',
      ...spec,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [{ name: 'hello', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'date; echo Hello'] }],
            },
          },
        },
      },
    },
  };
  expect(c.apply(JSON.stringify(manifest)).errors).toEqual([]);
  return c;
}

describe('kubectl get cronjob', () => {
  it('NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE', () => {
    const c = cluster();
    c.advance(30_000);
    expect(c.kubectl('get cronjobs').stdout).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
        'hello   */1 * * * *   <none>     False     0        <none>          30s\n',
    );
    c.advance(120_000);
    expect(c.kubectl('get cj').stdout).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
        'hello   */1 * * * *   <none>     False     0        30s             2m30s\n',
    );
  });

  it('-o wide adds the template containers, images and selector', () => {
    const c = cluster({ timeZone: 'Europe/Berlin', suspend: true });
    expect(c.kubectl('get cronjob -o wide').stdout).toBe(
      'NAME    SCHEDULE      TIMEZONE        SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES         SELECTOR\n' +
        'hello   */1 * * * *   Europe/Berlin   True      0        <none>          0s    hello        busybox:1.28   <none>\n',
    );
  });
});

describe('kubectl describe cronjob', () => {
  it('prints the fields in describeCronJob order, the active jobs and the events', () => {
    const c = cluster({ startingDeadlineSeconds: 30 });
    c.advance(90_000);
    const out = c.kubectl('describe cronjob hello').stdout;
    expect(out).toMatch(
      new RegExp(
        [
          'Name:\\s+hello',
          'Namespace:\\s+default',
          'Labels:\\s+app=hello',
          'Annotations:\\s+<none>',
          'Schedule:\\s+\\*/1 \\* \\* \\* \\*',
          'Concurrency Policy:\\s+Allow',
          'Suspend:\\s+False',
          'Successful Job History Limit:\\s+3',
          'Failed Job History Limit:\\s+1',
          'Starting Deadline Seconds:\\s+30s',
          'Selector:\\s+<unset>',
          'Parallelism:\\s+<unset>',
          'Completions:\\s+<unset>',
          'Pod Template:',
        ].join('\\n'),
      ),
    );
    expect(out).toContain('    Image:      busybox:1.28\n');
    expect(out).toMatch(
      /Last Schedule Time:\s+Thu, 01 Jan 2026 09:01:00 \+0000\nActive Jobs:\s+(<none>|hello-29454301)\n/,
    );
    expect(out).toMatch(/Normal {2}SuccessfulCreate {2}\d+s {3}cronjob-controller {2}Created job hello-29454301\n/);
  });

  it('an unset history limit and no schedule yet', () => {
    const c = cluster({ successfulJobsHistoryLimit: 0 });
    const out = c.kubectl('describe cj hello').stdout;
    expect(out).toMatch(/Successful Job History Limit:\s+0\n/);
    expect(out).toMatch(/Last Schedule Time:\s+<unset>\nActive Jobs:\s+<none>\nEvents:\s+<none>\n/);
  });
});
