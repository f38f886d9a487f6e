/**
 * kubectl get / describe for ReplicaSets and ReplicationControllers: mirrors
 * pkg/printers/internalversion/printers_test.go (TestPrintReplicaSet) and kubectl
 * pkg/describe/describe_test.go (TestDescribeReplicaSet, describeReplicationController).
 * Controllers do not run (the clock moves by hand), so status and pods are as set here.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { newControllerRef } from '../controllers/controllerref';
import { at, kubectl, makePod, quietCluster } from './testutil';

function setup(kind: 'ReplicaSet' | 'ReplicationController') {
  const c = quietCluster(1);
  const rs = c.core.store.create({
    apiVersion: kind === 'ReplicaSet' ? 'apps/v1' : 'v1',
    kind,
    metadata: {
      name: 'frontend',
      namespace: 'default',
      labels: { app: 'guestbook', tier: 'frontend' },
      ...(kind === 'ReplicaSet'
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] }
        : {}),
    } as unknown as KubeObject['metadata'],
    spec: {
      replicas: 3,
      selector: kind === 'ReplicaSet' ? { matchLabels: { tier: 'frontend' } } : { tier: 'frontend' },
      template: {
        metadata: { labels: { tier: 'frontend' } },
        spec: { containers: [{ name: 'php-redis', image: 'gb-frontend:v5' }] },
      },
    },
    status: {
      replicas: 3,
      readyReplicas: 2,
      conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota' }],
    },
  } as KubeObject);
  const ref = newControllerRef(rs);
  const owned = { ownerReferences: [ref] };
  for (const [name, phase] of [
    ['frontend-a', 'Running'],
    ['frontend-b', 'Running'],
    ['frontend-c', 'Pending'],
    ['frontend-d', 'Failed'],
  ] as const) {
    const p = makePod(c, name, { labels: { tier: 'frontend' }, status: { phase } });
    c.core.api.replace({ ...p, metadata: { ...p.metadata, ...owned } });
  }
  // An orphan with the labels is not counted.
  makePod(c, 'stray', { labels: { tier: 'frontend' }, status: { phase: 'Running' } });
  at(c, 125_000);
  return c;
}

describe('kubectl get', () => {
  it.each(['rs', 'rc'])('%s: NAME DESIRED CURRENT READY AGE', (res) => {
    const c = setup(res === 'rs' ? 'ReplicaSet' : 'ReplicationController');
    expect(kubectl(c, `get ${res}`).stdout).toBe(
      'NAME       DESIRED   CURRENT   READY   AGE\nfrontend   3         3         2       2m5s\n',
    );
  });

  it.each(['rs', 'rc'])('%s -o wide adds CONTAINERS IMAGES SELECTOR', (res) => {
    const c = setup(res === 'rs' ? 'ReplicaSet' : 'ReplicationController');
    expect(kubectl(c, `get ${res} -o wide`).stdout).toBe(
      'NAME       DESIRED   CURRENT   READY   AGE    CONTAINERS   IMAGES           SELECTOR\n' +
        'frontend   3         3         2       2m5s   php-redis    gb-frontend:v5   tier=frontend\n',
    );
  });
});

const template = `Pod Template:
  Labels:  tier=frontend
  Containers:
   php-redis:
    Image:         gb-frontend:v5
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type             Status  Reason
  ----             ------  ------
  ReplicaFailure   True    FailedCreate
Events:            <none>
`;

describe('kubectl describe', () => {
  it('describes a ReplicaSet', () => {
    const c = setup('ReplicaSet');
    expect(kubectl(c, 'describe rs frontend').stdout).toBe(`Name:           frontend
Namespace:      default
Selector:       tier=frontend
Labels:         app=guestbook
                tier=frontend
Annotations:    <none>
Controlled By:  Deployment/web
Replicas:       3 current / 3 desired
Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 1 Failed
${template}`);
  });

  it('describes a ReplicationController (no Controlled By)', () => {
    const c = setup('ReplicationController');
    expect(kubectl(c, 'describe rc frontend').stdout).toBe(`Name:         frontend
Namespace:    default
Selector:     tier=frontend
Labels:       app=guestbook
              tier=frontend
Annotations:  <none>
Replicas:     3 current / 3 desired
Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 1 Failed
${template}`);
  });
});
