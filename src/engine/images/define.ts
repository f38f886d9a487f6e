/**
 * A compact way to declare catalog entries: the base OS's userland is added to the
 * image's own executables, and several tags can share one definition.
 */
import { BUILDPACK_TOOLS, BUSYBOX_TOOLS, DEBIAN_TOOLS } from './base';
import type { BaseOs, ImageSpec } from './spec';

export const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function osTools(os: BaseOs): string[] {
  switch (os) {
    case 'busybox':
    case 'alpine':
      return BUSYBOX_TOOLS;
    case 'debian':
    case 'ubuntu':
      return DEBIAN_TOOLS;
    default:
      return [];
  }
}

export type ImageDef = Omit<ImageSpec, 'tools' | 'env'> & {
  tools?: string[];
  env?: Record<string, string>;
  /** buildpack-deps images (python, node full) also have curl, wget, git, ps */
  buildpack?: boolean;
};

export function image(def: ImageDef): ImageSpec {
  const { buildpack, ...rest } = def;
  const tools = [...new Set([...osTools(def.os), ...(buildpack ? BUILDPACK_TOOLS : []), ...(def.tools ?? [])])];
  return { ...rest, env: { PATH, ...(def.env ?? {}) }, tools };
}
