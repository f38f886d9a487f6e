// The kubelet cases of k8s-vectors.json (topic kubelet_restart_backoff_and_states, copied to
// testdata/kubelet-vectors.json), run table-driven against the kubelet's pure helpers and,
// where a case is about what the kubelet reports, against a cluster. Each test names its case id.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContainerState, ContainerStatus, PodSpec } from '../api/types';
import { REAL_TIMINGS } from '../timings';
import { type BackoffConfig, backoffNext } from './backoff';
import { getPhase, shouldRestart } from './phase';
import { cs, oneNode, pod, podYaml, until } from './testkit';

interface Case {
  id: string;
  given: Record<string, any>;
  expect: Record<string, any>;
}
const data = JSON.parse(readFileSync(join(__dirname, 'testdata/kubelet-vectors.json'), 'utf8')) as { cases: Case[] };
const byId = (id: string) => {
  const c = data.cases.find((x) => x.id === id);
  if (!c) throw new Error(`no vector ${id}`);
  return c;
};
const cfg: BackoffConfig = {
  initialMs: REAL_TIMINGS.backoffInitialMs,
  maxMs: REAL_TIMINGS.backoffMaxMs,
  expireMs: REAL_TIMINGS.backoffResetMs,
};

const SHARED = join(process.cwd(), '../shared/k8s-vectors.json');

it.skipIf(!existsSync(SHARED))('the vendored cases match ../shared/k8s-vectors.json', () => {
  const shared = JSON.parse(readFileSync(SHARED, 'utf8'));
  expect(data.cases).toEqual(shared.topics.kubelet_restart_backoff_and_states);
});

it('runs every case of the topic (each id appears in a test below)', () => {
  const here = readFileSync(join(__dirname, 'vectors.test.ts'), 'utf8');
  const prefixed = ['restart-', 'phase-'];
  const missing = data.cases.filter((c) => !prefixed.some((p) => c.id.startsWith(p)) && !here.includes(`'${c.id}`));
  expect(missing.map((c) => c.id)).toEqual([]);
});

describe('kubelet restart back-off (flowcontrol.Backoff)', () => {
  it('kubelet-backoff-constants: 10s initial, 5m max, reset after 10m without an update', () => {
    const e = byId('kubelet-backoff-constants').expect;
    expect(REAL_TIMINGS.backoffInitialMs).toBe(e.initialSeconds * 1000);
    expect(REAL_TIMINGS.backoffMaxMs).toBe(e.maxSeconds * 1000);
    expect(REAL_TIMINGS.backoffResetMs).toBe(e.resetAfterSecondsWithoutBackoffUpdate * 1000);
  });

  it('kubelet-backoff-sequence: each Next doubles the back-off up to the cap', () => {
    const v = byId('kubelet-backoff-sequence');
    let entry: ReturnType<typeof backoffNext> | undefined;
    let t = 0;
    const seen: number[] = [];
    for (const _ of v.given.consecutiveCrashes) {
      entry = backoffNext(entry, t, t, cfg);
      seen.push(entry.ms / 1000);
      t += entry.ms + 1000; // the container runs briefly after each restart
    }
    expect(seen).toEqual(v.expect.waitBeforeRestartSeconds);
  });

  for (const id of ['kubelet-backoff-reset', 'kubelet-backoff-no-reset']) {
    it(`${id}: the entry expires only after 2 × max without an update`, () => {
      const v = byId(id);
      const entry = { ms: v.given.backoffSeconds * 1000, updated: 0 };
      const at = v.given.containerRanForSecondsSinceLastBackoffUpdate * 1000;
      expect(backoffNext(entry, at, at, cfg).ms / 1000).toBe(v.expect.nextBackoffSeconds);
    });
  }
});

describe('ShouldContainerBeRestarted', () => {
  for (const v of data.cases.filter((x) => x.id.startsWith('restart-'))) {
    it(`${v.id}: ${v.given.restartPolicy} after exit ${v.given.exitCode} → restart ${v.expect.restart}`, () => {
      expect(shouldRestart(v.given.restartPolicy, v.given.exitCode)).toBe(v.expect.restart);
    });
  }
});

