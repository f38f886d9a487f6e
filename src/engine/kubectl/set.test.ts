/** kubectl set: only the image subcommand runs here (kubectl pkg/cmd/set/set.go lists the others). */
import { describe, expect, it } from 'vitest';
import { testCluster } from '../testing';

describe('kubectl set', () => {
  it('dispatches image, and names what is missing or unknown', () => {
    const t = testCluster({ nodes: 1 });
    expect(t.run('set').stderr).toMatch(/^error: a subcommand is required/);
    expect(t.run('set env deployment/web A=B').stderr).toBe(
      'error: "kubectl set env" is not available in the playground yet\n',
    );
    expect(t.run('set colour deployment/web').stderr).toBe('error: unknown command "colour" for "kubectl set"\n');
    expect(t.run('set image deployment/web app=nginx').stderr).toBe(
      'Error from server (NotFound): deployments.apps "web" not found\n',
    );
  });
});
