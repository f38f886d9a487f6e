/**
 * nginx as published on Docker Hub, with the tags the kubernetes.io pages use. Sizes
 * are the linux/amd64 compressed sizes; the Debian tags share the debian base layer
 * with httpd, redis and postgres, the alpine tags share alpine's.
 */
import { BASES } from './base';
import { image } from './define';
import { nginxFiles } from './files';
import { type ImageSpec, layer, MB } from './spec';

const DESC = 'nginx web server: serves /usr/share/nginx/html on port 80 (404 for missing paths).';

/** the small layers every nginx image adds after the package: entrypoint and its scripts */
function scripts(v: string) {
  return ['docker-entrypoint.sh', '10-listen-on-ipv6', '15-local-resolvers', '20-envsubst', '30-tune-workers'].map(
    (s, i) => layer(`nginx ${v} ${s}`, [1.62, 0.63, 0.4, 1.21, 1.4][i] * 1000),
  );
}

function debianNginx(version: string, tags: string[], base: keyof typeof BASES, size: number, pkg: string): ImageSpec {
  const minor = Number(version.split('.')[1]);
  const entry = minor >= 19;
  return image({
    repository: 'docker.io/library/nginx',
    tags,
    layers: [...BASES[base], layer(`nginx ${version} ${base}`, size * MB), ...(entry ? scripts(version) : [])],
    entrypoint: entry ? ['/docker-entrypoint.sh'] : [],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { NGINX_VERSION: version, ...(minor >= 21 ? { NJS_VERSION: njs(minor) } : {}), PKG_RELEASE: pkg },
    ports: ['80/tcp'],
    os: 'debian',
    tools: ['nginx', ...(entry ? ['/docker-entrypoint.sh'] : [])],
    files: nginxFiles(),
    version: `nginx/${version}`,
    stopSignal: entry ? 'SIGQUIT' : undefined,
    description: DESC,
  });
}

function njs(minor: number): string {
  return minor >= 29 ? '0.9.4' : minor >= 27 ? '0.8.7' : '0.8.4';
}

function alpineNginx(version: string, tags: string[], base: keyof typeof BASES, size: number): ImageSpec {
  const minor = Number(version.split('.')[1]);
  return image({
    repository: 'docker.io/library/nginx',
    tags,
    layers: [...BASES[base], layer(`nginx ${version} alpine`, size * MB), ...scripts(`${version}-alpine`)],
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { NGINX_VERSION: version, NJS_VERSION: njs(minor), PKG_RELEASE: '1' },
    ports: ['80/tcp'],
    os: 'alpine',
    tools: ['nginx', '/docker-entrypoint.sh', 'curl'],
    files: nginxFiles(),
    version: `nginx/${version}`,
    stopSignal: 'SIGQUIT',
    description: `${DESC} Alpine-based, small.`,
  });
}

export const NGINX: ImageSpec[] = [
  debianNginx('1.29.3', ['1.29', '1.29.3', 'mainline', 'latest', 'trixie'], 'debianTrixieSlim', 29.86, '1~trixie'),
  debianNginx('1.28.0', ['1.28', '1.28.0', 'stable'], 'debianBookwormSlim', 41.9, '1~bookworm'),
  debianNginx('1.27.5', ['1.27', '1.27.5'], 'debianBookwormSlim', 43.83, '1~bookworm'),
  debianNginx('1.25.5', ['1.25', '1.25.5'], 'debianBookwormSlim', 41.37, '1~bookworm'),
  {
    ...debianNginx('1.23.4', ['1.23', '1.23.4'], 'debianBookwormSlim', 40.62, '1~bullseye'),
    layers: [
      layer('debian bullseye-slim 20230411 rootfs', 31.42 * MB),
      layer('nginx 1.23.4 bullseye', 25.1 * MB),
      ...scripts('1.23.4'),
    ],
  },
  debianNginx('1.16.1', ['1.16', '1.16.1'], 'debianBusterSlim', 23.35, '1~buster'),
  debianNginx('1.15.12', ['1.15', '1.15.12'], 'debianStretchSlim', 22.76, '1~stretch'),
  debianNginx('1.14.2', ['1.14', '1.14.2'], 'debianStretchSlim', 22.24, '1~stretch'),
  alpineNginx('1.29.3', ['alpine', '1.29-alpine', '1.29.3-alpine', 'mainline-alpine'], 'alpine322', 18.35),
  alpineNginx('1.27.5', ['1.27-alpine', '1.27.5-alpine'], 'alpine321', 16.9),
  alpineNginx('1.25.5', ['1.25-alpine', '1.25.5-alpine'], 'alpine320', 15.8),
  image({
    repository: 'registry.k8s.io/nginx-slim',
    tags: ['0.8'],
    layers: [layer('nginx-slim 0.8 ubuntu-slim base', 16.1 * MB), layer('nginx-slim 0.8 nginx 1.11.1', 36.1 * MB)],
    entrypoint: [],
    cmd: ['nginx', '-g', 'daemon off;'],
    ports: ['80/tcp', '443/tcp'],
    os: 'ubuntu',
    tools: ['nginx'],
    files: nginxFiles(),
    version: 'nginx/1.11.1',
    description: 'Small nginx build used by the StatefulSet tutorial (port 80).',
  }),
  image({
    repository: 'registry.k8s.io/nginx-slim',
    tags: ['0.7'],
    layers: [layer('nginx-slim 0.7 ubuntu-slim base', 16.1 * MB), layer('nginx-slim 0.7 nginx 1.9.15', 35.2 * MB)],
    entrypoint: [],
    cmd: ['nginx', '-g', 'daemon off;'],
    ports: ['80/tcp', '443/tcp'],
    os: 'ubuntu',
    tools: ['nginx'],
    files: nginxFiles(),
    version: 'nginx/1.9.15',
    description: 'Small nginx build used by older StatefulSet tutorials (port 80).',
  }),
];
