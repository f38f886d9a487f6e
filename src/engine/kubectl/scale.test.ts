/**
 * kubectl scale, mirroring staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go
 * (Validate, RunScale) and pkg/scale/scale.go (PreconditionError, the wait for
 * status.replicas).
 */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';
import { deploymentYaml, replicaSetYaml, statefulSetYaml } from './workload-testing';

function cluster() {
  return testCluster({ nodes: 2 })
    .apply(deploymentYaml('web', 'nginx:1.25', 2))
    .advance('5s');
}

describe('kubectl scale', () => {
  it('sets spec.replicas and prints "<resource>/<name> scaled", in either argument form', () => {
    const t = cluster();
    expect(t.run('scale deployment/web --replicas=3')).toEqual({
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      exitCode: 0,
    });
    expect(t.get('Deployment', 'web')?.spec?.replicas).toBe(3);
    expect(t.run('scale deploy web --replicas=1').stdout).toBe('deployment.apps/web scaled\n');
    expect(t.get('Deployment', 'web')?.spec?.replicas).toBe(1);
    t.advance('30s');
    expect(t.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
  });

  it('scales ReplicaSets, StatefulSets and ReplicationControllers too', () => {
    const t = cluster().apply(replicaSetYaml('front'), statefulSetYaml('db'));
    t.apply(`apiVersion: v1
kind: ReplicationController
metadata: {name: old}
spec:
  replicas: 1
  selector: {app: old}
  template:
    metadata: {labels: {app: old}}
    spec: {containers: [{name: app, image: nginx:1.25}]}
`);
    expect(t.run('scale rs/front --replicas=4').stdout).toBe('replicaset.apps/front scaled\n');
    expect(t.run('scale statefulset db --replicas=3').stdout).toBe('statefulset.apps/db scaled\n');
    expect(t.run('scale rc/old --replicas=2').stdout).toBe('replicationcontroller/old scaled\n');
    expect(t.get('ReplicaSet', 'front')?.spec?.replicas).toBe(4);
    expect(t.get('StatefulSet', 'db')?.spec?.replicas).toBe(3);
    expect(t.get('ReplicationController', 'old')?.spec?.replicas).toBe(2);
  });

  it('has no scale subresource for a Job: the server answers 404', () => {
    const t = cluster();
    t.kubectl('create job once --image=busybox -- true');
    expect(t.run('scale job/once --replicas=2')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): the server could not find the requested resource\n',
      exitCode: 1,
    });
  });

  it('requires --replicas and refuses a negative count (cobra MarkFlagRequired, ScaleOptions.Validate)', () => {
    const t = cluster();
    expect(t.run('scale deployment/web').stderr).toBe('error: required flag(s) "replicas" not set\n');
    expect(t.run('scale deployment/web --replicas=-1').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(t.run('scale deployment/web --replicas=2 --current-replicas=-2').stderr).toBe(
      'error: The --current-replicas must specify an integer of -1 or greater\n',
    );
    expect(t.get('Deployment', 'web')?.spec?.replicas).toBe(2);
  });

  it('checks --current-replicas and --resource-version before scaling (PreconditionError)', () => {
    const t = cluster();
    expect(t.run('scale --current-replicas=3 --replicas=5 deployment/web')).toEqual({
      stdout: '',
      stderr: 'error: Expected replicas to be 3, was 2\n',
      exitCode: 1,
    });
    expect(t.get('Deployment', 'web')?.spec?.replicas).toBe(2);
    expect(t.run('scale --current-replicas=2 --replicas=5 deployment/web').stdout).toBe('deployment.apps/web scaled\n');
    const rv = t.get('Deployment', 'web')?.metadata.resourceVersion;
    expect(t.run('scale --resource-version=1 --replicas=1 deployment/web').stderr).toBe(
      `error: Expected resource version to be 1, was ${rv}\n`,
    );
  });

  it('reports a missing object and a bare type the way the resource builder does', () => {
    const t = cluster();
    expect(t.run('scale deployment/nope --replicas=1')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(t.run('scale deployment --replicas=1').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
    expect(t.run('scale --replicas=1').stderr).toMatch(/^error: You must provide one or more resources/);
  });

  it('-f names the object by its manifest', () => {
    const t = cluster();
    expect(t.run('scale --replicas=3 -f -', deploymentYaml('web')).stdout).toBe('deployment.apps/web scaled\n');
    expect(t.get('Deployment', 'web')?.spec?.replicas).toBe(3);
  });

  it('--dry-run=client changes nothing; -o name prints the name only; --record keeps the command', () => {
    const t = cluster();
    expect(t.run('scale deployment/web --replicas=7 --dry-run=client').stdout).toBe(
      'deployment.apps/web scaled (dry run)\n',
    );
    expect(t.run('scale deployment/web --replicas=7 --dry-run=server').stdout).toBe(
      'deployment.apps/web scaled (server dry run)\n',
    );
    expect(t.get('Deployment', 'web')?.spec?.replicas).toBe(2);
    expect(t.run('scale deployment/web --replicas=3 -o name').stdout).toBe('deployment.apps/web\n');
    expect(t.run('scale deployment/web --replicas=6 --dry-run=client -o jsonpath={.spec.replicas}').stdout).toBe('6');
    t.kubectl('scale deployment/web --replicas=2 --record');
    expect(t.get('Deployment', 'web')?.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'kubectl scale deployment/web --record=true --replicas=2',
    );
  });

  it('--timeout waits (in simulated time) until status.replicas matches', () => {
    const t = cluster();
    const before = t.now();
    expect(t.run('scale deployment/web --replicas=4 --timeout=1m').exitCode).toBe(0);
    expect(t.get('Deployment', 'web')?.status?.replicas).toBe(4);
    expect(t.now() - before).toBeLessThan(60_000);
    expect(t.run('scale deployment/web --replicas=4 --timeout=nope').stderr).toBe(
      'error: invalid argument "nope" for "--timeout" flag: time: invalid duration "nope"\n',
    );
  });
});
