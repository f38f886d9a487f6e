/**
 * The rollout a learner does by hand, end to end through kubectl only: create a
 * Deployment, change its image, watch the rollout, read the history, undo, read it
 * again. The revision numbers follow the vector `rollback-revision-bump`
 * (pkg/controller/deployment: a rollback re-numbers the old ReplicaSet as
 * MaxRevision+1, so history shows 2 and 3).
 */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

const historyRows = (out: string) =>
  out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(/\s+/)[0]);

describe('rollout scenario', () => {
  it('create → set image → rollout status → history → undo → history', () => {
    const t = testCluster({ nodes: 2 });
    t.kubectl('create deployment web --image=nginx:1.25 --replicas=3');
    expect(t.run('rollout status deployment/web').stdout.trimEnd().split('\n').at(-1)).toBe(
      'deployment "web" successfully rolled out',
    );

    expect(t.run('set image deployment/web nginx=nginx:1.27').stdout).toBe('deployment.apps/web image updated\n');
    const watch = t.run('rollout status deployment/web');
    expect(watch.exitCode).toBe(0);
    const lines = watch.stdout.trimEnd().split('\n');
    // the rolling update's own steps: new replicas come up, old ones drain, then done
    expect(lines).toContain(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
    );
    expect(lines.some((l) => / old replicas are pending termination\.\.\.$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    const running = t
      .list('Pod', 'default')
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => p.spec.containers[0].image);
    expect(running).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);

    expect(historyRows(t.run('rollout history deployment/web').stdout)).toEqual(['1', '2']);

    expect(t.run('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    expect(t.run('rollout status deployment/web').exitCode).toBe(0);
    expect(historyRows(t.run('rollout history deployment/web').stdout)).toEqual(['2', '3']);
    expect(t.run('rollout history deployment/web --revision=3').stdout).toContain('    Image:         nginx:1.25\n');
    expect(t.get('Deployment', 'web')?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');

    // undoing again goes back to revision 2, the image set by hand
    expect(t.run('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    t.kubectl('rollout status deployment/web');
    expect(historyRows(t.run('rollout history deployment/web').stdout)).toEqual(['3', '4']);
    expect(t.get('Deployment', 'web')?.spec?.template.spec.containers[0].image).toBe('nginx:1.27');
  });

  it('scale and restart through kubectl keep one ReplicaSet per template', () => {
    const t = testCluster({ nodes: 2 });
    t.kubectl('create deployment web --image=nginx:1.25 --replicas=2');
    t.kubectl('rollout status deployment/web');
    t.kubectl('scale deployment/web --replicas=4');
    t.kubectl('rollout status deployment/web');
    expect(t.list('ReplicaSet', 'default')).toHaveLength(1);
    expect(t.get('Deployment', 'web')?.status?.availableReplicas).toBe(4);
    t.kubectl('rollout restart deployment/web');
    t.kubectl('rollout status deployment/web');
    expect(t.list('ReplicaSet', 'default')).toHaveLength(2);
    expect(historyRows(t.run('rollout history deployment/web').stdout)).toEqual(['1', '2']);
  });

  it('the same commands on the same seed give the same cluster, output and all', () => {
    const run = () => {
      const t = testCluster({ nodes: 2, seed: 42 });
      const out = [
        'create deployment web --image=nginx:1.25 --replicas=2',
        'rollout status deployment/web',
        'set image deployment/web nginx=nginx:1.27',
        'rollout status deployment/web',
        'rollout undo deployment/web',
        'rollout status deployment/web',
        'rollout history deployment/web',
      ].map((line) => t.run(line));
      return { out, snapshot: JSON.stringify(t.snapshot()) };
    };
    expect(run()).toEqual(run());
  });
});
