// The member's own key and the team keys, opened in this browser only (docs/staff.md, T4).
import { base64urlDecode } from '../../crypto/encoding.ts';
import type { Envelope } from '../../crypto/envelope.ts';
import { openTeamKeys, type TeamKeyRecord, type TeamKeys, unwrapMemberPrivateKey } from '../../crypto/team-keys.ts';
import { HttpError } from '../http/http-client.ts';
import { configureKdfWorker, derivePassphraseKeys } from '../vault/kdf/derive.ts';
import { staffFetch } from './api.ts';

export interface KeysAnswer {
  member: { publicKey: string; wrappedPrivateKey: Envelope; kdf: { version: number; salt: string } } | null;
  team: TeamKeyRecord[];
  grant: { version: number; sealedKey: string } | null;
}

export function useStaffKdfWorker(): void {
  configureKdfWorker(document.body.dataset.kdfWorker);
}

/** The member's password → their wrapping key (Argon2id, about a second) → their X25519 private key. */
export async function openMemberKey(password: string, answer: KeysAnswer): Promise<Uint8Array> {
  if (!answer.member) throw new HttpError(409, 'no_member_key', 'Your account has no key yet. Ask an administrator to reset your account.');
  useStaffKdfWorker();
  const { wrappingKey } = await derivePassphraseKeys(password, base64urlDecode(answer.member.kdf.salt), answer.member.kdf.version);
  try {
    return await unwrapMemberPrivateKey(answer.member.wrappedPrivateKey, wrappingKey);
  } catch {
    throw new HttpError(403, 'wrong_password', 'That password is not right.');
  }
}

/**
 * Every team private key this member may hold, in memory only. Call once per page app; reloading the page
 * forgets them. Throws HttpError with a message to show (wrong password, no team key granted yet).
 */
export async function unlockTeamKeys(password: string): Promise<TeamKeys> {
  const answer = (await staffFetch('/api/staff/keys')) as KeysAnswer;
  const memberKey = await openMemberKey(password, answer);
  try {
    if (!answer.grant)
      throw new HttpError(
        409,
        'no_team_key',
        'You have not been given the team key yet. Ask an administrator to open the Team screen, which gives it to you.',
      );
    return await openTeamKeys(memberKey, answer.grant, answer.team);
  } finally {
    memberKey.fill(0);
  }
}
