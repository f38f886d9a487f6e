// mirrors Go's encoding/base64 StdEncoding (base64_test.go): round trips, and the
// CorruptInputError offsets the API server reports for a bad Secret.data value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStd, decodeText, encodeStd, encodeText, utf8Decode, utf8Encode } from './base64';

describe('base64 StdEncoding', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
    ['my-app', 'bXktYXBw'],
    ['39528$vdg7Jb', 'Mzk1MjgkdmRnN0pi'],
  ])('encodes %j as %s and back (RFC 4648 vectors)', (text, b64) => {
    expect(encodeText(text)).toBe(b64);
    expect(decodeText(b64)).toBe(text);
  });

  it.each([
    // from base64_test.go TestDecodeCorrupt
    ['!!!!', 0],
    ['====', 0],
    ['x===', 1],
    ['=AAA', 0],
    ['A=AA', 1],
    ['AA=A', 2],
    ['AA==A', 4],
    ['AAA=AAAA', 4],
    ['AAAAA', 4],
    ['AAAAAA', 4],
    ['A=', 1],
    ['A==', 1],
    ['AA=', 3],
    ['AAAAAA=', 7],
    ['YWJjZA=====', 8],
    ['A!\n', 1],
    ['A=\n', 1],
    // worked out by hand: padding where a group starts, and plain text where base64 belongs
    ['AAAA====', 4],
    ['billy', 4],
    ['my-app', 2],
    ['admin', 4],
  ])('refuses %j at input byte %i', (input, offset) => {
    expect(decodeStd(input)).toEqual({ ok: false, error: `illegal base64 data at input byte ${offset}` });
  });

  it.each(['', '\n', 'AAA=\n', 'AAAA\n', 'AA==', 'AAA=', 'AAAA'])(
    'accepts %j (TestDecodeCorrupt, no error)',
    (input) => {
      expect(decodeStd(input).ok).toBe(true);
    },
  );

  it('skips newlines, as Go does', () => {
    expect(decodeText('Zm9v\nYmFy\r\n')).toBe('foobar');
  });

  it('round-trips any bytes and any text', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        const r = decodeStd(encodeStd(bytes));
        expect(r.ok && [...r.bytes]).toEqual([...bytes]);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect([...utf8Encode('é')]).toEqual([0xc3, 0xa9]);
    expect(decodeStd('é')).toEqual({ ok: false, error: 'illegal base64 data at input byte 0' });
    expect(decodeStd('AAAé')).toEqual({ ok: false, error: 'illegal base64 data at input byte 3' });
  });
});
