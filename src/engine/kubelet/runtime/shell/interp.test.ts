// The shell subset that kubernetes.io manifests run in busybox/alpine/debian containers.
import { describe, expect, it } from 'vitest';
import { runtime } from '../runtime';
import { start } from '../testkit';

function sh(script: string, image = 'busybox', env: Record<string, string> = {}) {
  return start(image, { command: ['/bin/sh', '-c', script], env });
}

describe('shell: commands and control flow', () => {
  it('echo expands $VAR and {VAR} forms inside double quotes but not single quotes', () => {
    const r = sh(`echo "Hello $NAME from \${PLACE}" 'raw $NAME'`, 'busybox', { NAME: 'pod', PLACE: 'k8s' });
    expect(r.log.map((l) => l.text)).toEqual(['Hello pod from k8s raw $NAME']);
    expect(r.last.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('exit N ends the container with that code (Error when non-zero)', () => {
    expect(sh('echo bye; exit 3').last.exited).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it('&& and || short-circuit on the exit status', () => {
    expect(sh('false && echo no || echo yes; true && echo also').text()).toBe('yes\nalso');
  });

  it('sleep blocks on virtual time and the next line is logged when it ends', () => {
    const r = sh('echo start; sleep 5; echo done');
    expect(r.last.wakeAt).toBe(5000);
    expect(r.text()).toBe('start');
    r.advance(5000);
    expect(r.log[1]).toEqual({ at: 5000, stream: 'stdout', text: 'done' });
    expect(r.last.exited?.at).toBe(5000);
  });

  it('sleep infinity and sleep 3600 keep the container running', () => {
    expect(start('busybox', { command: ['sleep', 'infinity'] }).last).toEqual({ output: [] });
    expect(start('busybox', { command: ['sleep', '3600'] }).last.wakeAt).toBe(3_600_000);
  });

  it('while true; do echo; sleep 1; done logs once a second (the counter example)', () => {
    const r = sh('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done');
    r.advance(2500);
    expect(r.text()).toBe(
      '0: Thu Jan  1 09:00:00 UTC 2026\n1: Thu Jan  1 09:00:01 UTC 2026\n2: Thu Jan  1 09:00:02 UTC 2026',
    );
  });

  it('a loop without sleep yields instead of hanging, with capped output', () => {
    const r = sh('while true; do echo x; done');
    expect(r.last.exited).toBeUndefined();
    expect(r.last.wakeAt).toBeGreaterThan(0);
    expect(r.log.length).toBeLessThanOrEqual(100);
  });

  it('for loops and if/else work', () => {
    expect(sh('for i in a b; do echo $i; done; if [ -f /etc/passwd ]; then echo y; else echo n; fi').text()).toBe(
      'a\nb\ny',
    );
  });

  it('an unknown command prints "sh: X: not found" and sets $? to 127 (busybox ash)', () => {
    const r = sh('nosuch; echo $?');
    expect(r.log[0]).toMatchObject({ stream: 'stderr', text: 'sh: nosuch: not found' });
    expect(r.log[1].text).toBe('127');
    expect(sh('nosuch').last.exited?.exitCode).toBe(127);
  });

  it('dash on debian images says "sh: 1: X: not found"', () => {
    expect(sh('nosuch', 'nginx').log[0].text).toBe('sh: 1: nosuch: not found');
  });

  it('bash -c reports "bash: line 1: X: command not found"', () => {
    const r = start('bash:5', { command: ['bash', '-c', 'nosuch'] });
    expect(r.log[0].text).toBe('bash: line 1: nosuch: command not found');
  });

  it('env and printenv print the environment; hostname prints the pod name', () => {
    const r = start('busybox', {
      command: ['/bin/sh', '-c', 'env; printenv GREETING; hostname'],
      env: { GREETING: 'hi' },
    });
    const lines = r.log.map((l) => l.text);
    expect(lines.slice(0, 4)).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=demo',
      'GREETING=hi',
      'HOME=/root',
    ]);
    expect(lines.slice(4)).toEqual(['hi', 'demo']);
  });

  it('the failing Job example: bash -c \'echo "Hello world!" && sleep 5 && exit 42\'', () => {
    const r = start('docker.io/library/bash:5', {
      command: ['bash'],
      args: ['-c', 'echo "Hello world!" && sleep 5 && exit 42'],
    });
    r.advance(10_000);
    expect(r.text()).toBe('Hello world!');
    expect(r.last.exited).toMatchObject({ exitCode: 42, at: 5000 });
  });
});

describe('shell: files', () => {
  it('echo > file, >>, cat, ls, rm and mkdir -p work on the container filesystem', () => {
    const r = sh(
      'mkdir -p /data/a; echo one > /data/a/f; echo two >> /data/a/f; cat /data/a/f; ls /data/a; rm /data/a/f; cat /data/a/f',
    );
    expect(r.text()).toBe("one\ntwo\nf\ncat: can't open '/data/a/f': No such file or directory");
  });

  it('a probe sees what the container wrote (the exec liveness example)', () => {
    const r = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    expect(runtime.execInContainer(r.p, r.sb, ['cat', '/tmp/healthy'], 1000).exitCode).toBe(0);
    r.advance(31_000);
    const after = runtime.execInContainer(r.p, r.sb, ['cat', '/tmp/healthy'], 31_000);
    expect(after).toEqual({
      stdout: '',
      stderr: "cat: can't open '/tmp/healthy': No such file or directory\n",
      exitCode: 1,
    });
  });

  it('writes into a mounted volume land in the sandbox, where the other container reads them', () => {
    const r = start('busybox', {
      command: ['sh', '-c', 'echo "Hello from the init container" > /content/index.html'],
      mounts: [{ mountPath: '/content', volume: 'content' }],
    });
    expect(r.last.exited?.exitCode).toBe(0);
    expect(r.sb.volumes.content).toEqual({ 'index.html': 'Hello from the init container\n' });
  });

  it('a redirection into a missing directory fails like ash', () => {
    const r = sh('echo x > /nope/file');
    expect(r.log[0].text).toBe("sh: can't create /nope/file: nonexistent directory");
    expect(r.last.exited?.exitCode).toBe(1);
  });

  it('a read-only mount refuses writes', () => {
    const r = start('busybox', {
      command: ['sh', '-c', 'echo x > /etc/cfg/a'],
      mounts: [{ mountPath: '/etc/cfg', volume: 'cfg', readOnly: true }],
    });
    expect(r.log[0].text).toBe("sh: can't create /etc/cfg/a: Read-only file system");
  });

  it('wget -O saves info.cern.ch into the work dir (the init-container example)', () => {
    const r = start('registry.k8s.io/busybox:1.27.2', {
      command: ['wget', '-O', '/work-dir/index.html', 'http://info.cern.ch'],
      mounts: [{ mountPath: '/work-dir', volume: 'workdir' }],
    });
    expect(r.last.exited?.exitCode).toBe(0);
    expect(r.sb.volumes.workdir['index.html']).toContain('http://info.cern.ch - home of the first website');
  });

  it('the process state is plain JSON and resumes after a round trip', () => {
    const r = sh('i=0; while true; do i=$((i+1)); echo $i; sleep 1; done');
    r.advance(1500);
    const copy = JSON.parse(JSON.stringify(r.p));
    const a = runtime.stepProcess(r.p, r.sb, 3000);
    const b = runtime.stepProcess(copy, JSON.parse(JSON.stringify(r.sb)), 3000);
    expect(b).toEqual(a);
    expect(a.output.map((l) => l.text)).toEqual(['3', '4']);
  });
});

describe('shell: globbing', () => {
  it('an unquoted * expands to the matching files; a quoted one stays literal', () => {
    const r = sh('touch /tmp/a.log /tmp/b.log /tmp/c.txt; echo /tmp/*.log; echo "/tmp/*.log"');
    expect(r.text()).toBe('/tmp/a.log /tmp/b.log\n/tmp/*.log');
  });
});

describe('shell: background jobs and traps', () => {
  it('`sleep infinity & wait` keeps the container running, and a TERM trap ends it', () => {
    const r = sh("trap 'echo stopping; exit 0' TERM; echo up; sleep infinity & wait");
    expect(r.advance(600_000).exited).toBeUndefined();
    const res = runtime.signalProcess(r.p, r.sb, 'SIGTERM', 600_000);
    expect(res.output.map((l) => l.text)).toEqual(['stopping']);
    expect(res.exited).toMatchObject({ exitCode: 0 });
  });

  it('wait returns when the background sleep ends', () => {
    const r = sh('sleep 3 & echo started; wait; echo finished');
    expect(r.text()).toBe('started');
    r.advance(3000);
    expect(r.log[1]).toMatchObject({ at: 3000, text: 'finished' });
  });

  it('a trap that does not exit leaves the script running', () => {
    const r = sh("trap 'echo got TERM' TERM; while true; do sleep 1; done");
    const res = runtime.signalProcess(r.p, r.sb, 'SIGTERM', 1500);
    expect(res.output.map((l) => l.text)).toEqual(['got TERM']);
    expect(res.exited).toBeUndefined();
  });
});

describe('shell: echo flavours', () => {
  it('ash needs -e for escapes; dash always reads them and prints -e itself', () => {
    expect(sh('echo -e "a\\tb"; echo "c\\td"').text()).toBe('a\tb\nc\\td');
    expect(sh('echo -e "a\\tb"', 'nginx').text()).toBe('-e a\tb');
  });
});