function statusFrom(name: string, text: string): ContainerStatus {
  let state: ContainerState;
  if (text === 'running') state = { running: { startedAt: '2026-01-01T09:00:00Z' } };
  else if (text === 'waiting') state = { waiting: { reason: 'ContainerCreating' } };
  else state = { terminated: { exitCode: Number(text.split(':')[1]), reason: 'x' } };
  return { name, state, lastState: {}, ready: false, restartCount: 0, image: 'x', imageID: '' };
}

describe('getPhase (pod not terminal, no init containers)', () => {
  for (const v of data.cases.filter((x) => x.id.startsWith('phase-'))) {
    it(`${v.id}: ${v.given.restartPolicy} ${JSON.stringify(v.given.containerStates)} → ${v.expect.phase}`, () => {
      const states: string[] = v.given.containerStates;
      const spec = {
        restartPolicy: v.given.restartPolicy,
        containers: states.map((_, i) => ({ name: `c${i}`, image: 'x' })),
      } as PodSpec;
      const info = states.map((s, i) => statusFrom(`c${i}`, s));
      expect(getPhase(spec, info, false, true)).toBe(v.expect.phase);
    });
  }
});

describe('convertToAPIContainerStatuses as the cluster reports it', () => {
  it('waiting-default-reason: a container not created yet waits with ContainerCreating', () => {
    const c = oneNode();
    c.apply(podYaml('p', '  containers:\n  - name: app\n    image: nginx:1.27\n'));
    until(c, () => cs(c, 'p').state.waiting !== undefined, 5000, 50);
    expect(cs(c, 'p').state.waiting?.reason).toBe(byId('waiting-default-reason').expect['waiting.reason']);
  });

  it('waiting-default-reason-init: with init containers the default is PodInitializing', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'p',
        '  initContainers:\n  - name: setup\n    image: busybox:1.36\n    command: [sleep, "5"]\n  containers:\n  - name: app\n    image: nginx:1.27\n',
      ),
    );
    until(c, () => cs(c, 'p', 'app').state.waiting !== undefined, 5000, 50);
    expect(cs(c, 'p', 'app').state.waiting?.reason).toBe(byId('waiting-default-reason-init').expect['waiting.reason']);
  });

  it('terminated-reasons: exit 0 is Completed, non-zero is Error', () => {
    const e = byId('terminated-reasons').expect;
    const c = oneNode();
    const job = (name: string, code: number) =>
      podYaml(
        name,
        `  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "exit ${code}"]\n`,
      );
    c.apply(job('zero', 0));
    c.apply(job('one', 1));
    until(c, () => !!cs(c, 'zero').state.terminated && !!cs(c, 'one').state.terminated);
    expect(cs(c, 'zero').state.terminated?.reason).toBe(e.exit0);
    expect(cs(c, 'one').state.terminated?.reason).toBe(e.exitNonZero);
  });

  it('image-errors: every image waiting reason the kubelet reports is one of upstream’s', () => {
    const reasons: string[] = byId('image-errors').expect.reasons;
    const c = oneNode();
    const img = (name: string, image: string, extra = '') =>
      podYaml(name, `  containers:\n  - name: app\n    image: ${image}\n${extra}`);
    c.apply(img('typo', 'nginx:1.161'));
    c.apply(img('never', 'nginx:1.27', '    imagePullPolicy: Never\n'));
    c.apply(img('invalid', 'NGINX:1.27'));
    const seen = new Set<string>();
    for (let t = 0; t < 30_000; t += 500) {
      for (const n of ['typo', 'never', 'invalid']) {
        const r = cs(c, n).state.waiting?.reason;
        if (r && r !== 'ContainerCreating') seen.add(r);
      }
      c.advance(500);
    }
    expect([...seen].sort()).toEqual(['ErrImageNeverPull', 'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName']);
    for (const r of seen) expect(reasons).toContain(r);
  });

  it('unknown-after-running: a container lost with its machine reports ContainerStatusUnknown and restarts', () => {
    const v = byId('unknown-after-running').expect;
    const c = oneNode();
    c.apply(podYaml('p', '  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n'));
    until(c, () => pod(c, 'p').status.phase === 'Running');
    c.chaos.killNode('node-1');
    c.advance(20_000);
    c.chaos.restoreNode('node-1');
    until(c, () => cs(c, 'p').restartCount === v.restartCountDelta && !!cs(c, 'p').state.running);
    expect(cs(c, 'p').lastState.terminated).toEqual(v.terminated);
  });
});
