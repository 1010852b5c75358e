import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64urlDecode,
  base64urlEncode,
  concatBytes,
  constantTimeEqual,
  hexDecode,
  hexEncode,
  randomBytes,
  toBytes,
  utf8Decode,
  utf8Encode,
} from './encoding.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('base64url', () => {
  it('matches the RFC 4648 §10 test vectors (unpadded)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base64urlEncode(ascii(plain))).toBe(encoded);
      expect(base64urlDecode(encoded)).toEqual(ascii(plain));
    }
  });

  it('uses the URL-safe alphabet', () => {
    expect(base64urlEncode(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(base64urlDecode('-_-_')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it('rejects padding, standard-alphabet characters, whitespace, bad lengths and non-canonical endings', () => {
    // 'Zh' and 'Zm9vYmF' have valid lengths, but their last character carries bits that must be zero.
    for (const bad of ['Zg==', '+/+/', 'Zm 9v', 'Zm9v\n', 'Z', 'Zh', 'Zm9vYmF']) {
      expect(() => base64urlDecode(bad), bad).toThrow(TypeError);
    }
  });

  it('round-trips any bytes and agrees with the platform encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const encoded = base64urlEncode(bytes);
        expect(base64urlDecode(encoded)).toEqual(bytes);
        const platform = btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        expect(encoded).toBe(platform);
      }),
    );
  });
});

describe('hex', () => {
  it('encodes lower case and decodes either case', () => {
    expect(hexEncode(new Uint8Array([0x00, 0x0f, 0xa5, 0xff]))).toBe('000fa5ff');
    expect(hexDecode('000FA5ff')).toEqual(new Uint8Array([0x00, 0x0f, 0xa5, 0xff]));
    expect(hexDecode('')).toEqual(new Uint8Array());
  });

  it('rejects odd lengths and non-hex characters', () => {
    expect(() => hexDecode('abc')).toThrow(TypeError);
    expect(() => hexDecode('zz')).toThrow(TypeError);
    expect(() => hexDecode('0x00')).toThrow(TypeError);
  });
});

describe('utf8', () => {
  it('encodes and decodes non-ASCII text', () => {
    expect(hexEncode(utf8Encode('é€😀'))).toBe('c3a9e282acf09f9880');
    expect(utf8Decode(hexDecode('c3a9e282acf09f9880'))).toBe('é€😀');
  });

  it('refuses invalid UTF-8 instead of substituting replacement characters', () => {
    expect(() => utf8Decode(new Uint8Array([0xc3]))).toThrow();
    expect(() => utf8Decode(new Uint8Array([0xff]))).toThrow();
  });
});

describe('constantTimeEqual', () => {
  it('is true only for identical bytes of identical length', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array(), new Uint8Array())).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([0x80]), new Uint8Array([0x00]))).toBe(false);
  });
});

describe('byte helpers', () => {
  it('concatenates and draws random bytes of any length', () => {
    expect(concatBytes(new Uint8Array([1]), new Uint8Array(), new Uint8Array([2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
    const big = randomBytes(100_000);
    expect(big.length).toBe(100_000);
    expect(big.subarray(90_000).some((b) => b !== 0)).toBe(true);
  });

  it('copies bytes that are not backed by a plain ArrayBuffer', () => {
    const shared = new Uint8Array(new SharedArrayBuffer(4));
    shared.set([1, 2, 3, 4]);
    const copy = toBytes(shared);
    expect(copy.buffer).toBeInstanceOf(ArrayBuffer);
    expect(copy).toEqual(new Uint8Array([1, 2, 3, 4]));
    const plain = new Uint8Array([5]);
    expect(toBytes(plain)).toBe(plain);
  });
});
