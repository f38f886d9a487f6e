/**
 * What the simulated registry knows about an image beyond the OCI config the kubelet
 * sees (ImageInfo): which executables its filesystem holds, its default files, the
 * program version its logs print. The runtime reads this; the kubelet needs only ImageInfo.
 */
import type { ImageLayer } from '../kubelet/runtime/types';
import { sha256Of } from './digest';

/** The userland an image is built on: decides the shell, the utilities and their messages. */
export type BaseOs = 'debian' | 'ubuntu' | 'alpine' | 'busybox' | 'distroless' | 'scratch';

export interface ImageSpec {
  /** normalized repository, e.g. docker.io/library/nginx */
  repository: string;
  /** every tag that points at this manifest, e.g. ['1.27', '1.27.3', 'latest'] */
  tags: string[];
  layers: ImageLayer[];
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir?: string;
  /** EXPOSE, e.g. ['80/tcp'] */
  ports?: string[];
  os: BaseOs;
  /** executables: basenames found in $PATH, or absolute paths such as /docker-entrypoint.sh */
  tools: string[];
  /** files of the image's filesystem (absolute path → content), on top of the base OS files */
  files?: Record<string, string>;
  /** the program's version as its own logs print it (nginx/1.27.3, Redis 7.4.1) */
  version?: string;
  /** STOPSIGNAL: containerd sends it instead of SIGTERM when stopping the container */
  stopSignal?: 'SIGQUIT' | 'SIGWINCH' | 'SIGINT';
  /** one line for docs/images.md and `kubectl describe`-style listings */
  description: string;
}

/** A layer named by what it holds: the same name anywhere gives the same digest. */
export function layer(name: string, sizeBytes: number): ImageLayer {
  return { digest: sha256Of(`layer ${name}`), sizeBytes: Math.round(sizeBytes) };
}

export const KB = 1000;
export const MB = 1000 * 1000;
