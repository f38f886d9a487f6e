// Mirrors pkg/apis/core/validation/validation_test.go (TestValidateConfigMap,
// TestValidateConfigMapUpdate, TestValidateSecret, TestValidateSecretUpdate,
// TestValidateDockerConfigSecret, TestValidateBasicAuthSecret, TestValidateTLSSecret),
// the v1 Secret conversion (stringData merged into data) and SetDefaults_Secret,
// through the API as `kubectl apply` reaches it.
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';
import { encodeText } from '../base64';
import { isConfigMapKey } from './config';

const cm = (extra: Record<string, unknown>, name = 'cfg') => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  ...extra,
});
const secret = (extra: Record<string, unknown>, name = 'creds') => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name },
  ...extra,
});

function refused(manifest: object, setup: object[] = []): string[] {
  const t = testCluster({ nodes: 1 });
  if (setup.length > 0) t.apply(...setup);
  const before = JSON.stringify(t.cluster.snapshot());
  const r = t.tryApply(manifest);
  expect(r.ok).toBe(false);
  // a refused write leaves the cluster exactly as it was
  expect(JSON.stringify(t.cluster.snapshot())).toBe(before);
  return r.errors.map((e) => e.message);
}

/**
 * `kubectl create -f -`: big objects cannot go through apply, whose last-applied
 * annotation alone passes the 256 KiB annotation limit first.
 */
function createRefused(manifest: object): string {
  const t = testCluster({ nodes: 1 });
  const before = JSON.stringify(t.cluster.snapshot());
  const r = t.run('create -f -', JSON.stringify(manifest));
  expect(r.exitCode).toBe(1);
  expect(JSON.stringify(t.cluster.snapshot())).toBe(before);
  return r.stderr;
}

const KEY_REGEX =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('config keys (validation.IsConfigMapKey, TestIsConfigMapKey)', () => {
  it.each(['a', 'a.b', 'a_b', 'a-b', '.a', 'A', '1', 'a..b', '.dockerconfigjson', 'tls.crt'])('%j is a key', (k) => {
    expect(isConfigMapKey(k)).toEqual([]);
  });

  it.each([
    ['', [KEY_REGEX]],
    ['a b', [KEY_REGEX]],
    ['a/b', [KEY_REGEX]],
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..a', ["must not start with '..'"]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
  ])('%j is refused', (k, msgs) => {
    expect(isConfigMapKey(k)).toEqual(msgs);
  });
});

