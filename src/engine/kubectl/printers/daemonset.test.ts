// Mirrors pkg/printers/internalversion/printers_test.go (TestPrintDaemonSet,
// TestPrintStatefulSet, TestPrintControllerRevision, TestPrintPersistentVolumeClaim) and
// the describers of kubectl pkg/describe (TestDescribeDaemonSet, TestDescribeStatefulSet).
import { describe, expect, it } from 'vitest';
import { testCluster } from '../../testing';
import { controllerName } from './controllerrevision';
import { accessModesText } from './persistentvolumeclaim';

const sts = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
};

const ds = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'a', image: 'nginx:1.25' }] },
    },
  },
};

describe('printers', () => {
  const t = testCluster().kubectl('label node node-1 disk=ssd').apply(sts, ds).advance('60s');

  it('DaemonSet, wide', () => {
    expect(t.run('get ds -o wide').stdout).toBe(
      [
        'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS   IMAGES       SELECTOR',
        'agent   1         1         1       1            1           disk=ssd        60s   a            nginx:1.25   app=agent',
        '',
      ].join('\n'),
    );
  });

  it('StatefulSet, wide', () => {
    expect(t.run('get sts -o wide').stdout).toBe(
      ['NAME   READY   AGE   CONTAINERS   IMAGES', 'web    2/2     60s   nginx        nginx:1.25', ''].join('\n'),
    );
  });

  it('ControllerRevision: CONTROLLER is kind.group/name', () => {
    const out = t.run('get controllerrevisions').stdout.split('\n');
    expect(out[0]).toMatch(/^NAME\s+CONTROLLER\s+REVISION\s+AGE$/);
    expect(
      out
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[1])
        .sort(),
    ).toEqual(['daemonset.apps/agent', 'statefulset.apps/web']);
    expect(controllerName({ metadata: { name: 'x' } } as never)).toBe('<none>');
  });

  it('PersistentVolumeClaim: Pending claims show no volume, capacity or access modes', () => {
    expect(t.run('get pvc').stdout.split('\n')[0]).toMatch(
      /^NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE$/,
    );
    expect(t.run('get pvc --no-headers').stdout).toMatch(/^www-web-0\s+Pending\s+<unset>\s+60s\n/);
    expect(accessModesText(['ReadWriteMany', 'ReadWriteOnce'])).toBe('RWO,RWX');
  });

  it('describe statefulset and daemonset', () => {
    const s = t.run('describe sts web').stdout;
    expect(s).toContain('Replicas:           2 desired | 2 total\n');
    expect(s).toContain('Update Strategy:    RollingUpdate\n  Partition:        0\n');
    expect(s).toContain('Pods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    expect(s).toMatch(
      /Volume Claims:\n {2}Name: +www\n {2}StorageClass: +\n {2}Labels: +<none>\n {2}Annotations: +<none>\n {2}Capacity: +1Gi\n {2}Access Modes: +\[ReadWriteOnce\]\n/,
    );
    const d = t.run('describe ds agent').stdout;
    expect(d).toContain('Node-Selector:  disk=ssd\n');
    expect(d).toContain('Desired Number of Nodes Scheduled: 1\n');
    expect(d).toContain('Number of Nodes Misscheduled: 0\n');
    expect(d).toMatch(/Created pod: agent-[a-z0-9]{5}/);
  });
});
