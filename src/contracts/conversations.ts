// The conversations API (person and caseworker routes): every object closed, every string bounded (T7).
import { type Static, Type } from 'typebox';
import { b64urlBytes, envelope, object, uuid } from './vault/common.ts';

/** A message's text and one small attachment, padded, base64url'd inside the ciphertext: about 1.4 MB at most. */
export const MAX_MESSAGE_CIPHERTEXT_BYTES = 1_500_000;
/** A shared diary entry: an item's content, with no attachments. */
export const MAX_SHARE_CIPHERTEXT_BYTES = 1_100_000;
/** A sealed content key: an ephemeral X25519 public key, a nonce, a 32-byte key and a tag, base64url'd, with room. */
const sealedKey = Type.String({ minLength: 40, maxLength: 400, pattern: '^[A-Za-z0-9_.:-]*$' });
/** A sealed note or reason: a few thousand characters of text. */
const sealedText = Type.String({ minLength: 40, maxLength: 40_000, pattern: '^[A-Za-z0-9_.:-]*$' });
const teamKeyVersion = Type.Integer({ minimum: 1, maximum: 1_000_000 });

/** A string from a fixed list, written as `enum` so validation messages stay as they were. */
const oneOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const sealedContent = (maxCiphertextBytes: number) =>
  object({ id: uuid, teamKeyVersion, body: envelope(maxCiphertextBytes), keyTeam: sealedKey, keyPerson: sealedKey });
export type SealedContent = Static<ReturnType<typeof sealedContent>>;

export const startBody = object({ token: b64urlBytes(32), publicKey: b64urlBytes(32) });
export const messageBody = sealedContent(MAX_MESSAGE_CIPHERTEXT_BYTES);
export const shareBody = sealedContent(MAX_SHARE_CIPHERTEXT_BYTES);
export const idParams = object({ id: uuid });
export const shareParams = object({ shareId: uuid });
export const conversationShareParams = object({ id: uuid, shareId: uuid });

export const QUEUE_VIEWS = ['new', 'mine', 'waiting', 'closed'] as const;
export const queueQuery = object({ view: Type.Optional(oneOf(QUEUE_VIEWS)) });
export const assignBody = object({ to: Type.Union([uuid, Type.Null()]) });
export const statusBody = object({ status: oneOf(['open', 'waiting', 'closed'] as const) });
export const noteBody = object({ teamKeyVersion, sealed: sealedText });
export const AGENCIES = ['paladin', 'police', 'idva', 'mash', 'national-stalking-helpline', 'other'] as const;
export const referralBody = object({ agency: oneOf(AGENCIES), teamKeyVersion, sealed: sealedText });
export const riskBody = object({
  level: oneOf(['none', 'raised', 'high'] as const),
  teamKeyVersion: Type.Union([teamKeyVersion, Type.Null()]),
  reason: Type.Union([sealedText, Type.Null()]),
});
export const savedReplyBody = object({
  title: Type.String({ minLength: 1, maxLength: 100 }),
  body: Type.String({ minLength: 1, maxLength: 4000 }),
});
