// kubectl delete (kubectl pkg/cmd/delete/delete.go). Since kubectl 1.32 the success line
// names the namespace (kubernetes/kubernetes#126619): `pod "x" deleted from default namespace`.
import { describe, expect, it } from 'vitest';
import { kubectl, makePod, quietCluster } from './testutil';

function cluster() {
  const c = quietCluster(1);
  makePod(c, 'a', { labels: { app: 'x' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running' } });
  makePod(c, 'b', { labels: { app: 'x' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running' } });
  makePod(c, 'c', { status: { phase: 'Pending' } });
  return c;
}

describe('kubectl delete', () => {
  it('by name: graceful, the pod stays Terminating for its grace period', () => {
    const c = cluster();
    expect(kubectl(c, 'delete pod a')).toEqual({
      stdout: 'pod "a" deleted from default namespace\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.get('Pod', 'a')?.metadata.deletionGracePeriodSeconds).toBe(30);
  });

  it('several names, kind/name, and NotFound for the missing one', () => {
    const r = kubectl(cluster(), 'delete pod/a pod/nope');
    expect(r.stdout).toBe('pod "a" deleted from default namespace\n');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('--ignore-not-found', () => {
    expect(kubectl(cluster(), 'delete pod nope --ignore-not-found')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('-l and --all', () => {
    const c = cluster();
    expect(kubectl(c, 'delete pods -l app=x').stdout).toBe(
      'pod "a" deleted from default namespace\npod "b" deleted from default namespace\n',
    );
    expect(kubectl(c, 'delete pods -l app=nope').stdout).toBe('No resources found\n');
    expect(kubectl(c, 'delete pods --all --now').stdout).toContain('pod "c" deleted from default namespace\n');
  });

  it('--grace-period and --now set the grace period', () => {
    const c = cluster();
    kubectl(c, 'delete pod a --grace-period=5');
    expect(c.get('Pod', 'a')?.metadata.deletionGracePeriodSeconds).toBe(5);
    kubectl(c, 'delete pod b --now');
    expect(c.get('Pod', 'b')?.metadata.deletionGracePeriodSeconds).toBe(1);
  });

  it('--force: immediate, with its warning', () => {
    const c = cluster();
    const r = kubectl(c, 'delete pod a --force');
    expect(r.stdout).toBe('pod "a" force deleted from default namespace\n');
    expect(r.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
    expect(c.get('Pod', 'a')).toBeUndefined();
  });

  it('--cascade values', () => {
    const c = cluster();
    expect(kubectl(c, 'delete pod a --cascade=orphan').exitCode).toBe(0);
    expect(c.get('Pod', 'a')?.metadata.finalizers).toContain('orphan');
    expect(kubectl(c, 'delete pod b --cascade=sideways').stderr).toBe(
      'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n',
    );
  });

  it('-f - deletes what the manifest names', () => {
    const c = cluster();
    const r = kubectl(
      c,
      'delete -f -',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: zz\n',
    );
    expect(r.stdout).toBe('pod "c" deleted from default namespace\n');
    expect(r.stderr).toBe('Error from server (NotFound): error when deleting "STDIN": pods "zz" not found\n');
  });

  it('--dry-run keeps the object', () => {
    const c = cluster();
    expect(kubectl(c, 'delete pod a --dry-run=server').stdout).toBe(
      'pod "a" deleted from default namespace (server dry run)\n',
    );
    expect(c.get('Pod', 'a')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('cluster-scoped objects have no namespace in the line', () => {
    const c = quietCluster(2);
    expect(kubectl(c, 'delete node node-2').stdout).toBe('node "node-2" deleted\n');
  });

  it('usage errors', () => {
    const c = cluster();
    expect(kubectl(c, 'delete').stderr).toMatch(
      /^error: You must provide one or more resources by argument or filename\./,
    );
    expect(kubectl(c, 'delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(kubectl(c, 'delete pod a -l app=x').stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
  });
});
