/**
 * Go's encoding/base64 StdEncoding, as the API server uses it for `[]byte` fields
 * (Secret.data, ConfigMap.binaryData): padded, `\r` and `\n` skipped, and a bad input
 * reported as `illegal base64 data at input byte N` with Go's byte offset.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<number, number>([...ALPHABET].map((ch, i) => [ch.charCodeAt(0), i]));
const PAD = 0x3d; // '='
const isNewline = (b: number) => b === 0x0a || b === 0x0d;

/** base64.CorruptInputError's text. */
export function corruptInput(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}

export type DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Decodes like base64.StdEncoding.DecodeString. Offsets count bytes of the UTF-8 text,
 * as Go sees the JSON string.
 */
export function decodeStd(text: string): DecodeResult {
  const src = utf8Encode(text);
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const q = decodeQuantum(src, si);
    if (typeof q === 'string') return { ok: false, error: q };
    out.push(...q.bytes);
    si = q.next;
    if (q.done) return { ok: true, bytes: Uint8Array.from(out) };
  }
}

/** One group of four characters (Go's decodeQuantum): bytes, where it stopped, or an error. */
function decodeQuantum(src: Uint8Array, start: number): { bytes: number[]; next: number; done: boolean } | string {
  const buf = [0, 0, 0, 0];
  let si = start;
  let dlen = 4;
  let done = false;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { bytes: [], next: si, done: true };
      // StdEncoding is padded, so a short last group is always corrupt.
      return corruptInput(si - j);
    }
    const b = src[si++];
    const v = DECODE.get(b);
    if (v !== undefined) {
      buf[j] = v;
      continue;
    }
    if (isNewline(b)) {
      j--;
      continue;
    }
    if (b !== PAD) return corruptInput(si - 1);
    // Padding: "=" after two characters must be "==", after three it ends the group.
    if (j < 2) return corruptInput(si - 1);
    if (j === 2) {
      while (si < src.length && isNewline(src[si])) si++;
      if (si === src.length) return corruptInput(src.length);
      if (src[si] !== PAD) return corruptInput(si - 1);
      si++;
    }
    while (si < src.length && isNewline(src[si])) si++;
    if (si < src.length) return corruptInput(si);
    dlen = j;
    done = true;
    break;
  }
  const val = (buf[0] << 18) | (buf[1] << 12) | (buf[2] << 6) | buf[3];
  const bytes = [(val >> 16) & 255, (val >> 8) & 255, val & 255].slice(0, dlen - 1);
  return { bytes, next: si, done: done || si === src.length };
}

/** base64.StdEncoding.EncodeToString. */
export function encodeStd(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = Math.min(3, bytes.length - i);
    const val = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(val >> 18) & 63] + ALPHABET[(val >> 12) & 63];
    out += n > 1 ? ALPHABET[(val >> 6) & 63] : '=';
    out += n > 2 ? ALPHABET[val & 63] : '=';
  }
  return out;
}

/** A string's UTF-8 bytes (the engine has no TextEncoder: no DOM lib). */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** UTF-8 bytes as text; a byte that is not valid UTF-8 becomes U+FFFD, as Go prints it. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc0 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf8 ? 3 : -1;
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = need >= 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 63);
    }
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** Base64 of a string's UTF-8 bytes: what stringData becomes in data. */
export function encodeText(s: string): string {
  return encodeStd(utf8Encode(s));
}

/** The text behind a base64 value; invalid base64 reads as empty. */
export function decodeText(b64: string): string {
  const r = decodeStd(b64);
  return r.ok ? utf8Decode(r.bytes) : '';
}
