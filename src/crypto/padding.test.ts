import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pad, paddedLength, unpad } from './padding.ts';

describe('padding', () => {
  it('pads to at least 256 bytes, then to the next power of two, always leaving room for the marker', () => {
    expect(paddedLength(0)).toBe(256);
    expect(paddedLength(255)).toBe(256);
    expect(paddedLength(256)).toBe(512);
    expect(paddedLength(511)).toBe(512);
    expect(paddedLength(512)).toBe(1024);
    expect(paddedLength(100_000)).toBe(131_072);
    expect(paddedLength(10, 4096)).toBe(4096);
  });

  it('round-trips any content, including content ending in zeros or 0x80', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (content) => {
        const padded = pad(content);
        expect(padded.length).toBe(paddedLength(content.length));
        expect(unpad(padded)).toEqual(content);
      }),
    );
    expect(unpad(pad(new Uint8Array([0x80, 0, 0])))).toEqual(new Uint8Array([0x80, 0, 0]));
  });

  it('rejects a buffer without the marker', () => {
    expect(() => unpad(new Uint8Array(256))).toThrow(/padding/);
    expect(() => unpad(new Uint8Array([1, 2, 0]))).toThrow(/padding/);
  });
});
