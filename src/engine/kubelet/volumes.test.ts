// Mounted ConfigMap files follow edits at the pod's next periodic sync (about a minute),
// while environment variables from the same ConfigMap keep their values — as the
// ConfigMap concept page describes ("Mounted ConfigMaps are updated automatically").
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { oneNode, pod, podYaml, until } from './testkit';

const cm = (mode: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    data: { mode },
  }) as KubeObject;

describe('ConfigMap volumes', () => {
  it('rewrites the mounted files within a minute of an edit; env keeps the old value', () => {
    const c = oneNode();
    // written straight to the store: the ConfigMap kind joins the API with the workload kinds
    c.core.store.create(cm('slow'));
    c.apply(
      podYaml(
        'reader',
        `  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {name: settings, key: mode}
    volumeMounts:
    - {name: config, mountPath: /etc/config}
  volumes:
  - name: config
    configMap: {name: settings}
`,
      ),
    );
    until(c, () => pod(c, 'reader').status.phase === 'Running');
    expect(c.exec('default', 'reader', ['cat', '/etc/config/mode']).stdout).toBe('slow');
    const stored = c.core.store.get('ConfigMap', 'default', 'settings') as KubeObject;
    c.core.store.update({ ...stored, data: { mode: 'fast' } });
    c.advance(1000);
    expect(c.exec('default', 'reader', ['cat', '/etc/config/mode']).stdout).toBe('slow');
    c.advance(60_000);
    expect(c.exec('default', 'reader', ['cat', '/etc/config/mode']).stdout).toBe('fast');
    expect(c.exec('default', 'reader', ['printenv', 'MODE']).stdout).toBe('slow\n');
  });
});
