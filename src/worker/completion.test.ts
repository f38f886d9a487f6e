// Console tab completion; mirrors what kubectl's cobra completion (`kubectl __complete`)
// offers: commands, sub-commands, resource types, object names of the typed type in the
// namespace of -n, TYPE/NAME, and flags with the values of -o and -n.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import type { WorkerMessage } from '../protocol/messages';
import { complete, supportedVerbs, verbHelp } from './completion';
import { ClusterHost } from './host';

const cluster = createCluster({ nodes: 2 });
cluster.kubectl('create deployment web --image=nginx --replicas=2');
cluster.kubectl('create deployment worker --image=busybox');
cluster.kubectl('create namespace shop');
cluster.kubectl('create deployment cart --image=nginx -n shop');
cluster.advance(5_000);

/** Completes at the end of the line. */
const at = (line: string) => complete(cluster, line, line.length);

describe('complete', () => {
  it('verbs: the ones the engine runs, not the "not yet" ones', () => {
    expect(at('kubectl ro').candidates).toEqual(['rollout']);
    expect(at('des').candidates).toEqual(['describe']);
    expect(at('kubectl ed').candidates).toEqual([]);
    expect(at('kubectl ').candidates).toContain('get');
    expect(at('kubectl ').candidates).not.toContain('edit');
  });

  it('the word kubectl itself', () => {
    expect(at('kub')).toEqual({ candidates: ['kubectl'], replaceFrom: 0 });
  });

  it('sub-verbs of rollout, create and set', () => {
    expect(at('kubectl rollout ')).toMatchObject({ replaceFrom: 16 });
    expect(at('kubectl rollout ').candidates).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(at('kubectl rollout st').candidates).toEqual(['status']);
    expect(at('kubectl create dep').candidates).toEqual(['deployment']);
    expect(at('kubectl create j').candidates).toEqual(['job']);
    expect(at('kubectl set i').candidates).toEqual(['image']);
  });

  it('resource types: plurals, a full short name, plural.group', () => {
    expect(at('kubectl get depl')).toEqual({ candidates: ['deployments'], replaceFrom: 12 });
    expect(at('kubectl get po').candidates).toEqual(['po', 'pods']);
    expect(at('kubectl get svc').candidates).toEqual(['svc']);
    expect(at('kubectl get deployments.a').candidates).toEqual(['deployments.apps']);
    expect(at('kubectl get deploy,s').candidates).toContain('deploy,services');
  });

  it('types a verb accepts: scale and rollout take workloads only', () => {
    expect(at('kubectl scale ').candidates).toEqual(
      ['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets'].sort(),
    );
    expect(at('kubectl rollout status d').candidates).toEqual(['daemonsets', 'deployments']);
  });

  it('object names of the typed type, in the namespace of -n', () => {
    expect(at('kubectl get deployments w').candidates).toEqual(['web', 'worker']);
    expect(at('kubectl get deployments web ').candidates).toEqual(['worker']);
    expect(at('kubectl scale deploy we').candidates).toEqual(['web']);
    expect(at('kubectl get deploy -n shop ').candidates).toEqual(['cart']);
    expect(at('kubectl get deploy c').candidates).toEqual([]);
    expect(at('kubectl get deploy -A c').candidates).toEqual(['cart']);
    // -n may come after the word being completed
    const line = 'kubectl describe deploy c -n shop';
    expect(complete(cluster, line, 'kubectl describe deploy c'.length).candidates).toEqual(['cart']);
  });

  it('pod names for get pods, logs and exec; node names for cordon', () => {
    const pods = at('kubectl get pods web-').candidates;
    expect(pods).toHaveLength(2);
    expect(pods.every((p) => p.startsWith('web-'))).toBe(true);
    expect(at('kubectl logs web-').candidates).toEqual(pods);
    expect(at('kubectl cordon node-').candidates).toEqual(['node-1', 'node-2']);
  });

  it('TYPE/NAME', () => {
    expect(at('kubectl rollout status deploy/w').candidates).toEqual(['deploy/web', 'deploy/worker']);
    expect(at('kubectl describe deployment.apps/we')).toEqual({
      candidates: ['deployment.apps/web'],
      replaceFrom: 'kubectl describe '.length,
    });
    expect(at('kubectl get nosuchkind/x').candidates).toEqual([]);
  });

  it('flags of the verb, with = on the ones that take a value', () => {
    expect(at('kubectl get pods -').candidates).toEqual(expect.arrayContaining(['-n', '-o', '-A', '-l']));
    expect(at('kubectl get pods --all').candidates).toEqual(['--all-namespaces']);
    expect(at('kubectl scale deploy web --rep').candidates).toEqual(['--replicas=']);
    expect(at('kubectl create deployment x --im').candidates).toEqual(['--image=']);
    expect(at('kubectl get pods --').candidates).not.toContain('-n');
  });

  it('values of -o and -n', () => {
    expect(at('kubectl get pods -o ').candidates).toEqual(['json', 'name', 'wide', 'yaml']);
    expect(at('kubectl get pods -o w').candidates).toEqual(['wide']);
    expect(at('kubectl get pods --output=y').candidates).toEqual(['--output=yaml']);
    expect(at('kubectl get pods -n sh').candidates).toEqual(['shop']);
    expect(at('kubectl get pods --namespace=kube-s').candidates).toEqual(['--namespace=kube-system']);
  });

  it('a flag value is skipped when finding the type: get -n shop deploy <name>', () => {
    expect(at('kubectl get -n shop deploy ').candidates).toEqual(['cart']);
  });

  it('the cursor in the middle of the line completes the word before it', () => {
    const line = 'kubectl get depl -o wide';
    expect(complete(cluster, line, 'kubectl get depl'.length)).toEqual({
      candidates: ['deployments'],
      replaceFrom: 12,
    });
  });

  it('nothing to offer after a verb without arguments, and no crash on odd input', () => {
    expect(at('kubectl version ').candidates).toEqual([]);
    expect(complete(cluster, '', 0).candidates).toContain('help');
    expect(complete(cluster, 'get "unterminated', 99).candidates).toEqual([]);
  });
});

describe('help list', () => {
  it('is the engine verb registry without the not-yet verbs, with kubectl descriptions', () => {
    const list = verbHelp();
    expect(list.map((v) => v.name)).toEqual(supportedVerbs());
    expect(list.find((v) => v.name === 'get')?.summary).toBe('Display one or many resources');
    expect(list.some((v) => v.name === 'edit')).toBe(false);
  });
});

describe('the host answers complete and kubectlHelp', () => {
  it('with the id of the command', () => {
    const posted: WorkerMessage[] = [];
    const host = new ClusterHost({
      post: (m) => posted.push(structuredClone(m)),
      now: () => 0,
      setTimer: () => 0,
      clearTimer: () => {},
    });
    host.handle({ type: 'complete', id: 7, line: 'kubectl get depl', cursor: 16 });
    host.handle({ type: 'kubectlHelp', id: 8 });
    host.dispose();
    expect(posted.find((m) => m.type === 'completion')).toEqual({
      type: 'completion',
      id: 7,
      candidates: ['deployments'],
      replaceFrom: 12,
    });
    const help = posted.find((m) => m.type === 'kubectlHelp');
    expect(help?.type === 'kubectlHelp' && help.id === 8 && help.verbs.some((v) => v.name === 'scale')).toBe(true);
  });
});
