/**
 * Base images: their layers (shared by digest by everything built on them), the
 * executables their userland provides, and their identifying files.
 */
import type { ImageLayer } from '../kubelet/runtime/types';
import { type BaseOs, layer, MB } from './spec';

/** Busybox applets that scripts in pods commonly use (busybox and alpine images). */
export const BUSYBOX_TOOLS = [
  'sh',
  'ash',
  'echo',
  'printf',
  'sleep',
  'usleep',
  'cat',
  'ls',
  'wget',
  'nslookup',
  'ping',
  'ps',
  'top',
  'env',
  'printenv',
  'date',
  'hostname',
  'touch',
  'rm',
  'rmdir',
  'mkdir',
  'cp',
  'mv',
  'ln',
  'head',
  'tail',
  'grep',
  'egrep',
  'wc',
  'sed',
  'awk',
  'seq',
  'kill',
  'killall',
  'true',
  'false',
  'test',
  '[',
  '[[',
  'id',
  'whoami',
  'uname',
  'df',
  'du',
  'free',
  'nc',
  'tee',
  'tr',
  'cut',
  'sort',
  'uniq',
  'basename',
  'dirname',
  'expr',
  'yes',
  'find',
  'xargs',
  'chmod',
  'chown',
  'pwd',
  'which',
  'nproc',
  'stat',
  'timeout',
  'httpd',
  'base64',
  'md5sum',
  'sha256sum',
  'readlink',
  'realpath',
  'mktemp',
  'busybox',
  'vi',
  'less',
  'more',
  'watch',
  'telnet',
  'uptime',
  'dd',
  'gzip',
  'tar',
  'od',
  'hexdump',
  'mount',
  'ip',
  'ifconfig',
  'netstat',
];

/** coreutils, dash and bash as in debian:bookworm-slim (no procps, wget, curl, ping or nslookup). */
export const DEBIAN_TOOLS = [
  'sh',
  'dash',
  'bash',
  'echo',
  'printf',
  'sleep',
  'cat',
  'ls',
  'env',
  'printenv',
  'date',
  'hostname',
  'touch',
  'rm',
  'rmdir',
  'mkdir',
  'cp',
  'mv',
  'ln',
  'head',
  'tail',
  'grep',
  'egrep',
  'wc',
  'sed',
  'awk',
  'mawk',
  'seq',
  'kill',
  'true',
  'false',
  'test',
  '[',
  'id',
  'whoami',
  'uname',
  'df',
  'du',
  'tee',
  'tr',
  'cut',
  'sort',
  'uniq',
  'basename',
  'dirname',
  'expr',
  'yes',
  'find',
  'xargs',
  'chmod',
  'chown',
  'pwd',
  'which',
  'nproc',
  'stat',
  'timeout',
  'base64',
  'md5sum',
  'sha256sum',
  'readlink',
  'realpath',
  'mktemp',
  'dd',
  'gzip',
  'tar',
  'od',
  'mount',
  'apt-get',
  'apt',
  'dpkg',
];

/** buildpack-deps (curl, scm) adds these to debian:bookworm in the language images. */
export const BUILDPACK_TOOLS = ['curl', 'wget', 'git', 'ps', 'top', 'free', 'uptime', 'watch', 'kill', 'pkill'];

