// Image pulls as the kubelet's image manager does them (pkg/kubelet/images/image_manager.go):
// pull policies, the serial puller, the pull back-off and the events in their real words.
import { describe, expect, it } from 'vitest';
import { cs, eventsOf, oneNode, pod, podYaml, until } from './testkit';

const nginx = (name: string, image = 'nginx:1.27', extra = '') =>
  podYaml(name, `  containers:\n  - name: nginx\n    image: ${image}\n${extra}`);

describe('kubelet image pulls', () => {
  it('pulls a missing image, then creates and starts the container (Pulling, Pulled, Created, Started)', () => {
    const c = oneNode();
    c.apply(nginx('web'));
    c.advance(500);
    expect(cs(c, 'web').state.waiting?.reason).toBe('ContainerCreating');
    expect(pod(c, 'web').status.phase).toBe('Pending');
    until(c, () => pod(c, 'web').status.phase === 'Running');
    const ev = eventsOf(c, 'web').filter((e) => !e.startsWith('Scheduled'));
    expect(ev[0]).toBe('Pulling: Pulling image "nginx:1.27"');
    expect(ev[1]).toMatch(
      /^Pulled: Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: \d+ bytes\.$/,
    );
    expect(ev.slice(2)).toEqual(['Created: Created container: nginx', 'Started: Started container nginx']);
    const s = cs(c, 'web');
    expect(s.image).toBe('docker.io/library/nginx:1.27');
    expect(s.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s).toMatchObject({ ready: true, started: true, restartCount: 0 });
  });

  it('starts a container from a cached image at once ("already present on machine")', () => {
    const c = oneNode();
    c.apply(nginx('a'));
    until(c, () => pod(c, 'a').status.phase === 'Running');
    c.apply(nginx('b'));
    const t0 = c.now();
    const t1 = until(c, () => pod(c, 'b').status.phase === 'Running', 10_000, 50);
    // sandbox + container start only: no pull
    expect(t1 - t0).toBeLessThanOrEqual(c.core.timings.sandboxStartMs + c.core.timings.containerStartMs + 50);
    expect(eventsOf(c, 'b', 'Pulled')).toEqual(['Pulled: Container image "nginx:1.27" already present on machine']);
    expect(eventsOf(c, 'b', 'Pulling')).toEqual([]);
  });

  it('nginx:1.161 (a misspelt tag) fails with ErrImagePull, then ImagePullBackOff with a doubling back-off', () => {
    const c = oneNode();
    c.apply(nginx('typo', 'nginx:1.161'));
    until(c, () => cs(c, 'typo').state.waiting?.reason === 'ErrImagePull', 10_000);
    const failed = eventsOf(c, 'typo', 'Failed');
    expect(failed[0]).toBe(
      'Failed: Failed to pull image "nginx:1.161": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
    expect(failed[1]).toBe('Failed: Error: ErrImagePull');
    until(c, () => cs(c, 'typo').state.waiting?.reason === 'ImagePullBackOff', 10_000);
    expect(cs(c, 'typo').state.waiting?.message).toMatch(
      /^Back-off pulling image "nginx:1\.161": ErrImagePull: rpc error/,
    );
    expect(eventsOf(c, 'typo', 'BackOff')).toEqual(['BackOff: Back-off pulling image "nginx:1.161"']);
    expect(eventsOf(c, 'typo', 'Failed')).toContain('Failed: Error: ImagePullBackOff');
    // Pull attempts: the back-off (10s, 20s, 40s…) separates them.
    const pulls: number[] = [];
    let seen = 0;
    for (let t = 0; t < 200_000; t += 100) {
      const n = c.events().find((e) => e.involvedObject.name === 'typo' && e.reason === 'Pulling')?.count ?? 0;
      if (n > seen) {
        pulls.push(c.now());
        seen = n;
      }
      c.advance(100);
    }
    const gaps = pulls.slice(1).map((t, i) => Math.round((t - pulls[i]) / 1000));
    // gaps[0] runs from the start of the loop; then each back-off doubles (plus the 0.4s pull round trip)
    expect(gaps.slice(1, 4)).toEqual([20, 40, 80]);
    expect(pod(c, 'typo').status.phase).toBe('Pending');
  });

  it('imagePullPolicy: Never without the image gives ErrImageNeverPull', () => {
    const c = oneNode();
    c.apply(nginx('never', 'nginx:1.27', '    imagePullPolicy: Never\n'));
    until(c, () => cs(c, 'never').state.waiting?.reason === 'ErrImageNeverPull', 10_000);
    expect(cs(c, 'never').state.waiting?.message).toBe(
      'Container image "nginx:1.27" is not present with pull policy of Never',
    );
    expect(eventsOf(c, 'never', 'ErrImageNeverPull')).toEqual([
      'ErrImageNeverPull: Container image "nginx:1.27" is not present with pull policy of Never',
    ]);
  });

  it('an image reference that does not parse gives InvalidImageName', () => {
    const c = oneNode();
    c.apply(nginx('bad', 'NGINX:1.27'));
    until(c, () => cs(c, 'bad').state.waiting?.reason === 'InvalidImageName', 10_000);
    expect(eventsOf(c, 'bad', 'InspectFailed')[0]).toMatch(
      /^InspectFailed: Failed to apply default image tag "NGINX:1.27"/,
    );
  });

  it('pulls are serial per node: a second pull waits for the first ("including waiting")', () => {
    const c = oneNode();
    c.apply(nginx('one'));
    c.apply(podYaml('two', '  containers:\n  - name: bb\n    image: busybox:1.36\n    command: [sleep, "3600"]\n'));
    until(c, () => pod(c, 'two').status.phase === 'Running' && pod(c, 'one').status.phase === 'Running');
    const m = /in ([\d.]+)(m?s) \(([\d.]+)(m?s) including waiting\)/.exec(eventsOf(c, 'two', 'Pulled')[0]);
    expect(m).not.toBeNull();
    const sec = (v: string, u: string) => Number(v) / (u === 'ms' ? 1000 : 1);
    if (m) expect(sec(m[3], m[4])).toBeGreaterThan(sec(m[1], m[2]));
  });

  it('reports pulled images in node status.images', () => {
    const c = oneNode();
    c.apply(nginx('web'));
    until(c, () => pod(c, 'web').status.phase === 'Running');
    c.advance(c.core.timings.nodeStatusUpdateMs);
    const node = c.get('Node', 'node-1');
    const names = (node?.status.images ?? []).flatMap((i: { names: string[] }) => i.names);
    expect(names).toContain('docker.io/library/nginx:1.27');
  });
});
