/**
 * A scenario in a URL fragment: JSON, deflate-raw compressed with the browser's own
 * CompressionStream, then base64url. A fragment comes from whoever sent the link,
 * so decoding treats it as hostile: the fragment length is capped, the inflated
 * bytes are counted as they stream and decoding stops at a cap (a deflate bomb
 * cannot freeze the tab), and every failure is a PersistError with a reason code
 * the UI turns into words.
 */

export const SHARE_PARAM = 'scenario';
/** longest fragment we try to decode (characters) */
export const MAX_FRAGMENT_CHARS = 2 * 1024 * 1024;
/** most bytes we inflate before giving up */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;

export type PersistProblem =
  | 'tooLong'
  | 'notBase64'
  | 'notCompressed'
  | 'tooBig'
  | 'notText'
  | 'notJson'
  | 'storage'
  | 'worker';

export class PersistError extends Error {
  constructor(
    readonly problem: PersistProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'PersistError';
  }
}

export interface DecodeLimits {
  maxChars?: number;
  maxBytes?: number;
}

/** `value` as compact base64url text ready for `#scenario=`. */
export async function encodeShare(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'));
  return toBase64Url(packed);
}

/** The parsed JSON of a `#scenario=` payload (shape still unchecked). */
export async function decodeShare(payload: string, limits: DecodeLimits = {}): Promise<unknown> {
  const maxChars = limits.maxChars ?? MAX_FRAGMENT_CHARS;
  if (payload.length > maxChars) {
    throw new PersistError('tooLong', `the link is ${payload.length} characters long; at most ${maxChars} are read`);
  }
  const packed = fromBase64Url(payload);
  const bytes = await inflate(packed, limits.maxBytes ?? MAX_INFLATED_BYTES);
  return parseJsonBytes(bytes);
}

/** The payload of a URL's `#scenario=…` fragment, or null when it has none. */
export function sharePayload(hash: string): string | null {
  const prefix = `#${SHARE_PARAM}=`;
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : null;
}

export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PersistError('notText', 'the data is not UTF-8 text');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PersistError('notJson', `the data is not JSON (${(e as Error).message})`);
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new PersistError('notBase64', 'the link was cut or changed (it is not base64url text)');
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates with a running byte count, cancelling the stream once it passes `maxBytes`. */
async function inflate(packed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([packed as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new PersistError('tooBig', `the scenario unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof PersistError) throw e;
    throw new PersistError('notCompressed', 'the link was cut or changed (its data does not unpack)');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
