import { describe, expect, it } from 'vitest';
import { hexDecode } from './encoding.ts';
import { hkdfSha256 } from './kdf.ts';
import {
  deriveRecoveryKeys,
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_BYTES,
  RecoveryKeyError,
} from './recovery-key.ts';

const FIXED = hexDecode('8f3a0c5e71d29b46a0ee13577c2d90b4f6185ac3');
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

async function problemOf(text: string): Promise<string | undefined> {
  try {
    await parseRecoveryKey(text);
    return undefined;
  } catch (error) {
    if (error instanceof RecoveryKeyError) return error.problem;
    throw error;
  }
}

describe('recovery key', () => {
  it('has 160 random bits', () => {
    const a = generateRecoveryKey();
    expect(a.length).toBe(RECOVERY_KEY_BYTES);
    expect(RECOVERY_KEY_BYTES * 8).toBeGreaterThanOrEqual(160);
    expect(generateRecoveryKey()).not.toEqual(a);
  });

  it('is written as nine groups of four Crockford base32 characters, the last a check group', async () => {
    const text = await formatRecoveryKey(FIXED);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$/);
    const allOnes = await formatRecoveryKey(new Uint8Array(20).fill(0xff));
    expect(allOnes.slice(0, 39)).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    const allZeros = await formatRecoveryKey(new Uint8Array(20));
    expect(allZeros.slice(0, 39)).toBe('0000-0000-0000-0000-0000-0000-0000-0000');
  });

  it('round-trips random keys', async () => {
    for (let i = 0; i < 50; i++) {
      const key = generateRecoveryKey();
      expect(await parseRecoveryKey(await formatRecoveryKey(key))).toEqual(key);
    }
  });

  it('tolerates case, spacing, line breaks, dashes and the letters people write for 0 and 1', async () => {
    const text = await formatRecoveryKey(FIXED);
    const variants = [
      text.toLowerCase(),
      text.replace(/-/g, ' '),
      text.replace(/-/g, ''),
      text.replace(/-/g, '\u2013'),
      `  ${text.replace(/-/g, '\n')}  `,
      text.replace(/0/g, 'O').replace(/1/g, 'l'),
      text.replace(/0/g, 'o').replace(/1/g, 'I'),
      text.replace(/1/g, 'i'),
    ];
    for (const variant of variants) expect(await parseRecoveryKey(variant), variant).toEqual(FIXED);
  });

  it('catches every single mistyped character and every swap of neighbours with the check group', async () => {
    const compact = (await formatRecoveryKey(FIXED)).replace(/-/g, '');
    for (let i = 0; i < compact.length; i++) {
      for (const replacement of CROCKFORD) {
        if (replacement === compact[i]) continue;
        const typo = compact.slice(0, i) + replacement + compact.slice(i + 1);
        expect(await problemOf(typo), typo).toBe('checksum');
      }
      if (i + 1 < compact.length && compact[i] !== compact[i + 1]) {
        const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
        expect(await problemOf(swapped), swapped).toBe('checksum');
      }
    }
  });

  it('explains the problem clearly', async () => {
    const text = await formatRecoveryKey(FIXED);
    await expect(parseRecoveryKey(`${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`)).rejects.toThrow(
      /typo.*last group does not match/,
    );
    await expect(parseRecoveryKey(text.slice(0, -5))).rejects.toThrow(/36 characters in 9 groups of 4; this one has 32/);
    await expect(parseRecoveryKey(text.replace(/^./, 'U'))).rejects.toThrow(/cannot contain "U"/);
    expect(await problemOf(`${text}-0000`)).toBe('length');
    expect(await problemOf('')).toBe('length');
    expect(await problemOf(text.replace(/^./, '*'))).toBe('character');
  });

  it('derives a non-extractable wrapping key and an auth key with HKDF alone', async () => {
    const keys = await deriveRecoveryKeys(FIXED);
    expect(keys.authKey).toEqual(await hkdfSha256(FIXED, new Uint8Array(), 'casebook/recovery-key/v1/auth-key', 32));
    expect(keys.wrappingKey.extractable).toBe(false);
    expect([...keys.wrappingKey.usages].sort()).toEqual(['unwrapKey', 'wrapKey']);
    expect((await deriveRecoveryKeys(generateRecoveryKey())).authKey).not.toEqual(keys.authKey);
    await expect(deriveRecoveryKeys(new Uint8Array(16))).rejects.toThrow(RangeError);
  });
});
