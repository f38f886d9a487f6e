// kubectl logs / exec (kubectl pkg/cmd/logs, pkg/cmd/exec) over the public Cluster API,
// with a stand-in cluster so only kubectl's own behaviour is under test.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import type { Cluster } from '../index';
import { runKubectl } from './index';

function fakeCluster(calls: unknown[] = []): Cluster {
  const pod = (name: string, containers: string[], phase = 'Running', extra: Record<string, unknown> = {}) =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'default',
        uid: name,
        resourceVersion: '1',
        creationTimestamp: '2026-01-01T09:00:00Z',
        ...extra,
      },
      spec: { containers: containers.map((c) => ({ name: c, image: 'busybox' })) },
      status: { phase },
    }) as KubeObject;
  const pods: Record<string, KubeObject> = {
    one: pod('one', ['app']),
    two: pod('two', ['app', 'sidecar']),
    pick: pod('pick', ['app', 'sidecar'], 'Running', {
      annotations: { 'kubectl.kubernetes.io/default-container': 'sidecar' },
    }),
    done: pod('done', ['app'], 'Succeeded'),
  };
  return {
    get: (kind: string, name: string) => (kind === 'Pod' ? pods[name] : undefined),
    list: () => Object.values(pods),
    now: () => 0,
    events: () => [],
    logs: (ns: string, name: string, opts?: { container?: string; previous?: boolean }) => {
      calls.push(['logs', ns, name, opts]);
      if (opts?.previous)
        return { ok: false, text: `previous terminated container "${opts.container}" in pod "${name}" not found` };
      return {
        ok: true,
        text: '2026-01-01T09:00:01.000000000Z line 1\n2026-01-01T09:00:02.000000000Z line 2\nline 3\n',
      };
    },
    exec: (ns: string, name: string, command: string[], container?: string) => {
      calls.push(['exec', ns, name, command, container]);
      if (command[0] === 'false') return { stdout: '', stderr: '', exitCode: 1 };
      if (command[0] === 'unreachable') {
        return {
          stdout: '',
          stderr: 'error: unable to upgrade connection: container not found ("app")\n',
          exitCode: 1,
        };
      }
      return { stdout: `${command.slice(1).join(' ')}\n`, stderr: '', exitCode: 0 };
    },
  } as unknown as Cluster;
}

describe('kubectl logs', () => {
  it('prints the log; hides kubelet timestamps unless --timestamps', () => {
    const c = fakeCluster();
    expect(runKubectl(c, 'logs one')).toEqual({ stdout: 'line 1\nline 2\nline 3\n', stderr: '', exitCode: 0 });
    expect(runKubectl(c, 'logs one --timestamps').stdout).toBe(
      '2026-01-01T09:00:01.000000000Z line 1\n2026-01-01T09:00:02.000000000Z line 2\nline 3\n',
    );
  });

  it('--tail', () => {
    expect(runKubectl(fakeCluster(), 'logs one --tail 1').stdout).toBe('line 3\n');
    expect(runKubectl(fakeCluster(), 'logs one --tail=0').stdout).toBe('');
  });

  it('defaults the container and says so when there are several', () => {
    const calls: unknown[] = [];
    const c = fakeCluster(calls);
    expect(runKubectl(c, 'logs two').stderr).toBe('Defaulted container "app" out of: app, sidecar\n');
    runKubectl(c, 'logs pick');
    runKubectl(c, 'logs pod/two -c sidecar');
    expect(calls).toEqual([
      ['logs', 'default', 'two', { container: 'app', previous: false, timestamps: true }],
      ['logs', 'default', 'pick', { container: 'sidecar', previous: false, timestamps: true }],
      ['logs', 'default', 'two', { container: 'sidecar', previous: false, timestamps: true }],
    ]);
  });

  it('-l, --all-containers and --prefix', () => {
    const c = fakeCluster();
    expect(runKubectl(c, 'logs two --all-containers --prefix --tail 1').stdout).toBe(
      '[pod/two/app] line 3\n[pod/two/sidecar] line 3\n',
    );
    expect(runKubectl(c, 'logs -l app=none').stderr).toBe('No resources found in default namespace.\n');
  });

  it('errors: no pod, unknown pod, unknown container, no previous instance', () => {
    const c = fakeCluster();
    expect(runKubectl(c, 'logs').stderr).toMatch(
      /^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'\./,
    );
    expect(runKubectl(c, 'logs nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(runKubectl(c, 'logs one -c x').stderr).toBe('error: container x is not valid for pod one\n');
    expect(runKubectl(c, 'logs one -p')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): previous terminated container "app" in pod "one" not found\n',
      exitCode: 1,
    });
  });
});

describe('kubectl exec', () => {
  it('runs the command after --', () => {
    const calls: unknown[] = [];
    const r = runKubectl(fakeCluster(calls), 'exec -it one -- echo hello world');
    expect(r).toEqual({ stdout: 'hello world\n', stderr: '', exitCode: 0 });
    expect(calls).toEqual([['exec', 'default', 'one', ['echo', 'hello', 'world'], 'app']]);
  });

  it('passes a non-zero exit code on, as kubectl does', () => {
    expect(runKubectl(fakeCluster(), 'exec one -- false')).toEqual({
      stdout: '',
      stderr: 'command terminated with exit code 1\n',
      exitCode: 1,
    });
  });

  it('a container that cannot be reached: only its error', () => {
    expect(runKubectl(fakeCluster(), 'exec one -- unreachable')).toEqual({
      stdout: '',
      stderr: 'error: unable to upgrade connection: container not found ("app")\n',
      exitCode: 1,
    });
  });

  it('defaults the container like logs', () => {
    expect(runKubectl(fakeCluster(), 'exec two -- echo x').stderr).toBe(
      'Defaulted container "app" out of: app, sidecar\n',
    );
  });

  it('errors: the old form without --, no command, a completed pod', () => {
    const c = fakeCluster();
    expect(runKubectl(c, 'exec one ls').stderr).toMatch(/^error: exec \[POD\] \[COMMAND\] is not supported anymore/);
    expect(runKubectl(c, 'exec one').stderr).toBe('error: you must specify at least one command for the container\n');
    expect(runKubectl(c, 'exec done -- ls').stderr).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
    );
  });
});
