import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index';
import { loadLesson } from './load';
import { changesCluster, playThrough } from './playthrough';

function lesson(check: string) {
  const yaml = `id: demo
order: 1
minutes: 5
steps:
  - id: run
    checks:
      - label: { en: "goal", ko: "목표" }
${check}
    solution:
      - kubectl: run web --image=nginx
`;
  const en = '# Demo\n\n## Run {#run}\n\nRun a pod.\n';
  const ko = '# 데모\n\n## 실행 {#run}\n\n파드를 실행하세요.\n';
  return loadLesson({ dir: 'lessons/demo', yaml, prose: { en, ko } });
}

describe('playThrough', () => {
  it('passes a step whose goal the solution brings about', () => {
    const [r] = playThrough(
      lesson('        kubectl: get pod web -o jsonpath={.status.phase}\n        equals: Running'),
      createCluster,
    );
    expect(r).toMatchObject({ id: 'run', ok: true });
  });

  it('fails a step whose goal already held before the learner acted', () => {
    const [r] = playThrough(
      lesson('        kubectl: get nodes --no-headers\n        count: lines\n        atLeast: 1'),
      createCluster,
    );
    expect(r).toMatchObject({ ok: false, heldBeforeActing: true });
  });

  it('counts reading commands and waiting as not acting', () => {
    expect(changesCluster({ kubectl: 'get pods -o wide' })).toBe(false);
    expect(changesCluster({ kubectl: 'rollout history deployment/web' })).toBe(false);
    expect(changesCluster({ wait: 1000 })).toBe(false);
    expect(changesCluster({ kubectl: 'scale deployment web --replicas=2' })).toBe(true);
    expect(changesCluster({ deletePod: 'web-*' })).toBe(true);
  });
});