export const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const DEBIAN13_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 13 (trixie)"
NAME="Debian GNU/Linux"
VERSION_ID="13"
VERSION="13 (trixie)"
VERSION_CODENAME=trixie
DEBIAN_VERSION_FULL=13.2
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export function alpineOsRelease(version: string): string {
  const minor = version.split('.').slice(0, 2).join('.');
  return `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${version}
PRETTY_NAME="Alpine Linux v${minor}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;
}

export const UBUNTU_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.3 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.3 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const PASSWD_ROOT = 'root:x:0:0:root:/root:/bin/sh\n';

/** Files every image of a given userland has (the runtime adds /etc/hostname, hosts, resolv.conf). */
export function baseFiles(os: BaseOs, osRelease?: string): Record<string, string> {
  switch (os) {
    case 'debian':
    case 'ubuntu':
      return {
        '/etc/os-release': osRelease ?? (os === 'ubuntu' ? UBUNTU_OS_RELEASE : DEBIAN_OS_RELEASE),
        '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
        '/etc/debian_version': os === 'ubuntu' ? 'trixie/sid\n' : '12.8\n',
        '/root/': '',
        '/tmp/': '',
        '/var/log/': '',
        '/usr/local/bin/': '',
      };
    case 'alpine':
      return {
        '/etc/os-release': osRelease ?? alpineOsRelease('3.20.3'),
        '/etc/alpine-release': `${(osRelease ?? 'VERSION_ID=3.20.3').match(/VERSION_ID=(\S+)/)?.[1] ?? '3.20.3'}\n`,
        '/etc/passwd': PASSWD_ROOT,
        '/root/': '',
        '/tmp/': '',
        '/var/log/': '',
      };
    case 'busybox':
      return { '/etc/passwd': PASSWD_ROOT, '/root/': '', '/tmp/': '', '/var/': '' };
    case 'distroless':
      return {
        '/etc/os-release':
          'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n',
        '/etc/passwd':
          'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n',
        '/tmp/': '',
      };
    case 'scratch':
      return {};
  }
}

/** Base layers. Everything built FROM one of these lists the same layer first. */
export const BASES = {
  debianBookwormSlim: [layer('debian bookworm-slim 20241202 rootfs', 28.23 * MB)],
  debianBookworm: [layer('debian bookworm 20241202 rootfs', 48.49 * MB)],
  debianTrixie: [layer('debian trixie 20251117 rootfs', 49.28 * MB)],
  debianTrixieSlim: [layer('debian trixie-slim 20251117 rootfs', 29.75 * MB)],
  debianStretchSlim: [layer('debian stretch-slim 20190326 rootfs', 22.5 * MB)],
  debianBusterSlim: [layer('debian buster-slim 20200803 rootfs', 27.09 * MB)],
  debianJessie: [layer('debian jessie 20180312 rootfs', 54.26 * MB)],
  ubuntuNoble: [layer('ubuntu noble 20250925 rootfs', 29.72 * MB)],
  ubuntuJammy: [layer('ubuntu jammy 20250925 rootfs', 29.54 * MB)],
  alpine320: [layer('alpine 3.20.3 rootfs', 3.62 * MB)],
  alpine321: [layer('alpine 3.21.2 rootfs', 3.64 * MB)],
  alpine322: [layer('alpine 3.22.2 rootfs', 3.8 * MB)],
  alpine312: [layer('alpine 3.12.12 rootfs', 2.81 * MB)],
  busybox136: [layer('busybox 1.36.1 glibc rootfs', 2.15 * MB)],
  busybox128: [layer('busybox 1.28.4 uclibc rootfs', 0.728 * MB)],
  busybox1272: [layer('busybox 1.27.2 uclibc rootfs', 0.711 * MB)],
  distrolessStatic: [
    layer('distroless static-debian12 base', 0.104 * MB),
    layer('distroless static-debian12 tzdata', 0.272 * MB),
    layer('distroless static-debian12 ca-certificates', 0.13 * MB),
  ],
  goRunner: [layer('go-runner v2.4.0 binary', 1.52 * MB)],
  distrolessIptables: [layer('distroless-iptables v0.7.7 rootfs', 21.03 * MB)],
} satisfies Record<string, ImageLayer[]>;

/** buildpack-deps:bookworm layers (curl, scm, full) that python, node and perl images share. */
export const BUILDPACK_BOOKWORM: ImageLayer[] = [
  ...BASES.debianBookworm,
  layer('buildpack-deps bookworm-curl', 24.06 * MB),
  layer('buildpack-deps bookworm-scm', 64.39 * MB),
  layer('buildpack-deps bookworm', 211.31 * MB),
];

export function sizeOf(layers: ImageLayer[]): number {
  return layers.reduce((n, l) => n + l.sizeBytes, 0);
}
