import { b64url, b64urlBytes, envelope, object, uuid } from '../../shared/schemas.ts';

// JSON Schemas for the conversation routes: every object closed, every string bounded (T7).

/** A message's text and one small attachment, padded, base64url'd inside the ciphertext: about 1.4 MB at most. */
export const MAX_MESSAGE_CIPHERTEXT_BYTES = 1_500_000;
/** A shared diary entry: an item's content, with no attachments. */
export const MAX_SHARE_CIPHERTEXT_BYTES = 1_100_000;
/** A sealed content key: an ephemeral X25519 public key, a nonce, a 32-byte key and a tag, base64url'd, with room. */
const sealedKey = { type: 'string', minLength: 40, maxLength: 400, pattern: '^[A-Za-z0-9_.:-]*$' } as const;
/** A sealed note or reason: a few thousand characters of text. */
const sealedText = { type: 'string', minLength: 40, maxLength: 40_000, pattern: '^[A-Za-z0-9_.:-]*$' } as const;
const teamKeyVersion = { type: 'integer', minimum: 1, maximum: 1_000_000 } as const;

export const sealedContent = (maxCiphertextBytes: number) =>
  object({ id: uuid, teamKeyVersion, body: envelope(maxCiphertextBytes), keyTeam: sealedKey, keyPerson: sealedKey });

export const startBody = object({ token: b64urlBytes(32), publicKey: b64urlBytes(32) });
export const messageBody = sealedContent(MAX_MESSAGE_CIPHERTEXT_BYTES);
export const shareBody = sealedContent(MAX_SHARE_CIPHERTEXT_BYTES);
export const idParams = object({ id: uuid });
export const shareParams = object({ shareId: uuid });
export const conversationShareParams = object({ id: uuid, shareId: uuid });

export const queueQuery = object({ view: { type: 'string', enum: ['new', 'mine', 'waiting', 'closed'] } }, []);
export const assignBody = object({ to: { anyOf: [uuid, { type: 'null' }] } });
export const statusBody = object({ status: { type: 'string', enum: ['open', 'waiting', 'closed'] } });
export const noteBody = object({ teamKeyVersion, sealed: sealedText });
export const AGENCIES = ['paladin', 'police', 'idva', 'mash', 'national-stalking-helpline', 'other'] as const;
export const referralBody = object({ agency: { type: 'string', enum: [...AGENCIES] }, teamKeyVersion, sealed: sealedText });
export const riskBody = object({
  level: { type: 'string', enum: ['none', 'raised', 'high'] },
  teamKeyVersion: { anyOf: [teamKeyVersion, { type: 'null' }] },
  reason: { anyOf: [sealedText, { type: 'null' }] },
});
export const savedReplyBody = object({ title: { type: 'string', minLength: 1, maxLength: 100 }, body: { type: 'string', minLength: 1, maxLength: 4000 } });

export { b64url };
