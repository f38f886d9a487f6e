// kubectl cordon / uncordon / drain (kubectl pkg/cmd/drain/drain.go, pkg/drain/filters.go):
// cordon patches spec.unschedulable; drain refuses DaemonSet pods, pods with emptyDir
// data and unmanaged pods unless told otherwise, skips mirror pods, then evicts.
import { describe, expect, it } from 'vitest';
import { kubectl, makePod, quietCluster } from './testutil';

const owner = (kind: string, name: string) => [
  { apiVersion: 'apps/v1', kind, name, uid: `${name}-uid`, controller: true },
];

function cluster() {
  const c = quietCluster(2);
  // Keep the test to the pods below: the bootstrap pods on node-1 are removed.
  for (const p of c.list('Pod').filter((p) => p.spec?.nodeName === 'node-1'))
    c.core.store.remove('Pod', p.metadata.namespace, p.metadata.name);
  const mk = (name: string, meta: Record<string, unknown>, spec: Record<string, unknown> = {}) => {
    const p = makePod(c, name, { spec: { nodeName: 'node-1', ...spec }, status: { phase: 'Running' } });
    c.core.api.replace({ ...p, metadata: { ...p.metadata, ...meta } });
  };
  mk('web-abc', { ownerReferences: owner('ReplicaSet', 'web') });
  mk('agent-xyz', { ownerReferences: owner('DaemonSet', 'agent') });
  mk('lonely', {});
  mk('scratch', { ownerReferences: owner('ReplicaSet', 'cache') }, { volumes: [{ name: 'tmp', emptyDir: {} }] });
  return c;
}

describe('kubectl cordon / uncordon', () => {
  it('marks the node unschedulable, once', () => {
    const c = quietCluster(1);
    expect(kubectl(c, 'cordon node-1').stdout).toBe('node/node-1 cordoned\n');
    expect(c.get('Node', 'node-1')?.spec?.unschedulable).toBe(true);
    expect(kubectl(c, 'cordon node-1').stdout).toBe('node/node-1 already cordoned\n');
    expect(kubectl(c, 'uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(c.get('Node', 'node-1')?.spec?.unschedulable).toBeUndefined();
    expect(kubectl(c, 'uncordon node-1').stdout).toBe('node/node-1 already uncordoned\n');
  });

  it('an unknown node', () => {
    expect(kubectl(quietCluster(1), 'cordon node-9').stderr).toBe(
      'Error from server (NotFound): nodes "node-9" not found\n',
    );
  });
});

describe('kubectl drain', () => {
  it('refuses with the real messages and leaves the node cordoned', () => {
    const c = cluster();
    const r = kubectl(c, 'drain node-1');
    expect(r.stdout).toBe('node/node-1 cordoned\n');
    const errs = [
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-xyz',
      'cannot delete Pods declare no controller (use --force to override): default/lonely',
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch',
    ];
    expect(r.stderr).toBe(
      `error: unable to drain node "node-1" due to error: [${errs.join(', ')}], continuing command...\nThere are pending nodes to be drained:\n node-1\nerror: [${errs.join(', ')}]\n`,
    );
    expect(r.exitCode).toBe(1);
    expect(c.get('Pod', 'web-abc')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('with the flags: warnings, evictions, drained', () => {
    const c = cluster();
    const r = kubectl(c, 'drain node-1 --ignore-daemonsets --delete-emptydir-data --force');
    expect(r.stdout).toBe(
      [
        'node/node-1 cordoned',
        'evicting pod default/lonely',
        'evicting pod default/scratch',
        'evicting pod default/web-abc',
        'pod/lonely evicted',
        'pod/scratch evicted',
        'pod/web-abc evicted',
        'node/node-1 drained',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      [
        'Warning: ignoring DaemonSet-managed Pods: default/agent-xyz',
        'Warning: deleting Pods that declare no controller: default/lonely',
        'Warning: deleting Pods with local storage: default/scratch',
        '',
      ].join('\n'),
    );
    expect(c.get('Pod', 'web-abc')?.metadata.deletionTimestamp).toBeDefined();
    expect(c.get('Pod', 'agent-xyz')?.metadata.deletionTimestamp).toBeUndefined();
  });
});
