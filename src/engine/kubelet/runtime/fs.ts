/**
 * A container's view of its filesystem, layered the way overlayfs and the kubelet's
 * bind mounts layer it: volume mounts (longest mountPath wins) over the container's
 * writable layer (ProcessState.rootfs) over the image's files. A deleted image file is
 * remembered as a whiteout in p.data.wh, because the image layer itself never changes.
 *
 * Paths are absolute. Directories are keys ending in '/' or the prefix of another key.
 */
import type { ProcessState, SandboxState } from './types';

export interface FsView {
  p: ProcessState;
  sandbox: SandboxState;
  /** the image's files (shared by every container of that image: never written) */
  image: Record<string, string>;
}

export type FsError = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY';

/** strerror() texts, as busybox and coreutils print them after the file name. */
export const ERRNO_TEXT: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
};

/** Directories every Linux root filesystem has, whatever the image. */
const ROOT_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/run', '/sys', '/tmp', '/usr', '/var'];

/** "/a/./b/../c/" → "/a/c"; relative paths resolve against cwd. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

interface Located {
  /** volume files and the key prefix inside them, when the path is inside a mount */
  vol?: { files: Record<string, string>; name: string; rel: string; readOnly: boolean };
}

function locate(v: FsView, path: string): Located {
  let best: { mountPath: string; volume: string; readOnly?: boolean; subPath?: string } | undefined;
  for (const m of v.p.mounts) {
    const mp = resolvePath('/', m.mountPath);
    if ((path === mp || path.startsWith(mp === '/' ? '/' : `${mp}/`)) && (!best || mp.length > best.mountPath.length)) {
      best = { ...m, mountPath: mp };
    }
  }
  if (!best) return {};
  const rest = path.slice(best.mountPath.length).replace(/^\//, '');
  const sub = best.subPath ? best.subPath.replace(/^\/+|\/+$/g, '') : '';
  const rel = sub && rest ? `${sub}/${rest}` : sub || rest;
  const files = v.sandbox.volumes[best.volume] ?? {};
  return { vol: { files, name: best.volume, rel, readOnly: best.readOnly === true } };
}

function whiteouts(p: ProcessState): Record<string, 1> {
  return (p.data.wh as Record<string, 1> | undefined) ?? {};
}

function hasPrefix(files: Record<string, string>, prefix: string): boolean {
  for (const k in files) if (k.startsWith(prefix)) return true;
  return false;
}

/** Files the runtime itself puts into every container (bind-mounted by containerd/kubelet). */
function runtimeFile(v: FsView, path: string): string | undefined {
  switch (path) {
    case '/etc/hostname':
      return `${v.sandbox.hostname}\n`;
    case '/etc/hosts':
      return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${v.sandbox.podIP}\t${v.sandbox.hostname}\n`;
    case '/dev/null':
      return '';
    case '/etc/resolv.conf': {
      const dns = v.sandbox.dns;
      if (!dns) return undefined;
      const lines = [];
      if (dns.searches.length) lines.push(`search ${dns.searches.join(' ')}`);
      for (const n of dns.nameservers) lines.push(`nameserver ${n}`);
      if (dns.options.length) lines.push(`options ${dns.options.join(' ')}`);
      return `${lines.join('\n')}\n`;
    }
  }
  return undefined;
}

export function stat(v: FsView, path: string): 'file' | 'dir' | undefined {
  if (path === '/') return 'dir';
  const loc = locate(v, path);
  if (loc.vol) {
    const { files, rel } = loc.vol;
    if (rel === '') return 'dir';
    if (files[rel] !== undefined) return 'file';
    if (files[`${rel}/`] !== undefined || hasPrefix(files, `${rel}/`)) return 'dir';
    return undefined;
  }
  if (runtimeFile(v, path) !== undefined) return 'file';
  const dir = `${path}/`;
  if (v.p.rootfs[path] !== undefined) return 'file';
  if (v.p.rootfs[dir] !== undefined || hasPrefix(v.p.rootfs, dir)) return 'dir';
  // a mount point inside this directory makes it exist
  for (const m of v.p.mounts) if (resolvePath('/', m.mountPath).startsWith(dir)) return 'dir';
  const wh = whiteouts(v.p);
  if (wh[path]) return undefined;
  if (v.image[path] !== undefined) return 'file';
  if (v.image[dir] !== undefined || ROOT_DIRS.includes(path)) return 'dir';
  for (const k in v.image) if (k.startsWith(dir) && !wh[k.endsWith('/') ? k.slice(0, -1) : k]) return 'dir';
  return undefined;
}

export function readFile(v: FsView, path: string): { ok: true; text: string } | { ok: false; err: FsError } {
  const loc = locate(v, path);
  if (loc.vol) {
    const text = loc.vol.files[loc.vol.rel];
    if (text !== undefined) return { ok: true, text };
  } else {
    const special = runtimeFile(v, path);
    if (special !== undefined) return { ok: true, text: special };
    const own = v.p.rootfs[path];
    if (own !== undefined) return { ok: true, text: own };
    if (!whiteouts(v.p)[path] && v.image[path] !== undefined) return { ok: true, text: v.image[path] };
  }
  return { ok: false, err: stat(v, path) === 'dir' ? 'EISDIR' : 'ENOENT' };
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function writeFile(v: FsView, path: string, text: string, append: boolean): FsError | undefined {
  const kind = stat(v, path);
  if (kind === 'dir') return 'EISDIR';
  const parent = stat(v, parentOf(path));
  if (parent === undefined) return 'ENOENT';
  if (parent === 'file') return 'ENOTDIR';
  const loc = locate(v, path);
  if (loc.vol) {
    if (loc.vol.readOnly) return 'EROFS';
    const files = v.sandbox.volumes[loc.vol.name] ?? {};
    v.sandbox.volumes[loc.vol.name] = files;
    files[loc.vol.rel] = append ? (files[loc.vol.rel] ?? '') + text : text;
    return undefined;
  }
  if (path === '/dev/null') return undefined;
  const before = append ? readFile(v, path) : undefined;
  v.p.rootfs[path] = (before?.ok ? before.text : '') + text;
  const wh = whiteouts(v.p);
  if (wh[path]) {
    delete wh[path];
    v.p.data.wh = wh;
  }
  return undefined;
}

export function makeDir(v: FsView, path: string, parents: boolean): FsError | undefined {
  const kind = stat(v, path);
  if (kind === 'dir') return parents ? undefined : 'EEXIST';
  if (kind === 'file') return 'EEXIST';
  const parent = parentOf(path);
  const pk = stat(v, parent);
  if (pk === undefined) {
    if (!parents) return 'ENOENT';
    const err = makeDir(v, parent, true);
    if (err) return err;
  } else if (pk === 'file') return 'ENOTDIR';
  const loc = locate(v, path);
  if (loc.vol) {
    if (loc.vol.readOnly) return 'EROFS';
    const files = v.sandbox.volumes[loc.vol.name] ?? {};
    v.sandbox.volumes[loc.vol.name] = files;
    files[`${loc.vol.rel}/`] = '';
    return undefined;
  }
  v.p.rootfs[`${path}/`] = '';
  return undefined;
}

/** Removes a file, or a directory tree when `recursive`. */
export function remove(v: FsView, path: string, recursive: boolean): FsError | undefined {
  const kind = stat(v, path);
  if (kind === undefined) return 'ENOENT';
  if (kind === 'dir' && !recursive) return 'EISDIR';
  const loc = locate(v, path);
  if (loc.vol) {
    if (loc.vol.readOnly) return 'EROFS';
    const files = loc.vol.files;
    for (const k of Object.keys(files)) {
      if (k === loc.vol.rel || k.startsWith(`${loc.vol.rel}/`) || loc.vol.rel === '') delete files[k];
    }
    return undefined;
  }
  const dir = `${path}/`;
  for (const k of Object.keys(v.p.rootfs)) if (k === path || k.startsWith(dir)) delete v.p.rootfs[k];
  const wh = whiteouts(v.p);
  let hid = false;
  for (const k of Object.keys(v.image)) {
    if (k === path || k === dir || k.startsWith(dir)) {
      wh[k.endsWith('/') ? k.slice(0, -1) : k] = 1;
      hid = true;
    }
  }
  if (hid) v.p.data.wh = wh;
  return undefined;
}

/** Names directly inside a directory (directories without a trailing slash), sorted. */
export function listDir(v: FsView, path: string): string[] {
  const names = new Set<string>();
  const add = (rest: string) => {
    const name = rest.split('/')[0];
    if (name) names.add(name);
  };
  const loc = locate(v, path);
  if (loc.vol) {
    const prefix = loc.vol.rel === '' ? '' : `${loc.vol.rel}/`;
    for (const k in loc.vol.files) if (k.startsWith(prefix)) add(k.slice(prefix.length));
  } else {
    const prefix = path === '/' ? '/' : `${path}/`;
    const wh = whiteouts(v.p);
    for (const k in v.image) {
      if (k.startsWith(prefix) && !wh[k.endsWith('/') ? k.slice(0, -1) : k]) add(k.slice(prefix.length));
    }
    for (const k in v.p.rootfs) if (k.startsWith(prefix)) add(k.slice(prefix.length));
    if (path === '/') for (const d of ROOT_DIRS) add(d.slice(1));
    if (path === '/etc') ['hostname', 'hosts'].forEach(add);
  }
  // mount points show in their parent directory, inside a volume too
  const prefix = path === '/' ? '/' : `${path}/`;
  for (const m of v.p.mounts) {
    const mp = resolvePath('/', m.mountPath);
    if (mp.startsWith(prefix)) add(mp.slice(prefix.length));
  }
  // names under a hidden directory (e.g. ConfigMap's ..data) still show, as `ls -a` would
  return [...names].sort();
}
