/**
 * The pieces the workload verbs share: the resource builder's argument errors, the
 * pod template of each kind (polymorphichelpers.UpdatePodSpecForObject), the server's
 * text inside kubectl's wrapped errors, and RecordFlags' change-cause.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { KubeObject } from '../api/types';
import { testCluster } from '../testing';
import { parseArgs, tokenize } from './args';
import { type Invocation, Streams } from './cmd';
import { podSpecOf, recordChangeCause, resolveTargets, serverMessage } from './workload-targets';
import { deploymentYaml } from './workload-testing';

const spec = { containers: [{ name: 'app', image: 'nginx' }] };

describe('podSpecOf', () => {
  it.each([
    ['Pod', spec],
    ['Deployment', { template: { spec } }],
    ['ReplicaSet', { template: { spec } }],
    ['ReplicationController', { template: { spec } }],
    ['DaemonSet', { template: { spec } }],
    ['StatefulSet', { template: { spec } }],
    ['Job', { template: { spec } }],
    ['CronJob', { jobTemplate: { spec: { template: { spec } } } }],
  ])('%s', (kind, s) => {
    expect(podSpecOf({ kind, metadata: { name: 'x' }, spec: s } as unknown as KubeObject)).toEqual(spec);
  });
  it('a kind without a pod template has none', () => {
    expect(
      podSpecOf({ kind: 'Namespace', metadata: { name: 'x' }, spec: {} } as unknown as KubeObject),
    ).toBeUndefined();
  });
});

describe('serverMessage', () => {
  it('qualifies the resource with its group, as the API server words it', () => {
    expect(serverMessage(new ApiError('deployments "web" already exists', 'AlreadyExists'), 'Deployment')).toBe(
      'deployments.apps "web" already exists',
    );
    expect(serverMessage(new ApiError('The Job "x" is invalid: spec: bad', 'Invalid'), 'Job')).toBe(
      'Job.batch "x" is invalid: spec: bad',
    );
    expect(serverMessage(new ApiError('The Pod "x" is invalid: spec: bad', 'Invalid'), 'Pod')).toBe(
      'Pod "x" is invalid: spec: bad',
    );
  });
});

function invocation(line: string): Invocation {
  const t = testCluster({ nodes: 1 }).apply(deploymentYaml('web', 'nginx:1.25', 1));
  return { cluster: t.cluster, p: parseArgs(tokenize(line)), io: new Streams() };
}

describe('resolveTargets', () => {
  it('fetches named objects as copies, keeps going past missing ones', () => {
    const inv = invocation('scale deployment/web deployment/nope --replicas=1');
    const { targets, errors } = resolveTargets(inv, inv.p.args, false);
    expect(targets.map((t) => t.obj.metadata.name)).toEqual(['web']);
    expect(errors).toEqual(['Error from server (NotFound): deployments.apps "nope" not found']);
    targets[0].obj.spec = {};
    expect(inv.cluster.get('Deployment', 'web')?.spec?.replicas).toBe(1);
  });
  it('a bare type needs --all or -l unless the verb allows it', () => {
    const inv = invocation('scale deployment --replicas=1');
    expect(() => resolveTargets(inv, inv.p.args, false)).toThrow(
      'error: resource(s) were provided, but no name was specified',
    );
    expect(resolveTargets(inv, inv.p.args, true).targets).toHaveLength(1);
    const all = invocation('scale deployment --all --replicas=1');
    expect(resolveTargets(all, all.p.args, false).targets).toHaveLength(1);
  });
  it("-f names the objects by the manifests' kind and name (the content comes as stdin)", () => {
    const inv = invocation('scale -f web.yaml --replicas=1');
    inv.stdin = `${deploymentYaml('web')}---\n${deploymentYaml('gone')}`;
    const { targets, errors } = resolveTargets(inv, inv.p.args, false);
    expect(targets.map((t) => t.obj.metadata.name)).toEqual(['web']);
    expect(errors).toEqual(['Error from server (NotFound): deployments.apps "gone" not found']);
    expect(() => resolveTargets(inv, ['deploy/web'], false)).toThrow(
      'error: resource(s) were provided, but no name was specified',
    );
  });
});

describe('recordChangeCause', () => {
  it('writes the command path, the arguments and every given flag sorted, as --name=value', () => {
    const inv = invocation('set image deployment/web app=nginx:1.27 --record -n default');
    const obj = { kind: 'Deployment', metadata: { name: 'web' } } as unknown as KubeObject;
    recordChangeCause(inv, 'set image', inv.p.args.slice(1), obj);
    expect(obj.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image deployment/web app=nginx:1.27 --namespace=default --record=true',
    });
  });
  it('does nothing without --record, or with --record=false', () => {
    const obj = { kind: 'Deployment', metadata: { name: 'web' } } as unknown as KubeObject;
    recordChangeCause(invocation('scale deploy/web --replicas=1'), 'scale', [], obj);
    recordChangeCause(invocation('scale deploy/web --replicas=1 --record=false'), 'scale', [], obj);
    expect(obj.metadata.annotations).toBeUndefined();
  });
});
