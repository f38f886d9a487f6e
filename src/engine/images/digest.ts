/**
 * Deterministic content addresses for the simulated registry. They are not real
 * SHA-256 sums of anything, but they have the same shape (sha256:<64 hex>) and the same
 * property that matters: equal content (the same layer name) gives the same digest, so
 * images built on one base share their layers by digest, as in a real registry.
 */

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche so near-identical names give unrelated digests
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64 hex characters derived from `name`. */
export function hex64(name: string): string {
  let out = '';
  for (let i = 0; i < 8; i++)
    out += fnv1a(name, i * 0x9e3779b9)
      .toString(16)
      .padStart(8, '0');
  return out;
}

export function sha256Of(name: string): string {
  return `sha256:${hex64(name)}`;
}
