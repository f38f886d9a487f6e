/**
 * Image references as the container runtime reads them (distribution/reference's
 * ParseNormalizedNamed): "nginx" is docker.io/library/nginx:latest, a first path component
 * with a dot, a colon or "localhost" is a registry host, repositories are lowercase.
 */

export interface ImageRef {
  /** registry host, e.g. docker.io, registry.k8s.io, localhost:5000 */
  domain: string;
  /** path inside the registry, e.g. library/nginx */
  path: string;
  /** domain/path */
  repository: string;
  /** the tag; "latest" when neither tag nor digest was given */
  tag?: string;
  digest?: string;
  /** the normalized reference the kubelet reports, e.g. docker.io/library/nginx:1.27 */
  normalized: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const SHA256 = /^sha256:[0-9a-f]{64}$/;

/** The error text of distribution/reference, which the kubelet wraps into InvalidImageName. */
export type RefResult = { ok: true; ref: ImageRef } | { ok: false; error: string };

export function parseImageRef(input: string): RefResult {
  const invalid = { ok: false as const, error: 'invalid reference format' };
  if (!input || input !== input.trim() || input.length > 255 + 128 + 80) return invalid;
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid;
    if (digest.startsWith('sha256:') && !SHA256.test(digest)) return invalid;
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return invalid;
  }
  // splitDockerDomain: the first component is a host only when it looks like one.
  let domain = 'docker.io';
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      path = rest.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (!DOMAIN.test(domain)) return invalid;
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (path === '') return invalid;
  const components = path.split('/');
  for (const c of components) {
    if (!COMPONENT.test(c)) {
      if (COMPONENT.test(c.toLowerCase())) {
        return { ok: false, error: `invalid reference format: repository name (${path}) must be lowercase` };
      }
      return invalid;
    }
  }
  if (domain.length + 1 + path.length > 255) {
    return { ok: false, error: 'invalid reference format: repository name must not be more than 255 characters' };
  }
  const repository = `${domain}/${path}`;
  if (!tag && !digest) tag = 'latest';
  const normalized = repository + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
  return { ok: true, ref: { domain, path, repository, tag, digest, normalized } };
}

/** "nginx" → "docker.io/library/nginx:latest"; undefined for a name the runtime refuses. */
export function normalizeImageRef(ref: string): string | undefined {
  const r = parseImageRef(ref);
  return r.ok ? r.ref.normalized : undefined;
}

/**
 * The kubelet's InvalidImageName message (pkg/kubelet/images/image_manager.go:
 * "Failed to apply default image tag %q: %v", the error from
 * applyDefaultImageTag being "couldn't parse image name %q: %v").
 */
export function invalidImageNameMessage(image: string): string | undefined {
  const r = parseImageRef(image);
  if (r.ok) return undefined;
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${r.error}`;
}
