import { describe, expect, it } from 'vitest';
import { base64urlEncode, utf8Decode, utf8Encode } from './encoding.ts';
import { DecryptionError } from './errors.ts';
import { deriveKeysWithParams } from './kdf.ts';
import {
  generateX25519KeyPair,
  grantTeamKey,
  openSealed,
  openTeamKeys,
  rotateTeamKey,
  sealTo,
  type TeamKeyRecord,
  unwrapMemberPrivateKey,
  wrapMemberPrivateKey,
  x25519PublicKeyOf,
} from './team-keys.ts';

const cheap = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const salt = new Uint8Array(16).fill(9);

describe('sealed boxes', () => {
  it('opens with the right key and label only, and detects any change', async () => {
    const alice = generateX25519KeyPair();
    const eve = generateX25519KeyPair();
    const box = await sealTo(alice.publicKey, utf8Encode('hello helpline'), 'test/label');
    expect(box).toMatch(/^s1\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(utf8Decode(await openSealed(alice.privateKey, box, 'test/label'))).toBe('hello helpline');
    await expect(openSealed(eve.privateKey, box, 'test/label')).rejects.toBeInstanceOf(DecryptionError);
    await expect(openSealed(alice.privateKey, box, 'other/label')).rejects.toBeInstanceOf(DecryptionError);
    const flipped = box.slice(0, -2) + (box.at(-2) === 'A' ? 'B' : 'A') + box.at(-1);
    await expect(openSealed(alice.privateKey, flipped, 'test/label')).rejects.toBeInstanceOf(DecryptionError);
    await expect(openSealed(alice.privateKey, 'nonsense', 'test/label')).rejects.toBeInstanceOf(DecryptionError);
    // Two boxes of the same message differ (fresh ephemeral key and nonce).
    expect(await sealTo(alice.publicKey, utf8Encode('x'), 'l')).not.toBe(await sealTo(alice.publicKey, utf8Encode('x'), 'l'));
  });

  it('derives the public key from the private key (RFC 7748 test vector)', () => {
    const priv = Uint8Array.from(Buffer.from('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', 'hex'));
    expect(Buffer.from(x25519PublicKeyOf(priv)).toString('hex')).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
  });
});

describe('member keys and the team key chain', () => {
  it('wraps a member private key under their password and refuses a wrong password', async () => {
    const member = generateX25519KeyPair();
    const { wrappingKey } = await deriveKeysWithParams('correct horse battery staple', salt, cheap);
    const wrapped = await wrapMemberPrivateKey(member.privateKey, wrappingKey);
    expect(
      await unwrapMemberPrivateKey(wrapped, (await deriveKeysWithParams('correct horse battery staple', salt, cheap)).wrappingKey),
    ).toEqual(member.privateKey);
    await expect(unwrapMemberPrivateKey(wrapped, (await deriveKeysWithParams('wrong', salt, cheap)).wrappingKey)).rejects.toBeInstanceOf(
      DecryptionError,
    );
  });

  it('a newcomer and a rotation: history stays readable, a leaver cannot open the new key', async () => {
    const admin = generateX25519KeyPair();
    const caseworker = generateX25519KeyPair();
    const leaver = generateX25519KeyPair();
    const team1 = generateX25519KeyPair();
    const v1: TeamKeyRecord = { version: 1, publicKey: base64urlEncode(team1.publicKey), sealedPrevious: null };
    const oldMessage = await sealTo(team1.publicKey, utf8Encode('before rotation'), 'msg');

    // The newcomer gets the key from an existing member's browser.
    const leaverGrant = await grantTeamKey(team1.privateKey, leaver.publicKey, 1);
    const leaverKeys = await openTeamKeys(leaver.privateKey, { version: 1, sealedKey: leaverGrant }, [v1]);
    expect(leaverKeys.privateKeys.get(1)).toEqual(team1.privateKey);

    // The leaver goes: a new key, wrapped to those who stay, carrying the old one.
    const next = await rotateTeamKey({ version: 1, privateKey: team1.privateKey });
    const v2: TeamKeyRecord = { version: 2, publicKey: base64urlEncode(next.keyPair.publicKey), sealedPrevious: next.sealedPrevious };
    const cwGrant = await grantTeamKey(next.keyPair.privateKey, caseworker.publicKey, 2);
    const keys = await openTeamKeys(caseworker.privateKey, { version: 2, sealedKey: cwGrant }, [v1, v2]);
    expect(keys.version).toBe(2);
    expect(keys.publicKey).toEqual(next.keyPair.publicKey);
    expect(utf8Decode(await openSealed(keys.privateKeys.get(1)!, oldMessage, 'msg'))).toBe('before rotation');
    const newMessage = await sealTo(keys.publicKey, utf8Encode('after rotation'), 'msg');
    expect(utf8Decode(await openSealed(keys.privateKeys.get(2)!, newMessage, 'msg'))).toBe('after rotation');
    await expect(openSealed(leaverKeys.privateKeys.get(1)!, newMessage, 'msg')).rejects.toBeInstanceOf(DecryptionError);
    // A grant sealed for another member, or a swapped public key, is refused.
    await expect(openTeamKeys(admin.privateKey, { version: 2, sealedKey: cwGrant }, [v1, v2])).rejects.toBeInstanceOf(DecryptionError);
    await expect(
      openTeamKeys(caseworker.privateKey, { version: 2, sealedKey: cwGrant }, [v1, { ...v2, publicKey: v1.publicKey }]),
    ).rejects.toThrow(/does not match/);
  });
});
