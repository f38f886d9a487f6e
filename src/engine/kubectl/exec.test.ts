// kubectl exec against a real cluster: the command's own output, then kubectl's one
// line about a non-zero exit (kubectl/pkg/cmd/exec: "command terminated with exit code").
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

describe('kubectl exec', () => {
  it('reports a failing command once, after its own stderr, and passes the exit code on', () => {
    const c = testCluster({ nodes: 1 });
    c.kubectl('run box --image=busybox:1.36 -- sleep 3600');
    c.advance('30s');
    const r = c.run('exec box -- ls /nope');
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr.match(/command terminated with exit code/g)).toHaveLength(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`command terminated with exit code ${r.exitCode}`);
    expect(r.stderr).toContain('/nope');
  });
});
