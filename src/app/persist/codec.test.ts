// The share-URL codec against round trips, caps, a deflate bomb and garbage.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index';
import { buildScenario } from '../../worker/scenario';
import { decodeShare, encodeShare, fromBase64Url, PersistError, sharePayload, toBase64Url } from './codec';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

async function problemOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PersistError) return e.problem;
    throw e;
  }
  throw new Error('expected a PersistError');
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('share codec', () => {
  it('round-trips a scenario through base64url deflate-raw', async () => {
    const cluster = createCluster({ seed: 3 });
    cluster.advance(10_000);
    const scenario = { ...buildScenario(cluster, { speed: 1, running: true }), editor: { text: 'kind: Pod\n파드\n' } };
    const payload = await encodeShare(scenario);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(payload)).toEqual(JSON.parse(JSON.stringify(scenario)));
  });

  it('round-trips arbitrary bytes through base64url', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('reads the payload from a #scenario= fragment only', () => {
    expect(sharePayload('#scenario=abc')).toBe('abc');
    expect(sharePayload('#other=abc')).toBeNull();
    expect(sharePayload('')).toBeNull();
  });

  it('refuses a fragment over the length cap before decoding it', async () => {
    expect(await problemOf(decodeShare('A'.repeat(101), { maxChars: 100 }))).toBe('tooLong');
  });

  it('stops inflating a deflate bomb at the byte cap', async () => {
    // 50 MB of zeros deflate to ~50 KB; the decoder must give up at its 1 MB cap.
    const bomb = await deflate(new Uint8Array(50 * 1024 * 1024));
    const started = Date.now();
    expect(await problemOf(decodeShare(toBase64Url(bomb), { maxBytes: 1024 * 1024 }))).toBe('tooBig');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names the problem with garbage', async () => {
    expect(await problemOf(decodeShare('not base64!'))).toBe('notBase64');
    expect(await problemOf(decodeShare('A'))).toBe('notBase64');
    expect(await problemOf(decodeShare(toBase64Url(new TextEncoder().encode('plain text, not deflate'))))).toBe(
      'notCompressed',
    );
    expect(await problemOf(decodeShare(toBase64Url(await deflate(new Uint8Array([0xff, 0xfe, 0x80])))))).toBe(
      'notText',
    );
    expect(await problemOf(decodeShare(toBase64Url(await deflate(new TextEncoder().encode('{"a":')))))).toBe('notJson');
  });

  it('keeps a fresh cluster and a 3-replica Deployment well inside a URL (measured ~14 KB and ~28 KB)', async () => {
    const fresh = createCluster();
    const withDeployment = createCluster();
    withDeployment.apply(DEPLOYMENT);
    withDeployment.advance(60_000);
    expect(withDeployment.list('Pod', 'default')).toHaveLength(3);
    for (const cluster of [fresh, withDeployment]) {
      const payload = await encodeShare(buildScenario(cluster, { speed: 1, running: true }));
      expect(payload.length).toBeLessThan(64 * 1024);
    }
  });

  it('decodes valid JSON of the wrong shape, leaving the shape check to the worker', async () => {
    expect(await decodeShare(await encodeShare({ format: 'else', version: 7 }))).toEqual({
      format: 'else',
      version: 7,
    });
  });
});
