// Graceful termination: SIGTERM, the grace period, SIGKILL, the preStop hook and the
// final removal of the pod by the kubelet (kuberuntime_container.go killContainer, the
// status manager's deletion once a pod's containers are gone).
import { afterEach, describe, expect, it } from 'vitest';
import { eventsOf, oneNode, pod, podYaml, scriptRuntime, until } from './testkit';

let restore = () => {};
afterEach(() => restore());

const sleeper = (name: string, extra = '') =>
  podYaml(name, `${extra}  containers:\n  - name: app\n    image: nginx:1.27\n`);

describe('graceful termination', () => {
  it('a container that exits on SIGTERM is stopped at once and the pod is removed', () => {
    const c = oneNode();
    c.apply(sleeper('web'));
    until(c, () => pod(c, 'web').status.phase === 'Running');
    c.delete('Pod', 'web');
    expect(c.get('Pod', 'web')?.metadata.deletionTimestamp).toBeDefined();
    until(c, () => c.get('Pod', 'web') === undefined, 5_000, 50);
    expect(eventsOf(c, 'web', 'Killing')).toEqual(['Killing: Stopping container app']);
  });

  it('a container that ignores SIGTERM stays Terminating for the grace period (30s), then SIGKILL', () => {
    const rt = scriptRuntime();
    restore = rt.restore;
    rt.script.ignoreTerm.add('app');
    const c = oneNode();
    c.apply(sleeper('stubborn'));
    until(c, () => pod(c, 'stubborn').status.phase === 'Running');
    c.delete('Pod', 'stubborn');
    const t0 = c.now();
    const gone = until(c, () => c.get('Pod', 'stubborn') === undefined, 60_000, 100);
    expect(gone - t0).toBeGreaterThanOrEqual(30_000);
    expect(gone - t0).toBeLessThanOrEqual(30_200);
  });

  it('terminationGracePeriodSeconds shortens the wait', () => {
    const rt = scriptRuntime();
    restore = rt.restore;
    rt.script.ignoreTerm.add('app');
    const c = oneNode();
    c.apply(sleeper('quick', '  terminationGracePeriodSeconds: 5\n'));
    until(c, () => pod(c, 'quick').status.phase === 'Running');
    c.delete('Pod', 'quick');
    c.advance(4_900);
    expect(c.get('Pod', 'quick')).toBeDefined();
    c.advance(200);
    expect(c.get('Pod', 'quick')).toBeUndefined();
  });

  it('a preStop sleep delays SIGTERM', () => {
    const c = oneNode();
    c.apply(
      podYaml(
        'hook',
        '  containers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        exec: {command: [sh, -c, "sleep 5"]}\n',
      ),
    );
    until(c, () => pod(c, 'hook').status.phase === 'Running');
    c.delete('Pod', 'hook');
    c.advance(4_900);
    expect(c.get('Pod', 'hook')).toBeDefined();
    c.advance(200);
    expect(c.get('Pod', 'hook')).toBeUndefined();
  });

  it('a force delete (grace 0) removes the pod at once; the kubelet forgets it', () => {
    const c = oneNode();
    c.apply(sleeper('gone'));
    until(c, () => pod(c, 'gone').status.phase === 'Running');
    c.delete('Pod', 'gone', 'default', { gracePeriodSeconds: 0 });
    expect(c.get('Pod', 'gone')).toBeUndefined();
    c.advance(1000);
    const st = c.core.state.kubelet as { pods: Record<string, unknown> };
    expect(st.pods['default/gone']).toBeUndefined();
  });

  it('deleting a pod that never started removes it without waiting', () => {
    const c = oneNode();
    c.apply(podYaml('typo', '  containers:\n  - name: app\n    image: nginx:1.161\n'));
    until(c, () => pod(c, 'typo').status.containerStatuses?.[0]?.state.waiting?.reason === 'ImagePullBackOff');
    c.delete('Pod', 'typo');
    c.advance(100);
    expect(c.get('Pod', 'typo')).toBeUndefined();
  });
});
