// mirrors kubectl pkg/describe/describe.go describeConfigMap / describeSecret and
// pkg/printers/internalversion/printers.go printConfigMap / printSecret (their tests
// TestDescribeConfigMap, TestDescribeSecret, TestPrintSecret).
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

function cluster() {
  return testCluster({ nodes: 1 }).apply(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'game-config', labels: { app: 'game' } },
      data: { 'ui.properties': 'color.good=purple\ncolor.bad=yellow', 'game.properties': 'lives=3' },
      binaryData: { 'logo.png': 'iVBORw0KGgo=' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'test-secret' },
      stringData: { username: 'my-app', password: '39528$vdg7Jb' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls' },
      type: 'kubernetes.io/tls',
      stringData: { 'tls.crt': 'c', 'tls.key': 'k' },
    },
  );
}

describe('kubectl get configmaps / secrets', () => {
  it('configmaps: NAME DATA AGE, DATA counting data and binaryData', () => {
    const t = cluster();
    t.advance('90s');
    expect(t.run('get cm game-config').stdout).toBe('NAME          DATA   AGE\ngame-config   3      90s\n');
  });

  it('secrets: NAME TYPE DATA AGE', () => {
    const t = cluster();
    expect(t.run('get secrets').stdout).toBe(
      'NAME          TYPE                DATA   AGE\ntest-secret   Opaque              2      0s\ntls           kubernetes.io/tls   2      0s\n',
    );
  });
});

describe('kubectl describe configmap / secret', () => {
  it('a ConfigMap shows each value under its key, binary data as a byte count, then events', () => {
    expect(cluster().run('describe configmap game-config').stdout).toBe(
      [
        'Name:         game-config',
        'Namespace:    default',
        'Labels:       app=game',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'game.properties:',
        '----',
        'lives=3',
        '',
        'ui.properties:',
        '----',
        'color.good=purple',
        'color.bad=yellow',
        '',
        '',
        'BinaryData',
        '====',
        'logo.png: 8 bytes',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('a Secret shows only the size of each value', () => {
    const out = cluster().run('describe secret test-secret').stdout;
    expect(out).toBe(
      [
        'Name:         test-secret',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'password:  12 bytes',
        'username:  6 bytes',
        '',
      ].join('\n'),
    );
    expect(out).not.toContain('39528');
  });

  it('the last-applied annotation (which would hold stringData in clear) is not shown', () => {
    const t = testCluster({ nodes: 1 }).apply(
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  pw: hunter2\n',
    );
    expect(t.run('describe secret s').stdout).toMatch(/^Annotations:\s+<none>$/m);
  });
});
