// Scenario validation in the worker and the host's save/load commands.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import type { Command, WorkerMessage } from '../protocol/messages';
import { ClusterHost } from './host';
import { buildScenario, loadScenario, ScenarioError, validateScenario } from './scenario';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`;

function scenarioOf(apply?: string) {
  const cluster = createCluster({ seed: 7 });
  if (apply) cluster.apply(apply);
  cluster.advance(5_000);
  return buildScenario(cluster, { speed: 2, running: false });
}

describe('validateScenario', () => {
  it('refuses what is not a scenario', () => {
    for (const bad of [null, 42, 'text', [], {}, { format: 'something-else', version: 1 }]) {
      expect(() => validateScenario(bad)).toThrow('not a Kube Playground scenario');
    }
  });

  it('refuses a bare cluster snapshot as a scenario', () => {
    const snapshot = createCluster().snapshot();
    expect(() => validateScenario(snapshot)).toThrow('not a Kube Playground scenario');
  });

  it('refuses a version it cannot have written', () => {
    expect(() => validateScenario({ ...scenarioOf(), version: 2 })).toThrow(/made by a newer version/);
    expect(() => validateScenario({ ...scenarioOf(), version: '1' })).toThrow('not a Kube Playground scenario');
    expect(() => validateScenario({ ...scenarioOf(), version: 0 })).toThrow('not a Kube Playground scenario');
  });

  it('says the snapshot is damaged when it is missing', () => {
    const { snapshot: _, ...rest } = scenarioOf();
    expect(() => validateScenario(rest)).toThrow('snapshot is damaged: the cluster snapshot is missing');
  });

  it('fills in missing optional parts and clamps the speed', () => {
    const s = scenarioOf();
    const v = validateScenario({ format: s.format, version: 1, snapshot: s.snapshot, clock: { speed: 1e9 } });
    expect(v.clock).toEqual({ speed: 60, running: true });
    expect(v.editor).toEqual({ text: '' });
    expect(v.ui).toEqual({});
    expect(v.lessons).toEqual({});
  });
});

describe('loadScenario', () => {
  it('round-trips a cluster with its pods and clock settings', () => {
    const s = scenarioOf(POD);
    const loaded = loadScenario(JSON.parse(JSON.stringify(s)));
    expect(loaded.clock).toEqual({ speed: 2, running: false });
    expect(loaded.cluster.now()).toBe(s.snapshot.now);
    expect(loaded.cluster.get('Pod', 'web', 'default')).toBeDefined();
  });

  it('reports a damaged snapshot with the engine reason and without its prefix', () => {
    const s = scenarioOf();
    const damaged = { ...s, snapshot: { ...s.snapshot, store: { rv: 'x', objects: [] } } };
    let error: unknown;
    try {
      loadScenario(damaged);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toBe('snapshot is damaged: snapshot.store.rv must be a number, got a string');
  });
});

describe('ClusterHost save and load', () => {
  function host() {
    const posted: WorkerMessage[] = [];
    const h = new ClusterHost({
      post: (m) => posted.push(structuredClone(m)),
      now: () => 0,
      setTimer: () => 0,
      clearTimer: () => {},
    });
    const call = (cmd: Command) => {
      posted.length = 0;
      h.handle(cmd);
      return posted.filter((m) => m.type !== 'view' && m.type !== 'clock');
    };
    return { h, call };
  }

  it('answers saveScenario with a scenario of the running cluster', () => {
    const { call } = host();
    call({ type: 'apply', text: POD });
    call({ type: 'setSpeed', speed: 5 });
    const [msg] = call({ type: 'saveScenario', id: 3 });
    expect(msg?.type).toBe('scenario');
    if (msg?.type !== 'scenario') return;
    expect(msg.id).toBe(3);
    expect(msg.scenario.clock).toEqual({ speed: 5, running: true });
    expect(msg.scenario.snapshot.store.objects.some((o) => o.kind === 'Pod' && o.metadata.name === 'web')).toBe(true);
  });

  it('restores cluster, speed and running from loadScenario', () => {
    const { h, call } = host();
    const [msg] = call({ type: 'loadScenario', id: 9, scenario: scenarioOf(POD) });
    expect(msg).toEqual({
      type: 'scenarioLoaded',
      id: 9,
      clock: expect.objectContaining({ speed: 2, running: false }),
    });
    expect(h.clock()).toMatchObject({ speed: 2, running: false });
    const [get] = call({ type: 'kubectl', line: 'get pod web -o name' });
    expect(get?.type === 'kubectlResult' && get.result.stdout).toBe('pod/web\n');
  });

  it('answers a bad scenario with an error and keeps the current cluster', () => {
    const { h, call } = host();
    call({ type: 'apply', text: POD });
    const before = h.clock();
    const [msg] = call({ type: 'loadScenario', id: 4, scenario: { format: 'kube-playground/scenario', version: 99 } });
    expect(msg).toMatchObject({ type: 'error', id: 4, command: 'loadScenario' });
    expect(msg?.type === 'error' && msg.message).toMatch(/newer version/);
    const damaged = { ...scenarioOf(), snapshot: { format: 'kube-playground/cluster', version: 1 } };
    const [msg2] = call({ type: 'loadScenario', id: 5, scenario: damaged });
    expect(msg2?.type === 'error' && msg2.message).toMatch(/^snapshot is damaged: /);
    expect(h.clock()).toEqual(before);
    const [get] = call({ type: 'kubectl', line: 'get pod web -o name' });
    expect(get?.type === 'kubectlResult' && get.result.stdout).toBe('pod/web\n');
  });
});
