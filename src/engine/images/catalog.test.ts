// The simulated registry: names as containerd normalizes them, the images the
// kubernetes.io pages use, real pull errors, shared layers and realistic sizes.
import { describe, expect, it } from 'vitest';
import { runtime } from '../kubelet/runtime/runtime';
import { sandbox } from '../kubelet/runtime/testkit';
import { sizeOf } from './base';
import { catalog, lookupImage, manifestDigest, pullErrorMessage } from './catalog';
import { normalizeImageRef } from './reference';

const REQUIRED = [
  'nginx',
  'nginx:latest',
  'nginx:1.14.2',
  'nginx:1.15',
  'nginx:1.16.1',
  'nginx:1.25',
  'nginx:1.27',
  'nginx:1.29',
  'nginx:alpine',
  'nginx:1.27-alpine',
  'httpd',
  'httpd:2.4',
  'redis',
  'busybox',
  'busybox:1.27.2',
  'busybox:1.28',
  'busybox:1.36',
  'registry.k8s.io/busybox',
  'registry.k8s.io/busybox:1.27.2',
  'k8s.gcr.io/busybox',
  'alpine',
  'alpine:3.20',
  'postgres',
  'python',
  'python:alpine',
  'python:3.13-slim',
  'node',
  'node:alpine',
  'docker.io/library/bash:5',
  'registry.k8s.io/e2e-test-images/agnhost:2.39',
  'registry.k8s.io/e2e-test-images/agnhost:2.40',
  'registry.k8s.io/goproxy:0.1',
  'registry.k8s.io/nginx-slim:0.7',
  'registry.k8s.io/nginx-slim:0.8',
  'gcr.io/google-samples/hello-app:1.0',
  'gcr.io/google-samples/hello-app:2.0',
  'vish/stress',
  'polinux/stress',
  'k8s.gcr.io/fluentd-elasticsearch:1.20',
  'k8s.gcr.io/pause:2.0',
  'registry.k8s.io/pause:3.10',
  'registry.k8s.io/kube-apiserver:v1.34.1',
  'registry.k8s.io/kube-controller-manager:v1.34.1',
  'registry.k8s.io/kube-scheduler:v1.34.1',
  'registry.k8s.io/kube-proxy:v1.34.1',
  'registry.k8s.io/etcd:3.6.4-0',
  'registry.k8s.io/coredns/coredns:v1.12.1',
  'playground/web:v1',
  'docker.io/playground/web:v2',
  'playground/web:v3',
  'playground/web:crash',
  'playground/web:slow',
  'playground/web:unready',
  'playground/web:leak',
  'playground/web:job',
];

describe('image catalog', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['playground/web:v1', 'docker.io/playground/web:v1'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['index.docker.io/library/redis', 'docker.io/library/redis:latest'],
  ])('normalizes %s to %s (distribution/reference)', (ref, want) => {
    expect(normalizeImageRef(ref)).toBe(want);
    expect(lookupImage(ref)?.ref).toBe(want);
  });

  it.each(REQUIRED)('has %s', (ref) => {
    expect(lookupImage(ref)).toBeDefined();
  });

  it('a misspelt tag is not in the registry and fails with containerd\'s "not found"', () => {
    expect(lookupImage('nginx:1.161')).toBeUndefined();
    expect(pullErrorMessage('nginx:1.161')).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
  });

  it('an unknown Docker Hub repository fails with "pull access denied"', () => {
    expect(lookupImage('nosuchimage')).toBeUndefined();
    expect(pullErrorMessage('nosuchimage')).toBe(
      'failed to pull and unpack image "docker.io/library/nosuchimage:latest": failed to resolve reference "docker.io/library/nosuchimage:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('tags of one image share its manifest digest; a digest reference finds it', () => {
    const latest = lookupImage('nginx:latest');
    const same = lookupImage('nginx:1.29');
    expect(latest?.digest).toBe(same?.digest);
    expect(latest?.digest).not.toBe(lookupImage('nginx:1.27')?.digest);
    expect(lookupImage(`nginx@${latest?.digest}`)?.digest).toBe(latest?.digest);
  });

  it('images built on one base share its layer digests', () => {
    const first = (ref: string) => lookupImage(ref)?.layers[0].digest;
    expect(first('python:alpine')).toBe(first('alpine:3.22'));
    expect(first('python:3.13-slim')).toBe(first('nginx:1.27'));
    expect(first('redis:7')).toBe(first('nginx:1.25'));
    expect(lookupImage('python')?.layers.slice(0, 4)).toEqual(lookupImage('node')?.layers.slice(0, 4));
    expect(first('nginx:1.27')).not.toBe(first('alpine'));
  });

  it.each([
    // compressed linux/amd64 sizes on the registries, in MB (within 25 %)
    ['busybox:1.36', 2.15],
    ['alpine:3.20', 3.6],
    ['nginx:1.27', 72],
    ['nginx:alpine', 22],
    ['redis:7', 46],
    ['python', 380],
    ['node:alpine', 56],
    ['registry.k8s.io/pause:3.10', 0.32],
  ])('%s is about %s MB', (ref, mb) => {
    const size = sizeOf(lookupImage(ref)?.layers ?? []) / 1e6;
    expect(size).toBeGreaterThan(mb * 0.75);
    expect(size).toBeLessThan(mb * 1.25);
  });

  it('every image starts its default command without a StartError', () => {
    for (const spec of catalog()) {
      const info = lookupImage(`${spec.repository}:${spec.tags[0]}`);
      if (!info) throw new Error(spec.repository);
      const { result } = runtime.startProcess(
        { image: info, containerName: 'c', env: { POSTGRES_PASSWORD: 'x' }, mounts: [], now: 0 },
        sandbox(),
      );
      expect(result.exited?.reason, `${spec.repository}:${spec.tags[0]}`).not.toBe('StartError');
    }
  });

  it('no two entries claim the same repository:tag', () => {
    const seen = new Set<string>();
    for (const s of catalog()) {
      for (const t of s.tags) {
        const key = `${s.repository}:${t}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
      expect(manifestDigest(s)).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });
});
