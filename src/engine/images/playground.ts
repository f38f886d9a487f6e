/**
 * The playground's own demo web app. Every tag is the same program; the variant tags
 * only set environment defaults, so a pod's env or a ConfigMap can turn a behaviour on
 * or off for any tag:
 *   CRASH_AFTER=s    exit 1 after s seconds          (tag crash: 5)
 *   START_DELAY=s    listen only after s seconds     (tag slow: 20)
 *   UNREADY=true     /ready answers 503              (tag unready)
 *   LEAK_MB_PER_S=n  memory grows n MB/s → OOMKilled (tag leak: 10)
 *   WORK_SECONDS=s   print work and exit 0 after s   (tag job: 10)
 *   PORT=n           HTTP port (default 8080)
 */
import { BASES } from './base';
import { image } from './define';
import { type ImageSpec, layer, MB } from './spec';

function web(tags: string[], version: string, env: Record<string, string> = {}): ImageSpec {
  return image({
    repository: 'docker.io/playground/web',
    tags,
    layers: [...BASES.distrolessStatic, layer(`playground web ${version} binary`, 4.2 * MB)],
    entrypoint: ['/web'],
    cmd: [],
    env: { VERSION: version, PORT: '8080', ...env },
    os: 'distroless',
    tools: ['/web'],
    ports: ['8080/tcp'],
    version,
    description: '',
  });
}

export const PLAYGROUND: ImageSpec[] = [
  {
    ...web(['v1', 'latest'], 'v1'),
    description: 'Demo web app v1: HTTP 8080, body names the version and the pod; /healthz, /ready.',
  },
  { ...web(['v2'], 'v2'), description: 'Demo web app v2 (for rolling updates).' },
  { ...web(['v3'], 'v3'), description: 'Demo web app v3.' },
  {
    ...web(['crash'], 'v1', { CRASH_AFTER: '5' }),
    description: 'Exits 1 after CRASH_AFTER seconds (5): CrashLoopBackOff.',
  },
  {
    ...web(['slow'], 'v1', { START_DELAY: '20' }),
    description: 'Listens only after START_DELAY seconds (20): probes fail until then.',
  },
  { ...web(['unready'], 'v1', { UNREADY: 'true' }), description: '/ready answers 503 (UNREADY=true): never Ready.' },
  {
    ...web(['leak'], 'v1', { LEAK_MB_PER_S: '10' }),
    description: 'Memory grows LEAK_MB_PER_S (10) MB/s until the limit: OOMKilled, exit 137.',
  },
  {
    ...web(['job'], 'v1', { WORK_SECONDS: '10' }),
    description: 'Prints work for WORK_SECONDS (10) then exits 0: for Jobs.',
  },
];
