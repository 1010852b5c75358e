// Messages and shared entries, sealed so that both sides of one conversation, and only they, can read them. The
// body is AES-256-GCM (padded: see src/crypto/padding.ts) under a fresh content key; that key is sealed (X25519
// sealed box, src/crypto/team-keys.ts) to the team's current public key and to the person's own. The associated
// data binds the conversation and the item's id, so the server cannot move a message from one conversation, or
// one slot, to another. Used by the person's page, the workspace, tests and the benchmark.

import type { SealedContent } from '../../contracts/conversations.ts';
import { randomBytes, utf8Decode, utf8Encode } from '../../crypto/encoding.ts';
import { frame } from '../../crypto/framing.ts';
import { openJson, sealJson } from '../../crypto/items.ts';
import { openSealed, sealTo } from '../../crypto/team-keys.ts';

export type SealedKind = 'message' | 'share';

/** A message or share as it goes over the wire: declared once in src/contracts. */
export type { SealedContent };

export interface MessageContent {
  readonly text: string;
  readonly attachment?: { readonly name: string; readonly type: string; readonly data: string };
}

export interface ShareContent {
  /** What kind of vault item it came from ("note"). */
  readonly type: string;
  readonly text: string;
  /** When the person says it was written (ISO 8601). */
  readonly writtenAt: string | null;
  /** The item's timestamp from the transparency log receipt, ms. */
  readonly receiptAt: number | null;
}

const ad = (kind: SealedKind, conversationId: string, id: string) => frame(`casebook/talk/${kind}/v1`, conversationId, id);
const keyLabel = (kind: SealedKind, conversationId: string, id: string) => `casebook/talk/${kind}-key/v1/${conversationId}/${id}`;

export interface Recipients {
  readonly teamKeyVersion: number;
  readonly teamPublicKey: Uint8Array;
  readonly personPublicKey: Uint8Array;
}

export async function sealContent(
  kind: SealedKind,
  conversationId: string,
  id: string,
  content: unknown,
  to: Recipients,
): Promise<SealedContent> {
  const raw = randomBytes(32);
  try {
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
    const body = await sealJson(key, ad(kind, conversationId, id), content);
    const label = keyLabel(kind, conversationId, id);
    const [keyTeam, keyPerson] = await Promise.all([sealTo(to.teamPublicKey, raw, label), sealTo(to.personPublicKey, raw, label)]);
    return { id, teamKeyVersion: to.teamKeyVersion, body, keyTeam, keyPerson };
  } finally {
    raw.fill(0);
  }
}

/** Opens a message or share with the person's key ('person') or the team private key of its version ('team'). */
export async function openContent<T>(
  kind: SealedKind,
  conversationId: string,
  item: SealedContent,
  privateKey: Uint8Array,
  side: 'team' | 'person',
): Promise<T> {
  const raw = await openSealed(privateKey, side === 'team' ? item.keyTeam : item.keyPerson, keyLabel(kind, conversationId, item.id));
  try {
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    return await openJson<T>(key, ad(kind, conversationId, item.id), item.body, `${kind} ${item.id}`);
  } finally {
    raw.fill(0);
  }
}

// Internal notes, referral reasons and risk reasons: sealed to the team alone.
const noteLabel = (conversationId: string) => `casebook/talk/team-note/v1/${conversationId}`;

export function sealForTeam(teamPublicKey: Uint8Array, conversationId: string, text: string): Promise<string> {
  return sealTo(teamPublicKey, utf8Encode(JSON.stringify({ text })), noteLabel(conversationId));
}

export async function openForTeam(teamPrivateKey: Uint8Array, conversationId: string, sealed: string): Promise<string> {
  return (JSON.parse(utf8Decode(await openSealed(teamPrivateKey, sealed, noteLabel(conversationId)))) as { text: string }).text;
}
