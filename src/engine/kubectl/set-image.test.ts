/**
 * kubectl set image, mirroring staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go
 * (Validate, Run, setImage) and its test cases in set_image_test.go (every kind with a
 * pod template, `*`, init containers, unknown container names).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { testCluster } from '../testing';
import { splitImageArgs } from './set-image';
import { daemonSetYaml, deploymentYaml, replicaSetYaml, statefulSetYaml } from './workload-testing';

const images = (o: KubeObject | undefined) =>
  ((o?.spec?.template?.spec ?? o?.spec)?.containers ?? []).map((c: { image: string }) => c.image);

function cluster() {
  return testCluster({ nodes: 2 })
    .apply(deploymentYaml('web', 'nginx:1.25', 1))
    .apply(daemonSetYaml('logs'), statefulSetYaml('db', 'nginx:1.25', 1), replicaSetYaml('front', 'nginx:1.25', 1));
}

describe('kubectl set image', () => {
  it('updates the named container of a Deployment and prints "image updated"', () => {
    const t = cluster();
    expect(t.run('set image deployment/web app=nginx:1.27')).toEqual({
      stdout: 'deployment.apps/web image updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect(images(t.get('Deployment', 'web'))).toEqual(['nginx:1.27']);
    expect(t.get('Deployment', 'web')?.metadata.generation).toBe(2);
  });

  it('works on every kind with a pod template, and on a bare Pod', () => {
    const t = cluster();
    t.kubectl('run solo --image=nginx:1.25');
    expect(t.run('set image ds/logs app=nginx:1.27').stdout).toBe('daemonset.apps/logs image updated\n');
    expect(t.run('set image statefulset db app=nginx:1.27').stdout).toBe('statefulset.apps/db image updated\n');
    expect(t.run('set image rs/front app=nginx:1.27').stdout).toBe('replicaset.apps/front image updated\n');
    expect(t.run('set image pod/solo solo=nginx:1.27').stdout).toBe('pod/solo image updated\n');
    for (const [kind, name] of [
      ['DaemonSet', 'logs'],
      ['StatefulSet', 'db'],
      ['ReplicaSet', 'front'],
      ['Pod', 'solo'],
    ]) {
      expect(images(t.get(kind, name))).toEqual(['nginx:1.27']);
    }
  });

  it('`*` sets every container, init containers included', () => {
    const t = testCluster({ nodes: 1 }).apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: two}
spec:
  selector: {matchLabels: {app: two}}
  template:
    metadata: {labels: {app: two}}
    spec:
      initContainers: [{name: init, image: busybox}]
      containers: [{name: a, image: nginx:1.25}, {name: b, image: nginx:1.25}]
`);
    expect(t.run('set image deploy/two *=nginx:1.27').stdout).toBe('deployment.apps/two image updated\n');
    const spec = t.get('Deployment', 'two')?.spec?.template.spec;
    expect(spec.containers.map((c: { image: string }) => c.image)).toEqual(['nginx:1.27', 'nginx:1.27']);
    expect(spec.initContainers[0].image).toBe('nginx:1.27');
  });

  it('an unknown container is an error and changes nothing', () => {
    const t = cluster();
    expect(t.run('set image deployment/web x=nginx:1.27')).toEqual({
      stdout: '',
      stderr: 'error: unable to find container named "x"\n',
      exitCode: 1,
    });
    expect(t.get('Deployment', 'web')?.metadata.generation).toBe(1);
  });

  it('an image that is already set patches nothing and prints nothing', () => {
    const t = cluster();
    expect(t.run('set image deployment/web app=nginx:1.25')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('validates its arguments as SetImageOptions.Validate does', () => {
    const t = cluster();
    expect(t.run('set image deployment/web').stderr).toBe('error: at least one image update is required\n');
    expect(t.run('set image deployment/web *=a app=b').stderr).toBe(
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    );
    expect(t.run('set image app=nginx').stderr).toMatch(/^error: You must provide one or more resources/);
    expect(t.run('set image deployment/nope app=nginx:1.27').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(t.run('set image namespace/default app=nginx:1.27').stderr).toBe(
      'error: namespaces/default the object is not a pod or does not have a pod template: *v1.Namespace\n',
    );
  });

  it('splits resources from NAME=IMAGE pairs (GetResourcesAndPairs)', () => {
    expect(splitImageArgs(['deploy', 'web', 'a=b', 'c=d:1'])).toEqual({
      resources: ['deploy', 'web'],
      images: [
        ['a', 'b'],
        ['c', 'd:1'],
      ],
    });
    expect(() => splitImageArgs(['a=b', 'deploy/web'])).toThrow(
      'error: all resources must be specified before image changes: deploy/web',
    );
  });

  it('--dry-run=client prints without writing; --record stores the command as change-cause', () => {
    const t = cluster();
    expect(t.run('set image deployment/web app=nginx:1.27 --dry-run=client').stdout).toBe(
      'deployment.apps/web image updated (dry run)\n',
    );
    expect(images(t.get('Deployment', 'web'))).toEqual(['nginx:1.25']);
    t.kubectl('set image deployment/web app=nginx:1.27 --record');
    expect(t.get('Deployment', 'web')?.metadata.annotations?.['kubernetes.io/change-cause']).toBe(
      'kubectl set image deployment/web app=nginx:1.27 --record=true',
    );
  });

  it('a change the API server refuses is its error, wrapped as kubectl wraps it', () => {
    const t = cluster();
    expect(t.run('set image deployment/web app=').stderr).toBe('error: invalid image app=\n');
    t.kubectl('create job once --image=busybox -- true');
    expect(t.run('set image job/once once=busybox:1.36').stderr).toMatch(
      /^error: failed to patch image update to pod template: Job\.batch "once" is invalid: spec\.template: Invalid value: .*: field is immutable\n$/,
    );
  });
});
