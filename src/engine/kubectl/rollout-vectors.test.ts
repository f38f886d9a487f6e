// The kubectl cases of k8s-vectors.json's deployment_revision_history_and_rollback
// topic, table-driven, each test named by its case id. Sources: kubectl
// pkg/polymorphichelpers/rollback.go (DeploymentRollbacker) and, for the revision bump
// a rollback causes, pkg/controller/deployment (SetNewReplicaSetAnnotations,
// getNewReplicaSet's MaxRevision(oldRSs)+1).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../api/workload-types';
import { type TestCluster, testCluster } from '../testing';
import { deploymentYaml } from './workload-testing';

interface Case {
  id: string;
  source: string;
  given: Record<string, any>;
  expect: Record<string, any>;
  derived?: boolean;
}

const vectors = JSON.parse(readFileSync(resolve(__dirname, 'testdata/rollout-vectors.json'), 'utf8')) as {
  topic: string;
  cases: Case[];
};
const byId = new Map(vectors.cases.map((c) => [c.id, c]));
const SHARED = resolve(process.cwd(), '../shared/k8s-vectors.json');

const V1 = 'nginx:1.25';
const V2 = 'nginx:1.27';

/** A Deployment `app` rolled out at v1, then (if asked) at v2: revisions 1 and 2. */
function rolledOut(revisions: 1 | 2): TestCluster {
  const t = testCluster({ nodes: 2 }).apply(deploymentYaml('app', V1, 2));
  t.kubectl('rollout status deployment/app');
  if (revisions === 2) {
    t.kubectl(`set image deployment/app app=${V2}`);
    t.kubectl('rollout status deployment/app');
  }
  return t;
}

const rsWith = (t: TestCluster, image: string) =>
  t.list<ReplicaSet>('ReplicaSet', 'default').find((rs) => rs.spec.template.spec.containers[0].image === image);

const RUN: Record<string, (c: Case) => void> = {
  'rollback-revision-bump': (c) => {
    const t = rolledOut(2);
    const undo = t.run('rollout undo deployment/app');
    expect(undo.stdout).toBe(`${c.expect.kubectlOutput}\n`);
    const template = t.get('Deployment', 'app')?.spec?.template;
    expect(template.spec.containers[0].image).toBe(V1);
    expect(template.metadata.labels).toEqual({ app: 'app' });
    t.kubectl('rollout status deployment/app');
    const aaa = rsWith(t, V1)?.metadata.annotations ?? {};
    const bbb = rsWith(t, V2)?.metadata.annotations ?? {};
    for (const [k, v] of Object.entries(c.expect['app-aaa'])) expect(aaa[k]).toBe(v);
    for (const [k, v] of Object.entries(c.expect['app-bbb'])) expect(bbb[k]).toBe(v);
    expect(t.get('Deployment', 'app')?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe(
      c.expect.deploymentRevisionAnnotation,
    );
    const history = t.run('rollout history deployment/app').stdout;
    const revisions = history
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => Number(l.split(/\s+/)[0]));
    expect(revisions).toEqual(c.expect.rolloutHistoryRevisions);
  },
  'kubectl-undo-skipped': (c) => {
    const t = rolledOut(1);
    expect(t.run(`rollout undo deployment/app --to-revision=${c.given.toRevision}`).stdout).toBe(
      `${c.expect.output.replace('<name>', 'app')}\n`,
    );
  },
  'kubectl-undo-not-found': (c) => {
    const t = rolledOut(2);
    expect(t.run(`rollout undo deployment/app --to-revision=${c.given.toRevision}`)).toEqual({
      stdout: '',
      stderr: `${c.expect.error}\n`,
      exitCode: 1,
    });
  },
  'kubectl-undo-no-history': (c) => {
    const t = rolledOut(1);
    expect(t.run(`rollout undo deployment/app --to-revision=${c.given.toRevision}`).stderr).toBe(
      `${c.expect.error.replace('<name>', 'app')}\n`,
    );
  },
  'kubectl-undo-paused': (c) => {
    const t = rolledOut(2);
    t.kubectl('rollout pause deployment/app');
    expect(t.get('Deployment', 'app')?.spec?.paused).toBe(c.given.paused);
    expect(t.run('rollout undo deployment/app').stderr).toBe(`${c.expect.error.replace('<name>', 'app')}\n`);
    expect(t.get('Deployment', 'app')?.spec?.template.spec.containers[0].image).toBe(V2);
  },
};

describe(`${vectors.topic} vectors (kubectl)`, () => {
  it.skipIf(!existsSync(SHARED))('the vendored cases match ../shared/k8s-vectors.json', () => {
    const shared = JSON.parse(readFileSync(SHARED, 'utf8')).topics[vectors.topic] as Case[];
    for (const c of vectors.cases) expect(shared.find((s) => s.id === c.id)).toEqual(c);
  });

  it('runs every vendored case', () => {
    expect(Object.keys(RUN).sort()).toEqual([...byId.keys()].sort());
  });

  for (const c of vectors.cases) {
    it(`${c.id} (${c.source})`, () => RUN[c.id](c));
  }
});
