// Mirrors pkg/controller/namespace: namespace_controller.go (5 s delay after each update,
// requeue after estimate/2+1 s), deletion/namespaced_resources_deleter.go (pods first,
// Background deletes, the pod grace-period estimate, 15 s for finalizers, the
// "unexpected items still remain" error) and deletion/status_condition_utils.go (the
// five conditions and their texts), plus NamespaceLifecycle admission.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../api/types';
import { type TestCluster, testCluster } from '../testing';

const podsIn = (ns: string, ...names: string[]) =>
  names
    .map(
      (n) => `apiVersion: v1
kind: Pod
metadata: {name: ${n}, namespace: ${ns}}
spec:
  containers: [{name: app, image: nginx:1.27}]
`,
    )
    .join('---\n');

function devWithPods(...names: string[]): TestCluster {
  return testCluster({ nodes: 1, heartbeats: true })
    .kubectl('create namespace dev')
    .apply(podsIn('dev', ...names))
    .advance('30s');
}

function condition(t: TestCluster, type: string): Condition | undefined {
  return (t.get('Namespace', 'dev')?.status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);
}

describe('namespace controller', () => {
  it('a deleted namespace goes Terminating, its pods terminate, then it is gone', () => {
    const t = devWithPods('a', 'b').kubectl('delete namespace dev');
    expect(t.run('get ns dev').stdout).toMatch(/^NAME\s+STATUS\s+AGE\ndev\s+Terminating\s+30s\n$/);
    // Nothing happens during namespaceDeletionGracePeriod (5 s).
    t.advance('4s');
    expect(t.pod('dev/a').metadata.deletionTimestamp).toBeUndefined();
    t.advance('1s');
    // Deleted gracefully: the kubelet stops the containers and confirms.
    for (const p of t.list('Pod', 'dev')) expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(condition(t, 'NamespaceContentRemaining')).toMatchObject({
      status: 'True',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: pods. has 2 resource instances',
    });
    expect(t.run('get ns').stdout).toMatch(/\ndev\s+Terminating\s/);
    t.advance('10s');
    expect(t.list('Pod', 'dev')).toEqual([]);
    expect(t.get('Namespace', 'dev')).toBeUndefined();
    expect(t.run('get ns dev').stderr).toBe('Error from server (NotFound): namespaces "dev" not found\n');
  });

  it('writes all five conditions, in upstream order, with their ok variants', () => {
    const t = devWithPods('a').kubectl('delete namespace dev').advance('5s');
    const conditions = t.get('Namespace', 'dev')?.status?.conditions as Condition[];
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      [
        'NamespaceDeletionGroupVersionParsingFailure',
        'False',
        'ParsedGroupVersions',
        'All legacy kube types successfully parsed',
      ],
      [
        'NamespaceDeletionContentFailure',
        'False',
        'ContentDeleted',
        'All content successfully deleted, may be waiting on finalization',
      ],
      [
        'NamespaceContentRemaining',
        'True',
        'SomeResourcesRemain',
        'Some resources are remaining: pods. has 1 resource instances',
      ],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
    ]);
  });

  it('a namespace can be created again under the same name once it is gone', () => {
    const t = devWithPods('a').kubectl('delete namespace dev').advance('30s');
    expect(t.get('Namespace', 'dev')).toBeUndefined();
    t.kubectl('create namespace dev').apply(podsIn('dev', 'a')).advance('30s');
    expect(t.get('Namespace', 'dev')?.status?.phase).toBe('Active');
    expect(t.pod('dev/a').status?.phase).toBe('Running');
  });

  it('refuses new content while the namespace is terminating', () => {
    const t = devWithPods('a').kubectl('delete namespace dev');
    const r = t.run('apply -f -', podsIn('dev', 'late'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "late" is forbidden: unable to create new content in namespace dev because it is being terminated\n',
    );
  });

  it('default, kube-system and kube-public may not be deleted', () => {
    const t = testCluster({ nodes: 1 });
    for (const ns of ['default', 'kube-system', 'kube-public']) {
      expect(t.run(`delete namespace ${ns}`)).toEqual({
        stdout: '',
        stderr: `Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n`,
        exitCode: 1,
      });
    }
  });

  it('deletes every served namespaced kind, not only pods', () => {
    const t = testCluster({ nodes: 1 }).kubectl('create namespace dev');
    t.core.api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'lock', namespace: 'dev' },
      spec: { holderIdentity: 'me' },
    } as never);
    t.core.api.create({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'rev-1', namespace: 'dev' },
      revision: 1,
    } as never);
    t.kubectl('delete namespace dev').advance('5s');
    expect(t.list('Lease', 'dev')).toEqual([]);
    expect(t.list('ControllerRevision', 'dev')).toEqual([]);
    expect(t.get('Namespace', 'dev')).toBeUndefined();
  });

  it('pods go first: a pod held by a finalizer keeps everything else in place', () => {
    const t = testCluster({ nodes: 1, heartbeats: true }).kubectl('create namespace dev');
    t.apply(`apiVersion: v1
kind: Pod
metadata: {name: held, namespace: dev, finalizers: [example.com/hold]}
spec:
  containers: [{name: app, image: nginx:1.27}]
`);
    t.core.api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'lock', namespace: 'dev' },
      spec: {},
    } as never);
    t.advance('30s').kubectl('delete namespace dev').advance('60s');
    // The pod stopped but its finalizer keeps it; the Lease was not even marked.
    expect(t.pod('dev/held').metadata.deletionTimestamp).toBeDefined();
    expect(t.get('Lease', 'dev/lock')?.metadata.deletionTimestamp).toBeUndefined();
    expect(condition(t, 'NamespaceContentRemaining')?.message).toBe(
      'Some resources are remaining: pods. has 1 resource instances',
    );
    expect(condition(t, 'NamespaceFinalizersRemaining')).toMatchObject({
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    });
    // The owner of the finalizer lets go; the next pass (at most 15/2+1 s later) finishes.
    const p = t.pod('dev/held');
    t.core.api.replace({ ...p, metadata: { ...p.metadata, finalizers: undefined } } as never);
    t.advance('9s');
    expect(t.get('Lease', 'dev/lock')).toBeUndefined();
    expect(t.get('Namespace', 'dev')).toBeUndefined();
  });

  it('pods no kubelet will finish: ContentDeletionFailed once their grace period has passed', () => {
    // Deleted at 30 s; passes at 35, 40 and 56 s still expect the 30 s grace period to
    // run out, the pass at 72 s (42 s after the deletion) does not.
    const t = devWithPods('a').kill('node-1').kubectl('delete namespace dev').advance('41s');
    expect(condition(t, 'NamespaceDeletionContentFailure')?.status).toBe('False');
    t.advance('2s');
    expect(t.pod('dev/a').metadata.deletionTimestamp).toBeDefined();
    expect(condition(t, 'NamespaceDeletionContentFailure')).toMatchObject({
      status: 'True',
      reason: 'ContentDeletionFailed',
      message:
        'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: dev for gvr: /v1, Resource=pods',
    });
    expect(t.get('Namespace', 'dev')?.status?.phase).toBe('Terminating');
    // The machine comes back, its kubelet finishes the pod, the retry (≤ 60 s) finalizes.
    t.restore('node-1').advance('90s');
    expect(t.list('Pod', 'dev')).toEqual([]);
    expect(t.get('Namespace', 'dev')).toBeUndefined();
  });

  it("no new events land in the terminating namespace (the kubelet's Killing is refused)", () => {
    const t = devWithPods('a').kubectl('delete namespace dev').advance('6s');
    expect(t.list('Pod', 'dev').filter((p) => !p.metadata.deletionTimestamp)).toEqual([]);
    expect(t.events('Killing')).toEqual([]);
    // The ones from before the deletion go with the rest of the content.
    expect(t.list('Event', 'dev').length).toBeGreaterThan(0);
    t.advance('10s');
    expect(t.list('Event', 'dev')).toEqual([]);
  });

  it('survives a snapshot mid-termination', () => {
    const t = devWithPods('a', 'b').kubectl('delete namespace dev').advance('6s');
    const f = t.fork();
    t.advance('20s');
    f.advance('20s');
    expect(f.snapshot()).toEqual(t.snapshot());
    expect(f.get('Namespace', 'dev')).toBeUndefined();
  });

  it('a deleted kube-node-lease comes back at the next minute', () => {
    const t = testCluster({ nodes: 1, heartbeats: true }).advance('10s').kubectl('delete namespace kube-node-lease');
    t.advance('6s');
    expect(t.get('Namespace', 'kube-node-lease')).toBeUndefined();
    t.advance('60s');
    expect(t.get('Namespace', 'kube-node-lease')?.status?.phase).toBe('Active');
  });
});
