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

const infoCache = new Map<string, Resolved | null>();

/** The manifest digest: one per image, shared by all the tags that point at it. */
export function manifestDigest(spec: ImageSpec): string {
  return sha256Of(`manifest ${spec.repository}:${spec.tags[0]}`);
}

function find(ref: string): Resolved | undefined {
  const parsed = parseImageRef(ref);
  if (!parsed.ok) return undefined;
  const r = parsed.ref;
  const tags = INDEX.get(r.repository);
  if (!tags) return undefined;
  let spec: ImageSpec | undefined;
  if (r.digest) {
    // a digest names the manifest itself; a tag beside it is ignored, as containerd does
    spec = [...tags.values()].find((s) => manifestDigest(s) === r.digest);
  } else spec = tags.get(r.tag ?? 'latest');
  if (!spec) return undefined;
  const tag = r.tag ?? spec.tags[0];
  const info: ImageInfo = {
    ref: r.digest ? `${r.repository}@${r.digest}` : `${r.repository}:${tag}`,
    repository: r.repository,
    tag,
    digest: manifestDigest(spec),
    layers: spec.layers,
    entrypoint: spec.entrypoint,
    cmd: spec.cmd,
    env: spec.env,
    workingDir: spec.workingDir ?? '/',
  };
  return { spec, info };
}

/** The catalog entry for a reference as written in a pod spec (nginx, nginx:1.27, docker.io/library/nginx). */
export function resolveImage(ref: string): Resolved | undefined {
  const hit = infoCache.get(ref);
  if (hit !== undefined) return hit ?? undefined;
  const found = find(ref);
  // references come from user input: keep the memo bounded
  if (infoCache.size > 5000) infoCache.clear();
  infoCache.set(ref, found ?? null);
  return found;
}

export function lookupImage(ref: string): ImageInfo | undefined {
  return resolveImage(ref)?.info;
}

/**
 * containerd's error for a reference the registry does not have: "not found" for a
 * missing tag of a known repository (or on registries that answer 404), Docker Hub's
 * "pull access denied" for a repository that does not exist there.
 */
export function pullErrorMessage(ref: string): string {
  const parsed = parseImageRef(ref);
  if (!parsed.ok) return parsed.error;
  const r = parsed.ref.normalized;
  const head = `failed to pull and unpack image "${r}": failed to resolve reference "${r}"`;
  if (INDEX.has(parsed.ref.repository) || parsed.ref.domain !== 'docker.io') return `${head}: ${r}: not found`;
  return `${head}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}
