/**
 * kubectl describe deployment: mirrors kubectl pkg/describe/describe.go
 * (describeDeployment, printReplicaSetsByLabels) and pkg/util/deployment
 * (listReplicaSets, findNewReplicaSet, findOldReplicaSets). Controllers do not run (the
 * clock moves by hand), so the deployment's status and its ReplicaSets are as set here.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { Cluster } from '../index';
import { testCluster } from '../testing';
import { at, kubectl, quietCluster, ts } from './testutil';

const TEMPLATE = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
};

function deployment(c: Cluster, spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}) {
  return c.core.store.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      labels: { app: 'web', team: 'blue' },
      annotations: { 'deployment.kubernetes.io/revision': '3' },
      creationTimestamp: ts(0),
    } as unknown as KubeObject['metadata'],
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: TEMPLATE,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      minReadySeconds: 5,
      ...spec,
    },
    status: {
      replicas: 4,
      updatedReplicas: 2,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'ok' },
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'progressing' },
      ],
      ...status,
    },
  } as KubeObject);
}

/** A ReplicaSet with `image`, created at `createdMs`, controlled by `owner` when given. */
function replicaSet(
  c: Cluster,
  name: string,
  image: string,
  createdMs: number,
  replicas: [number, number],
  owner?: KubeObject,
  labels: Record<string, string> = { app: 'web' },
) {
  const hash = name.slice(name.lastIndexOf('-') + 1);
  c.core.store.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      labels: { ...labels, 'pod-template-hash': hash },
      creationTimestamp: ts(createdMs),
      ownerReferences: owner
        ? [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: owner.metadata.name,
              uid: owner.metadata.uid,
              controller: true,
            },
          ]
        : undefined,
    } as unknown as KubeObject['metadata'],
    spec: {
      replicas: replicas[1],
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': hash } },
        spec: { containers: [{ name: 'nginx', image }] },
      },
    },
    status: { replicas: replicas[0] },
  } as KubeObject);
}

const POD_TEMPLATE = `Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`;

describe('kubectl describe deployment', () => {
  it('prints the describeDeployment layout: replicas line, strategy, conditions, old and new ReplicaSets', () => {
    const c = quietCluster(1);
    const d = deployment(c);
    replicaSet(c, 'web-5d8f7c9b4', 'nginx:1.25', 1_000, [0, 0], d);
    replicaSet(c, 'web-6c7d9f8b5', 'nginx:1.26', 2_000, [2, 2], d);
    replicaSet(c, 'web-7d4b9c', 'nginx:1.27', 3_000, [2, 2], d);
    at(c, 125_000);
    expect(kubectl(c, 'describe deployment web').stdout).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 09:00:00 +0000
Labels:                 app=web
                        team=blue
Annotations:            deployment.kubernetes.io/revision: 3
Selector:               app=web
Replicas:               3 desired | 2 updated | 4 total | 3 available | 1 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        5
RollingUpdateStrategy:  25% max unavailable, 25% max surge
${POD_TEMPLATE}Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    ReplicaSetUpdated
OldReplicaSets:  web-5d8f7c9b4 (0/0 replicas created), web-6c7d9f8b5 (2/2 replicas created)
NewReplicaSet:   web-7d4b9c (2/2 replicas created)
Events:          <none>
`);
  });

  it('Recreate has no RollingUpdateStrategy line; a template no ReplicaSet has yet gives NewReplicaSet <none>', () => {
    const c = quietCluster(1);
    const d = deployment(c, { strategy: { type: 'Recreate' } }, { conditions: [] });
    replicaSet(c, 'web-5d8f7c9b4', 'nginx:1.25', 1_000, [3, 3], d);
    at(c, 10_000);
    const out = kubectl(c, 'describe deploy web').stdout;
    expect(out).toMatch(/^StrategyType:\s+Recreate$/m);
    expect(out).not.toContain('RollingUpdateStrategy');
    expect(out).not.toContain('Conditions:');
    expect(out).toMatch(/^OldReplicaSets:\s+web-5d8f7c9b4 \(3\/3 replicas created\)$/m);
    expect(out).toMatch(/^NewReplicaSet:\s+<none>$/m);
  });

  it('RollingUpdateStrategy prints integers as digits', () => {
    const c = quietCluster(1);
    deployment(c, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 3 } } });
    at(c, 10_000);
    expect(kubectl(c, 'describe deploy web').stdout).toMatch(
      /^RollingUpdateStrategy:\s+0 max unavailable, 3 max surge$/m,
    );
  });

  it('lists only ReplicaSets the deployment controls that its selector matches; none at all drops both lines', () => {
    const c = quietCluster(1);
    const d = deployment(c);
    // Same labels but no controller, and controlled but labelled out of the selector.
    replicaSet(c, 'web-orphan1', 'nginx:1.27', 1_000, [1, 1]);
    replicaSet(c, 'web-other22', 'nginx:1.27', 2_000, [1, 1], d, { app: 'other' });
    at(c, 10_000);
    const out = kubectl(c, 'describe deploy web').stdout;
    expect(out).not.toContain('OldReplicaSets');
    expect(out).not.toContain('NewReplicaSet');
    expect(out).not.toContain('web-orphan1');
  });

  it('a real rollout: the ScalingReplicaSet events and the scaled-down old ReplicaSet', () => {
    const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "${image}"}]}
`;
    const t = testCluster({ nodes: 3 }).apply(manifest('nginx:1.27')).advance('60s');
    const first = t.list('ReplicaSet')[0].metadata.name;
    t.apply(manifest('nginx:1.29')).advance('60s');
    const second = t.list('ReplicaSet').find((rs) => rs.metadata.name !== first)?.metadata.name;
    const out = t.run('describe deploy web').stdout;
    expect(out).toMatch(/^Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable$/m);
    expect(out).toMatch(/^Annotations:\s+deployment\.kubernetes\.io\/revision: 2$/m);
    expect(out).toMatch(/^ {2}Progressing\s+True\s+NewReplicaSetAvailable$/m);
    expect(out).toMatch(new RegExp(`^OldReplicaSets:\\s+${first} \\(0/0 replicas created\\)$`, 'm'));
    expect(out).toMatch(new RegExp(`^NewReplicaSet:\\s+${second} \\(3/3 replicas created\\)$`, 'm'));
    expect(out).toMatch(
      new RegExp(
        `Normal\\s+ScalingReplicaSet\\s+\\S+\\s+deployment-controller\\s+Scaled up replica set ${second} from 0 to 1`,
      ),
    );
    expect(out).toMatch(new RegExp(`Scaled down replica set ${first} from 1 to 0$`, 'm'));
  });
});
