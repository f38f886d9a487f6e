// A container's filesystem: image layer, writable layer, bind-mounted volumes.
import { describe, expect, it } from 'vitest';
import { type FsView, listDir, makeDir, readFile, remove, resolvePath, stat, writeFile } from './fs';
import type { MountState, ProcessState } from './types';

function view(mounts: MountState[] = [], volumes: Record<string, Record<string, string>> = {}): FsView {
  const p: ProcessState = {
    containerName: 'c',
    image: 'x',
    argv: [],
    env: {},
    rootfs: {},
    mounts,
    startedAt: 0,
    data: {},
  };
  return {
    p,
    sandbox: { podIP: '10.0.0.1', hostname: 'pod-a', volumes, listening: {} },
    image: { '/etc/passwd': 'root\n', '/usr/share/app/index.html': 'image\n', '/tmp/': '' },
  };
}

describe('container filesystem', () => {
  it('resolves . and .. like the kernel', () => {
    expect(resolvePath('/work', '../etc/./hosts')).toBe('/etc/hosts');
    expect(resolvePath('/', 'a/b/')).toBe('/a/b');
  });

  it('writes go to the container layer; the image layer is shared and never changes', () => {
    const v = view();
    expect(writeFile(v, '/etc/passwd', 'changed\n', false)).toBeUndefined();
    expect(readFile(v, '/etc/passwd')).toEqual({ ok: true, text: 'changed\n' });
    expect(v.image['/etc/passwd']).toBe('root\n');
  });

  it('deleting an image file hides it (a whiteout) without touching the image', () => {
    const v = view();
    expect(remove(v, '/usr/share/app/index.html', false)).toBeUndefined();
    expect(stat(v, '/usr/share/app/index.html')).toBeUndefined();
    expect(v.image['/usr/share/app/index.html']).toBe('image\n');
    expect(JSON.parse(JSON.stringify(v.p.data))).toEqual(v.p.data);
  });

  it('a volume mounted over an image directory hides the image files under it', () => {
    const v = view([{ mountPath: '/usr/share/app', volume: 'html' }], { html: { 'other.html': 'vol\n' } });
    expect(readFile(v, '/usr/share/app/index.html')).toEqual({ ok: false, err: 'ENOENT' });
    expect(listDir(v, '/usr/share/app')).toEqual(['other.html']);
  });

  it('subPath mounts one entry of the volume', () => {
    const v = view([{ mountPath: '/etc/app.conf', volume: 'cfg', subPath: 'app.conf' }], {
      cfg: { 'app.conf': 'x=1\n' },
    });
    expect(readFile(v, '/etc/app.conf')).toEqual({ ok: true, text: 'x=1\n' });
  });

  it('the longest mount path wins', () => {
    const v = view(
      [
        { mountPath: '/data', volume: 'a' },
        { mountPath: '/data/logs', volume: 'b' },
      ],
      { a: {}, b: {} },
    );
    writeFile(v, '/data/logs/1.log', 'x\n', false);
    writeFile(v, '/data/top', 'y\n', false);
    expect(v.sandbox.volumes).toEqual({ a: { top: 'y\n' }, b: { '1.log': 'x\n' } });
    expect(listDir(v, '/data')).toEqual(['logs', 'top']);
  });

  it('the runtime provides /etc/hostname and /etc/hosts with the pod IP', () => {
    const v = view();
    expect(readFile(v, '/etc/hostname')).toEqual({ ok: true, text: 'pod-a\n' });
    const hosts = readFile(v, '/etc/hosts');
    expect(hosts.ok && hosts.text).toContain('10.0.0.1\tpod-a');
  });

  it('mkdir without -p needs the parent; writing into a missing directory is ENOENT', () => {
    const v = view();
    expect(makeDir(v, '/a/b', false)).toBe('ENOENT');
    expect(makeDir(v, '/a/b', true)).toBeUndefined();
    expect(stat(v, '/a')).toBe('dir');
    expect(writeFile(v, '/nope/x', '', false)).toBe('ENOENT');
  });
});