describe('ConfigMap validation', () => {
  it('accepts data and binaryData, and stores them as sent', () => {
    const t = testCluster({ nodes: 1 }).apply(
      cm({ data: { 'game.properties': 'lives=3' }, binaryData: { bin: 'AAEC' } }),
    );
    const got = t.cluster.get('ConfigMap', 'cfg');
    expect(got?.data).toEqual({ 'game.properties': 'lives=3' });
    expect(got?.binaryData).toEqual({ bin: 'AAEC' });
    expect(got?.metadata.generation).toBeUndefined();
  });

  it('a bad key in data or binaryData', () => {
    expect(refused(cm({ data: { 'a b': 'x' }, binaryData: { '..x': 'AA==' } }))).toEqual([
      `The ConfigMap "cfg" is invalid: [data[a b]: Invalid value: "a b": ${KEY_REGEX}, binaryData[..x]: Invalid value: "..x": must not start with '..']`,
    ]);
  });

  it('a key in both data and binaryData', () => {
    expect(refused(cm({ data: { k: 'x' }, binaryData: { k: 'eA==' } }))).toEqual([
      'The ConfigMap "cfg" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData',
    ]);
  });

  it('more than 1 MiB in total is refused, exactly 1 MiB is fine', () => {
    const half = 'x'.repeat(512 * 1024);
    expect(createRefused(cm({ data: { a: half, b: `${half}y` } }))).toBe(
      'The ConfigMap "cfg" is invalid: []: Too long: must have at most 1048576 bytes\n',
    );
    const t = testCluster({ nodes: 1 });
    expect(t.run('create -f -', JSON.stringify(cm({ data: { a: half, b: half } }))).exitCode).toBe(0);
    // through apply, the last-applied annotation is refused too (as with kubectl apply)
    expect(refused(cm({ data: { a: half, b: `${half}y` } }))).toEqual([
      'The ConfigMap "cfg" is invalid: [metadata.annotations: Too long: must have at most 262144 bytes, []: Too long: must have at most 1048576 bytes]',
    ]);
  });

  it('counts UTF-8 bytes of data and decoded bytes of binaryData', () => {
    // 524288 two-byte characters are 1 MiB; one more byte of binaryData tips it over
    expect(createRefused(cm({ data: { a: 'é'.repeat(512 * 1024) }, binaryData: { b: 'AA==' } }))).toMatch(
      /\[\]: Too long: must have at most 1048576 bytes/,
    );
    expect(createRefused(cm({ data: { a: 'é'.repeat(512 * 1024), b: 'x' } }))).toMatch(/Too long/);
  });

  it('the name must be a DNS subdomain', () => {
    expect(refused(cm({}, 'Bad_Name'))[0]).toMatch(
      /^The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
  });

  it('binaryData must be base64 (decoding, before validation)', () => {
    expect(refused(cm({ binaryData: { b: 'not base64' } }))).toEqual([
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 3',
    ]);
  });

  it('immutable: data, binaryData and the flag itself are frozen (TestValidateConfigMapUpdate)', () => {
    const frozen = cm({ data: { k: 'v' }, immutable: true });
    expect(refused(cm({ data: { k: 'changed' }, immutable: true }), [frozen])).toEqual([
      'The ConfigMap "cfg" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(refused(cm({ data: { k: 'v' }, binaryData: { b: 'AA==' }, immutable: true }), [frozen])).toEqual([
      'The ConfigMap "cfg" is invalid: binaryData: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(refused(cm({ data: { k: 'v' }, immutable: false }), [frozen])).toEqual([
      'The ConfigMap "cfg" is invalid: immutable: Forbidden: field is immutable when `immutable` is set',
    ]);
  });

  it('a mutable ConfigMap may change, and may become immutable', () => {
    const t = testCluster({ nodes: 1 }).apply(cm({ data: { k: 'v' } }));
    expect(t.tryApply(cm({ data: { k: 'w' }, immutable: true })).ok).toBe(true);
    expect(t.cluster.get('ConfigMap', 'cfg')).toMatchObject({ data: { k: 'w' }, immutable: true });
    // metadata may still change on an immutable one
    expect(
      t.tryApply(cm({ metadata: { name: 'cfg', labels: { a: 'b' } }, data: { k: 'w' }, immutable: true })).ok,
    ).toBe(true);
  });
});

describe('Secret validation and storage', () => {
  it('defaults type to Opaque (SetDefaults_Secret)', () => {
    const t = testCluster({ nodes: 1 }).apply(secret({ data: { password: encodeText('s3cr3t') } }));
    expect(t.cluster.get('Secret', 'creds')?.type).toBe('Opaque');
  });

  it('stringData is merged into data as base64 and not stored; its key wins over data', () => {
    const t = testCluster({ nodes: 1 }).apply(
      secret({ data: { username: encodeText('old'), keep: encodeText('k') }, stringData: { username: 'admin' } }),
    );
    const got = t.cluster.get('Secret', 'creds');
    expect(got?.data).toEqual({ username: 'YWRtaW4=', keep: 'aw==' });
    expect(got?.stringData).toBeUndefined();
  });

  it('data comes back in canonical base64 (newlines dropped)', () => {
    const t = testCluster({ nodes: 1 }).apply(secret({ data: { k: 'Zm9v\nYmFy' } }));
    expect(t.cluster.get('Secret', 'creds')?.data).toEqual({ k: 'Zm9vYmFy' });
  });

  it('data that is not base64 fails decoding with Go\u2019s offset', () => {
    expect(refused(secret({ data: { username: 'my-app' } }))).toEqual([
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 2',
    ]);
    expect(refused(secret({ data: { username: 'billy' } }))).toEqual([
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
    ]);
  });

  it('a number where base64 text belongs', () => {
    expect(refused(secret({ data: { pin: 1234 } }))).toEqual([
      'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    ]);
  });

  it('bad keys, in data or in stringData (which is data by then)', () => {
    expect(refused(secret({ stringData: { 'a/b': 'x' } }))).toEqual([
      `The Secret "creds" is invalid: data[a/b]: Invalid value: "a/b": ${KEY_REGEX}`,
    ]);
  });

  it('more than 1 MiB of decoded data', () => {
    expect(createRefused(secret({ stringData: { a: 'x'.repeat(1024 * 1024), b: 'y' } }))).toBe(
      'The Secret "creds" is invalid: data: Too long: must have at most 1048576 bytes\n',
    );
  });

  it('kubernetes.io/tls needs tls.crt and tls.key (TestValidateTLSSecret)', () => {
    expect(refused(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'cert' } }))).toEqual([
      'The Secret "creds" is invalid: data[tls.key]: Required value',
    ]);
    expect(refused(secret({ type: 'kubernetes.io/tls' }))).toEqual([
      'The Secret "creds" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    ]);
    expect(
      testCluster({ nodes: 1 }).tryApply(
        secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c', 'tls.key': 'k' } }),
      ).ok,
    ).toBe(true);
  });

  it('kubernetes.io/dockerconfigjson needs a JSON .dockerconfigjson (TestValidateDockerConfigSecret)', () => {
    expect(refused(secret({ type: 'kubernetes.io/dockerconfigjson' }))).toEqual([
      'The Secret "creds" is invalid: data[.dockerconfigjson]: Required value',
    ]);
    expect(
      refused(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': 'oops' } })),
    ).toEqual([
      `The Secret "creds" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character 'o' looking for beginning of value`,
    ]);
    const ok = secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{"auths":{}}' } });
    expect(testCluster({ nodes: 1 }).tryApply(ok).ok).toBe(true);
  });

  it('basic-auth needs username or password; ssh-auth a private key (TestValidateBasicAuthSecret, TestValidateSSHAuthSecret)', () => {
    expect(refused(secret({ type: 'kubernetes.io/basic-auth' }))).toEqual([
      'The Secret "creds" is invalid: [data[%s][username]: Required value, data[%s][password]: Required value]',
    ]);
    expect(
      testCluster({ nodes: 1 }).tryApply(secret({ type: 'kubernetes.io/basic-auth', stringData: { password: 'p' } }))
        .ok,
    ).toBe(true);
    expect(refused(secret({ type: 'kubernetes.io/ssh-auth' }))).toEqual([
      'The Secret "creds" is invalid: data[%s][ssh-privatekey]: Required value',
    ]);
  });

  it('a service-account-token Secret needs the service account annotation', () => {
    expect(refused(secret({ type: 'kubernetes.io/service-account-token' }))).toEqual([
      'The Secret "creds" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value',
    ]);
  });

  it('type is immutable (ValidateSecretUpdate)', () => {
    expect(
      refused(secret({ type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } }), [
        secret({ stringData: { username: 'u' } }),
      ]),
    ).toEqual(['The Secret "creds" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });

  it('immutable: data is frozen, stringData included, and the flag stays', () => {
    const frozen = secret({ stringData: { password: 'one' }, immutable: true });
    expect(refused(secret({ stringData: { password: 'two' }, immutable: true }), [frozen])).toEqual([
      'The Secret "creds" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(refused(secret({ stringData: { password: 'one' } }), [frozen])).toEqual([
      'The Secret "creds" is invalid: immutable: Forbidden: field is immutable when `immutable` is set',
    ]);
    // the same content again is no change at all
    const t = testCluster({ nodes: 1 }).apply(frozen);
    expect(t.tryApply(frozen).results[0].action).toBe('unchanged');
  });
});
