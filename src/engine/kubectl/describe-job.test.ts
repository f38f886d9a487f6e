// kubectl describe job and get job on a real run, mirroring kubectl pkg/describe
// (describeJob, DescribePodTemplate) and printJob. The uid and pod suffixes vary, so
// they are replaced by placeholders.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimit: 4
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox:1.36
        command: ["sh", "-c", "echo 3.14159; sleep 3"]
`;

describe('kubectl describe job / get job', () => {
  it('describes a finished Job in describeJob order, with the pod template and events', () => {
    const c = createCluster();
    expect(c.apply(PI).ok).toBe(true);
    c.advance(60_000);
    const job = c.get('Job', 'pi');
    const uid = job?.metadata.uid as string;
    const pod = c.list('Pod').find((p) => p.metadata.labels?.['job-name'] === 'pi')?.metadata.name as string;
    const out = c.kubectl('describe job pi').stdout.replaceAll(uid, '<uid>').replaceAll(pod, 'pi-<rand>');
    expect(out).toBe(`Name:                        pi
Namespace:                   default
Selector:                    batch.kubernetes.io/controller-uid=<uid>
Labels:                      batch.kubernetes.io/controller-uid=<uid>
                             batch.kubernetes.io/job-name=pi
                             controller-uid=<uid>
                             job-name=pi
Annotations:                 <none>
Parallelism:                 1
Completions:                 1
Completion Mode:             NonIndexed
Suspend:                     false
Backoff Limit:               4
TTL Seconds After Finished:  600
Start Time:                  Thu, 01 Jan 2026 09:00:00 +0000
Completed At:                Thu, 01 Jan 2026 09:00:05 +0000
Duration:                    5s
Pods Statuses:               0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=<uid>
           batch.kubernetes.io/job-name=pi
           controller-uid=<uid>
           job-name=pi
  Containers:
   pi:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      echo 3.14159; sleep 3
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age   From            Message
  ----    ------            ----  ----            -------
  Normal  SuccessfulCreate  60s   job-controller  Created pod: pi-<rand>
  Normal  Completed         55s   job-controller  Job completed
`);
    expect(c.kubectl('get jobs').stdout).toBe(
      'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           5s         60s\n',
    );
    expect(c.kubectl(`logs ${pod}`).stdout).toBe('3.14159\n');
  });
});
