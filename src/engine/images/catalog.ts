/**
 * The simulated registry: every image the playground can pull, by repository and tag.
 * A reference that is not here does not exist, exactly like a misspelt tag on Docker Hub.
 */
import type { ImageInfo } from '../kubelet/runtime/types';
import { sha256Of } from './digest';
import { KUBERNETES } from './kubernetes';
import { LIBRARY } from './library';
import { NGINX } from './nginx';
import { PLAYGROUND } from './playground';
import { parseImageRef } from './reference';
import type { ImageSpec } from './spec';

const SPECS: ImageSpec[] = [...NGINX, ...LIBRARY, ...KUBERNETES, ...PLAYGROUND];

/** Every image in the catalog (docs/images.md is generated from this). */
export function catalog(): readonly ImageSpec[] {
  return SPECS;
}

/** repository → tag → spec */
const INDEX = new Map<string, Map<string, ImageSpec>>();
for (const spec of SPECS) {
  let tags = INDEX.get(spec.repository);
  if (!tags) {
    tags = new Map();
    INDEX.set(spec.repository, tags);
  }
  for (const tag of spec.tags) tags.set(tag, spec);
}

export interface Resolved {
  spec: ImageSpec;
  info: ImageInfo;
}

const infoCache = new Map<string, Resolved>();

/** The catalog entry for a reference as written in a pod spec (nginx, nginx:1.27, docker.io/library/nginx). */
export function resolveImage(ref: string): Resolved | undefined {
  const hit = infoCache.get(ref);
  if (hit) return hit;
  const parsed = parseImageRef(ref);
  if (!parsed.ok) return undefined;
  const r = parsed.ref;
  const spec = INDEX.get(r.repository)?.get(r.tag ?? 'latest');
  if (!spec) return undefined;
  const tag = r.tag ?? spec.tags[0];
  const info: ImageInfo = {
    ref: `${r.repository}:${tag}`,
    repository: r.repository,
    tag,
    digest: sha256Of(`manifest ${spec.repository}:${spec.tags[0]}`),
    layers: spec.layers,
    entrypoint: spec.entrypoint,
    cmd: spec.cmd,
    env: spec.env,
    workingDir: spec.workingDir ?? '/',
  };
  const resolved = { spec, info };
  infoCache.set(ref, resolved);
  return resolved;
}

export function lookupImage(ref: string): ImageInfo | undefined {
  return resolveImage(ref)?.info;
}

/** containerd's error for a reference the registry does not have. */
export function pullErrorMessage(ref: string): string {
  const parsed = parseImageRef(ref);
  if (!parsed.ok) return parsed.error;
  const r = parsed.ref.normalized;
  if (INDEX.has(parsed.ref.repository)) {
    return `failed to pull and unpack image "${r}": failed to resolve reference "${r}": ${r}: not found`;
  }
  return `failed to pull and unpack image "${r}": failed to resolve reference "${r}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}
