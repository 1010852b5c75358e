import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalize } from './canonical-json.ts';

describe('canonical JSON (RFC 8785)', () => {
  it('matches the RFC 8785 §3.2.3 example', () => {
    // The RFC's input text, parsed as JSON exactly as a verifier would receive it.
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`);
    expect(canonicalize(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts properties by UTF-16 code units (RFC 8785 §3.2.3 sorting example)', () => {
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`) as Record<string, string>;
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises numbers as ECMAScript does (RFC 8785 appendix B samples)', () => {
    const samples: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [1e21, '1e+21'],
      [1e23, '1e+23'],
      [295147905179352830000, '295147905179352830000'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
    ];
    for (const [value, text] of samples) expect(canonicalize(value)).toBe(text);
  });

  it('is independent of key order and whitespace', () => {
    expect(canonicalize({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(canonicalize(JSON.parse('{ "b" : 1 , "a" : [ { "d":2,"c":3 } ] }'))).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('omits undefined properties like JSON.stringify', () => {
    expect(canonicalize({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('rejects what JSON cannot represent exactly', () => {
    for (const bad of [
      NaN,
      Infinity,
      -Infinity,
      undefined,
      () => 1,
      Symbol('x'),
      10n,
      new Date(0),
      new Map(),
      [undefined],
      '\ud800',
      { '\udc00': 1 },
    ]) {
      expect(() => canonicalize(bad), String(typeof bad)).toThrow(CanonicalJsonError);
    }
  });
});
